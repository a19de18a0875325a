package com.browserbase.stagehand.models.sessions;

import com.browserbase.stagehand.internal.Checks;
import com.browserbase.stagehand.internal.Json;
import com.browserbase.stagehand.internal.JsonModel;
import com.browserbase.stagehand.internal.ToString;
import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import com.fasterxml.jackson.databind.node.NullNode;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One Server-Sent Event of a streamed operation: a status change ({@code system}) or a log line
 * ({@code log}).
 */
@JsonModel
@JsonDeserialize(builder = StreamEvent.Builder.class)
public final class StreamEvent {
  @JsonProperty("id")
  private final String id;
  @JsonProperty("type")
  private final StreamEventType type;
  @JsonProperty("data")
  private final StreamEventData data;
  private final Map<String, JsonNode> additionalProperties;

  private StreamEvent(Builder builder) {
    id = builder.id;
    type = builder.type;
    data = builder.data;
    additionalProperties = Checks.additional(builder.additionalProperties);
  }

  /** Returns a new, empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder holding this object's values, to make a changed copy. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Event id. */
  public String id() {
    return Checks.present(id, "StreamEvent", "id");
  }

  /** Whether this is a status change or a log line. */
  public StreamEventType type() {
    return Checks.present(type, "StreamEvent", "type");
  }

  /** The payload: status, and the log text, result or error. */
  public StreamEventData data() {
    return Checks.present(data, "StreamEvent", "data");
  }

  /** Properties this SDK version does not model, as they came or were set; never null. */
  @JsonAnyGetter
  public Map<String, JsonNode> additionalProperties() {
    return additionalProperties;
  }

  @Override
  public boolean equals(Object o) {
    if (o == this) {
      return true;
    }
    if (!(o instanceof StreamEvent)) {
      return false;
    }
    StreamEvent that = (StreamEvent) o;
    return Objects.equals(id, that.id)
        && Objects.equals(type, that.type)
        && Objects.equals(data, that.data)
        && additionalProperties.equals(that.additionalProperties);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, type, data, additionalProperties);
  }

  /** Shows the set values; secrets show as {@code ***}. */
  @Override
  public String toString() {
    return ToString.of("StreamEvent")
        .add("id", id)
        .add("type", type)
        .add("data", data)
        .additional(additionalProperties)
        .toString();
  }

  /**
   * Checks that every required property is present, here and in nested objects, and that unions have
   * a known form. Returns this object; throws {@link
   * com.browserbase.stagehand.errors.StagehandInvalidDataException} naming the first problem by its
   * path, such as {@code data.result.message}.
   */
  public StreamEvent validate() {
    validateAt("");
    return this;
  }

  void validateAt(String path) {
    Checks.presentAt(id, path, "id", "StreamEvent");
    Checks.presentAt(type, path, "type", "StreamEvent");
    Checks.presentAt(data, path, "data", "StreamEvent");
    if (data != null) {
      data.validateAt(path + "data.");
    }
  }

  /** Builds {@link StreamEvent}. Not thread-safe; setters reject {@code null}. */
  @JsonModel
  @JsonPOJOBuilder(withPrefix = "", buildMethodName = "buildFromJson")
  public static final class Builder {
    private String id;
    private StreamEventType type;
    private StreamEventData data;
    private Map<String, JsonNode> additionalProperties;

    private Builder() {}

    private Builder(StreamEvent source) {
      id = source.id;
      type = source.type;
      data = source.data;
      additionalProperties = source.additionalProperties.isEmpty()
          ? null
          : new LinkedHashMap<>(source.additionalProperties);
    }

    /** Event id. */
    @JsonProperty("id")
    public Builder id(String id) {
      this.id = Checks.notNull(id, "id");
      return this;
    }

    /** Whether this is a status change or a log line. */
    @JsonProperty("type")
    public Builder type(StreamEventType type) {
      this.type = Checks.notNull(type, "type");
      return this;
    }

    /** The payload: status, and the log text, result or error. */
    @JsonProperty("data")
    public Builder data(StreamEventData data) {
      this.data = Checks.notNull(data, "data");
      return this;
    }

    /** Sets a property this SDK version does not model; any value Jackson can write. */
    public Builder putAdditionalProperty(String name, Object value) {
      if (additionalProperties == null) {
        additionalProperties = new LinkedHashMap<>();
      }
      additionalProperties.put(Checks.notNull(name, "name"), Json.toTree(value));
      return this;
    }

    @JsonAnySetter
    private Builder putAdditionalJson(String name, JsonNode value) {
      if (additionalProperties == null) {
        additionalProperties = new LinkedHashMap<>();
      }
      additionalProperties.put(name, value != null ? value : NullNode.getInstance());
      return this;
    }

    /** Removes a property set with {@link #putAdditionalProperty}. */
    public Builder removeAdditionalProperty(String name) {
      if (additionalProperties != null) {
        additionalProperties.remove(name);
      }
      return this;
    }

    /**
     * Builds the StreamEvent, or throws {@link IllegalStateException} naming a required property that
     * is not set.
     */
    public StreamEvent build() {
      Checks.required(id, "StreamEvent", "id");
      Checks.required(type, "StreamEvent", "type");
      Checks.required(data, "StreamEvent", "data");
      return new StreamEvent(this);
    }

    // Jackson's way in: values read from the server are not held to build()'s checks.
    private StreamEvent buildFromJson() {
      return new StreamEvent(this);
    }
  }
}
