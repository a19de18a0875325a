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

/** The response of {@code sessions().replay(...)}. */
@JsonModel
@JsonDeserialize(builder = SessionReplayResponse.Builder.class)
public final class SessionReplayResponse {
  @JsonProperty("success")
  private final Boolean success;
  @JsonProperty("data")
  private final ReplayResult data;
  private final Map<String, JsonNode> additionalProperties;

  private SessionReplayResponse(Builder builder) {
    success = builder.success;
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

  /** Whether the request succeeded. */
  public boolean success() {
    return Checks.present(success, "SessionReplayResponse", "success");
  }

  /** The replay. */
  public ReplayResult data() {
    return Checks.present(data, "SessionReplayResponse", "data");
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
    if (!(o instanceof SessionReplayResponse)) {
      return false;
    }
    SessionReplayResponse that = (SessionReplayResponse) o;
    return Objects.equals(success, that.success)
        && Objects.equals(data, that.data)
        && additionalProperties.equals(that.additionalProperties);
  }

  @Override
  public int hashCode() {
    return Objects.hash(success, data, additionalProperties);
  }

  /** Shows the set values; secrets show as {@code ***}. */
  @Override
  public String toString() {
    return ToString.of("SessionReplayResponse")
        .add("success", success)
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
  public SessionReplayResponse validate() {
    validateAt("");
    return this;
  }

  void validateAt(String path) {
    Checks.presentAt(success, path, "success", "SessionReplayResponse");
    Checks.presentAt(data, path, "data", "SessionReplayResponse");
    if (data != null) {
      data.validateAt(path + "data.");
    }
  }

  /** Builds {@link SessionReplayResponse}. Not thread-safe; setters reject {@code null}. */
  @JsonModel
  @JsonPOJOBuilder(withPrefix = "", buildMethodName = "buildFromJson")
  public static final class Builder {
    private Boolean success;
    private ReplayResult data;
    private Map<String, JsonNode> additionalProperties;

    private Builder() {}

    private Builder(SessionReplayResponse source) {
      success = source.success;
      data = source.data;
      additionalProperties = source.additionalProperties.isEmpty()
          ? null
          : new LinkedHashMap<>(source.additionalProperties);
    }

    /** Whether the request succeeded. */
    @JsonProperty("success")
    public Builder success(boolean success) {
      this.success = success;
      return this;
    }

    /** The replay. */
    @JsonProperty("data")
    public Builder data(ReplayResult data) {
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
     * Builds the SessionReplayResponse, or throws {@link IllegalStateException} naming a required
     * property that is not set.
     */
    public SessionReplayResponse build() {
      Checks.required(success, "SessionReplayResponse", "success");
      Checks.required(data, "SessionReplayResponse", "data");
      return new SessionReplayResponse(this);
    }

    // Jackson's way in: values read from the server are not held to build()'s checks.
    private SessionReplayResponse buildFromJson() {
      return new SessionReplayResponse(this);
    }
  }
}
