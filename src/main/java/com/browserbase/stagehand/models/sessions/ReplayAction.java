package com.browserbase.stagehand.models.sessions;

import com.browserbase.stagehand.internal.Checks;
import com.browserbase.stagehand.internal.Json;
import com.browserbase.stagehand.internal.JsonModel;
import com.browserbase.stagehand.internal.Params;
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
import java.util.Optional;

/** One action in a session replay. */
@JsonModel
@JsonDeserialize(builder = ReplayAction.Builder.class)
public final class ReplayAction {
  @JsonProperty("method")
  private final String method;
  @JsonProperty("parameters")
  private final Map<String, JsonNode> parameters;
  @JsonProperty("result")
  private final Map<String, JsonNode> result;
  @JsonProperty("timestamp")
  private final Double timestamp;
  @JsonProperty("endTime")
  private final Double endTime;
  @JsonProperty("tokenUsage")
  private final TokenUsage tokenUsage;
  private final Map<String, JsonNode> additionalProperties;

  private ReplayAction(Builder builder) {
    method = builder.method;
    parameters = Checks.copy(builder.parameters, "parameters");
    result = Checks.copy(builder.result, "result");
    timestamp = builder.timestamp;
    endTime = builder.endTime;
    tokenUsage = builder.tokenUsage;
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

  /** The operation, such as {@code act}. */
  public String method() {
    return Checks.present(method, "ReplayAction", "method");
  }

  /** The parameters of the call. */
  public Map<String, JsonNode> parameters() {
    return Checks.orEmpty(parameters);
  }

  /** The result of the call. */
  public Map<String, JsonNode> result() {
    return Checks.orEmpty(result);
  }

  /** When it started, in epoch milliseconds. */
  public double timestamp() {
    return Checks.present(timestamp, "ReplayAction", "timestamp");
  }

  /** When it ended, in epoch milliseconds. */
  public Optional<Double> endTime() {
    return Optional.ofNullable(endTime);
  }

  /** Tokens used. */
  public Optional<TokenUsage> tokenUsage() {
    return Optional.ofNullable(tokenUsage);
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
    if (!(o instanceof ReplayAction)) {
      return false;
    }
    ReplayAction that = (ReplayAction) o;
    return Objects.equals(method, that.method)
        && Objects.equals(parameters, that.parameters)
        && Objects.equals(result, that.result)
        && Objects.equals(timestamp, that.timestamp)
        && Objects.equals(endTime, that.endTime)
        && Objects.equals(tokenUsage, that.tokenUsage)
        && additionalProperties.equals(that.additionalProperties);
  }

  @Override
  public int hashCode() {
    return Objects.hash(method, parameters, result, timestamp, endTime, tokenUsage, additionalProperties);
  }

  /** Shows the set values; secrets show as {@code ***}. */
  @Override
  public String toString() {
    return ToString.of("ReplayAction")
        .add("method", method)
        .add("parameters", parameters)
        .add("result", result)
        .add("timestamp", timestamp)
        .add("endTime", endTime)
        .add("tokenUsage", tokenUsage)
        .additional(additionalProperties)
        .toString();
  }

  /**
   * Checks that every required property is present, here and in nested objects, and that unions have
   * a known form. Returns this object; throws {@link
   * com.browserbase.stagehand.errors.StagehandInvalidDataException} naming the first problem by its
   * path, such as {@code data.result.message}.
   */
  public ReplayAction validate() {
    validateAt("");
    return this;
  }

  void validateAt(String path) {
    Checks.presentAt(method, path, "method", "ReplayAction");
    Checks.presentAt(parameters, path, "parameters", "ReplayAction");
    Checks.presentAt(result, path, "result", "ReplayAction");
    Checks.presentAt(timestamp, path, "timestamp", "ReplayAction");
    if (tokenUsage != null) {
      tokenUsage.validateAt(path + "tokenUsage.");
    }
  }

  /** Builds {@link ReplayAction}. Not thread-safe; setters reject {@code null}. */
  @JsonModel
  @JsonPOJOBuilder(withPrefix = "", buildMethodName = "buildFromJson")
  public static final class Builder {
    private String method;
    private Map<String, JsonNode> parameters;
    private Map<String, JsonNode> result;
    private Double timestamp;
    private Double endTime;
    private TokenUsage tokenUsage;
    private Map<String, JsonNode> additionalProperties;

    private Builder() {}

    private Builder(ReplayAction source) {
      method = source.method;
      parameters = source.parameters == null ? null : new LinkedHashMap<>(source.parameters);
      result = source.result == null ? null : new LinkedHashMap<>(source.result);
      timestamp = source.timestamp;
      endTime = source.endTime;
      tokenUsage = source.tokenUsage;
      additionalProperties = source.additionalProperties.isEmpty()
          ? null
          : new LinkedHashMap<>(source.additionalProperties);
    }

    /** The operation, such as {@code act}. */
    @JsonProperty("method")
    public Builder method(String method) {
      this.method = Checks.notNull(method, "method");
      return this;
    }

    /** The parameters of the call. */
    @JsonProperty("parameters")
    public Builder parameters(Map<String, ?> parameters) {
      this.parameters = Params.toTrees(Checks.notNull(parameters, "parameters"));
      return this;
    }

    /** Puts one entry into {@link #parameters(Map)}; any value Jackson can write. */
    public Builder putParameter(String name, Object value) {
      if (parameters == null) {
        parameters = new LinkedHashMap<>();
      }
      parameters.put(Checks.notNull(name, "name"), Json.toTree(value));
      return this;
    }

    /** The result of the call. */
    @JsonProperty("result")
    public Builder result(Map<String, ?> result) {
      this.result = Params.toTrees(Checks.notNull(result, "result"));
      return this;
    }

    /** Puts one entry into {@link #result(Map)}; any value Jackson can write. */
    public Builder putResult(String name, Object value) {
      if (result == null) {
        result = new LinkedHashMap<>();
      }
      result.put(Checks.notNull(name, "name"), Json.toTree(value));
      return this;
    }

    /** When it started, in epoch milliseconds. */
    @JsonProperty("timestamp")
    public Builder timestamp(double timestamp) {
      this.timestamp = timestamp;
      return this;
    }

    /** When it ended, in epoch milliseconds. */
    @JsonProperty("endTime")
    public Builder endTime(double endTime) {
      this.endTime = endTime;
      return this;
    }

    /** Tokens used. */
    @JsonProperty("tokenUsage")
    public Builder tokenUsage(TokenUsage tokenUsage) {
      this.tokenUsage = Checks.notNull(tokenUsage, "tokenUsage");
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
     * Builds the ReplayAction, or throws {@link IllegalStateException} naming a required property that
     * is not set.
     */
    public ReplayAction build() {
      Checks.required(method, "ReplayAction", "method");
      Checks.required(parameters, "ReplayAction", "parameters");
      Checks.required(result, "ReplayAction", "result");
      Checks.required(timestamp, "ReplayAction", "timestamp");
      return new ReplayAction(this);
    }

    // Jackson's way in: values read from the server are not held to build()'s checks.
    private ReplayAction buildFromJson() {
      return new ReplayAction(this);
    }
  }
}
