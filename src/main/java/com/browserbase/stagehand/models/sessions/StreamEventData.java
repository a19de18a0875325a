package com.browserbase.stagehand.models.sessions;

import com.browserbase.stagehand.internal.Checks;
import com.browserbase.stagehand.internal.Json;
import com.browserbase.stagehand.internal.JsonModel;
import com.browserbase.stagehand.internal.ToString;
import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The payload of a {@link StreamEvent}, one class for both kinds: a status change carries {@link
 * #status()} and, at the end, {@link #result()} or {@link #error()}; a log line carries {@link
 * #message()} and, when the server sent a structured line, {@link #level()} and {@link #category()}.
 */
@JsonModel
@JsonDeserialize(builder = StreamEventData.Builder.class)
public final class StreamEventData {
  @JsonProperty("status")
  private final StreamEventStatus status;
  @JsonProperty("result")
  private final JsonNode result;
  @JsonProperty("error")
  private final JsonNode error;
  @JsonProperty("message")
  private final JsonNode message;
  @JsonProperty("cacheHit")
  private final Boolean cacheHit;
  private final Map<String, JsonNode> additionalProperties;

  private StreamEventData(Builder builder) {
    status = builder.status;
    result = builder.result;
    error = builder.error;
    message = builder.message;
    cacheHit = builder.cacheHit;
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

  /** The status of the operation; log lines are {@code running}. */
  public StreamEventStatus status() {
    return Checks.present(status, "StreamEventData", "status");
  }

  /** The operation's result, on the {@code finished} event. */
  public Optional<JsonNode> result() {
    return Optional.ofNullable(result);
  }

  /**
   * The error text, on the {@code error} event. A list of validation issues reads as {@code path:
   * message; path: message}.
   */
  public Optional<String> error() {
    if (error == null) {
      return Optional.empty();
    }
    if (error.isTextual()) {
      return Optional.of(error.textValue());
    }
    if (error.isArray()) {
      StringBuilder text = new StringBuilder();
      for (JsonNode issue : error) {
        if (text.length() > 0) {
          text.append("; ");
        }
        String path = issue.path("path").isArray() ? joinPath(issue.get("path")) : issue.path("path").asText("");
        text.append(path.isEmpty() ? "" : path + ": ").append(issue.path("message").asText(issue.toString()));
      }
      return Optional.of(text.toString());
    }
    return Optional.of(error.isObject() && error.has("message") ? error.get("message").asText() : error.toString());
  }

  /** The error exactly as the server sent it (a string or a list of {@code {path, message}}). */
  public Optional<JsonNode> errorDetails() {
    return Optional.ofNullable(error);
  }

  /**
   * The log text, on a log line. The server sends either a string or a structured line {@code
   * {"category": ..., "message": ..., "level": ...}}; this is the text in both cases.
   */
  public Optional<String> message() {
    if (message == null) {
      return Optional.empty();
    }
    if (message.isObject()) {
      JsonNode text = message.get("message");
      return Optional.of(text != null ? text.asText() : message.toString());
    }
    return Optional.of(message.asText());
  }

  /** The level of a structured log line (0 error, 1 info, 2 debug). */
  public Optional<Integer> level() {
    JsonNode level = message != null ? message.get("level") : null;
    return level != null && level.canConvertToInt() ? Optional.of(level.intValue()) : Optional.<Integer>empty();
  }

  /** The category of a structured log line, such as {@code action}. */
  public Optional<String> category() {
    JsonNode category = message != null ? message.get("category") : null;
    return category != null && category.isTextual() ? Optional.of(category.textValue()) : Optional.<String>empty();
  }

  /** The log line exactly as the server sent it: a string, or the structured object. */
  public Optional<JsonNode> messageDetails() {
    return Optional.ofNullable(message);
  }

  /**
   * Whether the hosted API answered from its cache of results, on the {@code finished} event (not
   * in the API's specification; empty when the server does not say). See {@link
   * com.browserbase.stagehand.core.RequestOptions.Builder#cacheBypass(boolean)}.
   */
  public Optional<Boolean> cacheHit() {
    return Optional.ofNullable(cacheHit);
  }

  /** Properties this SDK version does not model, as they came or were set; never null. */
  @JsonAnyGetter
  public Map<String, JsonNode> additionalProperties() {
    return additionalProperties;
  }

  /**
   * Checks that the status is present. Returns this object; throws {@link
   * com.browserbase.stagehand.errors.StagehandInvalidDataException} naming the missing property.
   */
  public StreamEventData validate() {
    validateAt("");
    return this;
  }

  void validateAt(String path) {
    Checks.presentAt(status, path, "status", "StreamEventData");
  }

  private static String joinPath(JsonNode path) {
    StringBuilder joined = new StringBuilder();
    for (JsonNode part : path) {
      joined.append(joined.length() > 0 ? "." : "").append(part.asText());
    }
    return joined.toString();
  }

  @Override
  public boolean equals(Object o) {
    if (o == this) {
      return true;
    }
    if (!(o instanceof StreamEventData)) {
      return false;
    }
    StreamEventData that = (StreamEventData) o;
    return Objects.equals(status, that.status)
        && Objects.equals(result, that.result)
        && Objects.equals(error, that.error)
        && Objects.equals(message, that.message)
        && Objects.equals(cacheHit, that.cacheHit)
        && additionalProperties.equals(that.additionalProperties);
  }

  @Override
  public int hashCode() {
    return Objects.hash(status, result, error, message, cacheHit, additionalProperties);
  }

  /** Shows the set values. */
  @Override
  public String toString() {
    return ToString.of("StreamEventData")
        .add("status", status)
        .add("message", message)
        .add("result", result)
        .add("error", error)
        .add("cacheHit", cacheHit)
        .additional(additionalProperties)
        .toString();
  }

  /** Builds {@link StreamEventData}. Not thread-safe; setters reject {@code null}. */
  @JsonModel
  @JsonPOJOBuilder(withPrefix = "", buildMethodName = "buildFromJson")
  public static final class Builder {
    private StreamEventStatus status;
    private JsonNode result;
    private JsonNode error;
    private JsonNode message;
    private Boolean cacheHit;
    private Map<String, JsonNode> additionalProperties;

    private Builder() {}

    private Builder(StreamEventData source) {
      status = source.status;
      result = source.result;
      error = source.error;
      message = source.message;
      cacheHit = source.cacheHit;
      additionalProperties =
          source.additionalProperties.isEmpty() ? null : new LinkedHashMap<>(source.additionalProperties);
    }

    /** The status of the operation. */
    @JsonProperty("status")
    public Builder status(StreamEventStatus status) {
      this.status = Checks.notNull(status, "status");
      return this;
    }

    /** The operation's result; any value Jackson can write. */
    public Builder result(Object result) {
      this.result = Json.toTree(Checks.notNull(result, "result"));
      return this;
    }

    @JsonProperty("result")
    @JsonSetter(nulls = Nulls.SET)
    private Builder resultFromJson(JsonNode result) {
      this.result = result != null ? result : NullNode.getInstance();
      return this;
    }

    /** The error text. */
    public Builder error(String error) {
      this.error = TextNode.valueOf(Checks.notNull(error, "error"));
      return this;
    }

    @JsonProperty("error")
    private Builder errorFromJson(JsonNode error) {
      this.error = error;
      return this;
    }

    /** The log text. */
    public Builder message(String message) {
      this.message = TextNode.valueOf(Checks.notNull(message, "message"));
      return this;
    }

    @JsonProperty("message")
    private Builder messageFromJson(JsonNode message) {
      this.message = message;
      return this;
    }

    /** Whether the hosted API answered from its cache of results. */
    @JsonProperty("cacheHit")
    public Builder cacheHit(boolean cacheHit) {
      this.cacheHit = cacheHit;
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

    /** Builds the payload; {@code status} is required. */
    public StreamEventData build() {
      Checks.required(status, "StreamEventData", "status");
      return new StreamEventData(this);
    }

    // Jackson's way in: values read from the server are not held to build()'s checks.
    private StreamEventData buildFromJson() {
      return new StreamEventData(this);
    }
  }
}
