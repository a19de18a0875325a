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
import java.util.Optional;

/** Tokens, time and cost of one replayed action. */
@JsonModel
@JsonDeserialize(builder = TokenUsage.Builder.class)
public final class TokenUsage {
  @JsonProperty("inputTokens")
  private final Long inputTokens;
  @JsonProperty("outputTokens")
  private final Long outputTokens;
  @JsonProperty("timeMs")
  private final Double timeMs;
  @JsonProperty("cost")
  private final Double cost;
  private final Map<String, JsonNode> additionalProperties;

  private TokenUsage(Builder builder) {
    inputTokens = builder.inputTokens;
    outputTokens = builder.outputTokens;
    timeMs = builder.timeMs;
    cost = builder.cost;
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

  /** Input tokens. */
  public Optional<Long> inputTokens() {
    return Optional.ofNullable(inputTokens);
  }

  /** Output tokens. */
  public Optional<Long> outputTokens() {
    return Optional.ofNullable(outputTokens);
  }

  /** Time in milliseconds. */
  public Optional<Double> timeMs() {
    return Optional.ofNullable(timeMs);
  }

  /** Cost. */
  public Optional<Double> cost() {
    return Optional.ofNullable(cost);
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
    if (!(o instanceof TokenUsage)) {
      return false;
    }
    TokenUsage that = (TokenUsage) o;
    return Objects.equals(inputTokens, that.inputTokens)
        && Objects.equals(outputTokens, that.outputTokens)
        && Objects.equals(timeMs, that.timeMs)
        && Objects.equals(cost, that.cost)
        && additionalProperties.equals(that.additionalProperties);
  }

  @Override
  public int hashCode() {
    return Objects.hash(inputTokens, outputTokens, timeMs, cost, additionalProperties);
  }

  /** Shows the set values; secrets show as {@code ***}. */
  @Override
  public String toString() {
    return ToString.of("TokenUsage")
        .add("inputTokens", inputTokens)
        .add("outputTokens", outputTokens)
        .add("timeMs", timeMs)
        .add("cost", cost)
        .additional(additionalProperties)
        .toString();
  }

  /**
   * Checks that every required property is present, here and in nested objects, and that unions have
   * a known form. Returns this object; throws {@link
   * com.browserbase.stagehand.errors.StagehandInvalidDataException} naming the first problem by its
   * path, such as {@code data.result.message}.
   */
  public TokenUsage validate() {
    validateAt("");
    return this;
  }

  void validateAt(String path) {
  }

  /** Builds {@link TokenUsage}. Not thread-safe; setters reject {@code null}. */
  @JsonModel
  @JsonPOJOBuilder(withPrefix = "", buildMethodName = "buildFromJson")
  public static final class Builder {
    private Long inputTokens;
    private Long outputTokens;
    private Double timeMs;
    private Double cost;
    private Map<String, JsonNode> additionalProperties;

    private Builder() {}

    private Builder(TokenUsage source) {
      inputTokens = source.inputTokens;
      outputTokens = source.outputTokens;
      timeMs = source.timeMs;
      cost = source.cost;
      additionalProperties = source.additionalProperties.isEmpty()
          ? null
          : new LinkedHashMap<>(source.additionalProperties);
    }

    /** Input tokens. */
    @JsonProperty("inputTokens")
    public Builder inputTokens(long inputTokens) {
      this.inputTokens = inputTokens;
      return this;
    }

    /** Output tokens. */
    @JsonProperty("outputTokens")
    public Builder outputTokens(long outputTokens) {
      this.outputTokens = outputTokens;
      return this;
    }

    /** Time in milliseconds. */
    @JsonProperty("timeMs")
    public Builder timeMs(double timeMs) {
      this.timeMs = timeMs;
      return this;
    }

    /** Cost. */
    @JsonProperty("cost")
    public Builder cost(double cost) {
      this.cost = cost;
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

    /** Builds the TokenUsage. */
    public TokenUsage build() {
      return new TokenUsage(this);
    }

    // Jackson's way in: values read from the server are not held to build()'s checks.
    private TokenUsage buildFromJson() {
      return new TokenUsage(this);
    }
  }
}
