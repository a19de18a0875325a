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

/** Tokens and inference time an agent run used. */
@JsonModel
@JsonDeserialize(builder = AgentUsage.Builder.class)
public final class AgentUsage {
  @JsonProperty("input_tokens")
  private final Long inputTokens;
  @JsonProperty("output_tokens")
  private final Long outputTokens;
  @JsonProperty("reasoning_tokens")
  private final Long reasoningTokens;
  @JsonProperty("cached_input_tokens")
  private final Long cachedInputTokens;
  @JsonProperty("inference_time_ms")
  private final Double inferenceTimeMs;
  private final Map<String, JsonNode> additionalProperties;

  private AgentUsage(Builder builder) {
    inputTokens = builder.inputTokens;
    outputTokens = builder.outputTokens;
    reasoningTokens = builder.reasoningTokens;
    cachedInputTokens = builder.cachedInputTokens;
    inferenceTimeMs = builder.inferenceTimeMs;
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
  public long inputTokens() {
    return Checks.present(inputTokens, "AgentUsage", "inputTokens");
  }

  /** Output tokens. */
  public long outputTokens() {
    return Checks.present(outputTokens, "AgentUsage", "outputTokens");
  }

  /** Reasoning tokens. */
  public Optional<Long> reasoningTokens() {
    return Optional.ofNullable(reasoningTokens);
  }

  /** Input tokens served from cache. */
  public Optional<Long> cachedInputTokens() {
    return Optional.ofNullable(cachedInputTokens);
  }

  /** Inference time in milliseconds. */
  public double inferenceTimeMs() {
    return Checks.present(inferenceTimeMs, "AgentUsage", "inferenceTimeMs");
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
    if (!(o instanceof AgentUsage)) {
      return false;
    }
    AgentUsage that = (AgentUsage) o;
    return Objects.equals(inputTokens, that.inputTokens)
        && Objects.equals(outputTokens, that.outputTokens)
        && Objects.equals(reasoningTokens, that.reasoningTokens)
        && Objects.equals(cachedInputTokens, that.cachedInputTokens)
        && Objects.equals(inferenceTimeMs, that.inferenceTimeMs)
        && additionalProperties.equals(that.additionalProperties);
  }

  @Override
  public int hashCode() {
    return Objects.hash(inputTokens, outputTokens, reasoningTokens, cachedInputTokens, inferenceTimeMs, additionalProperties);
  }

  /** Shows the set values; secrets show as {@code ***}. */
  @Override
  public String toString() {
    return ToString.of("AgentUsage")
        .add("inputTokens", inputTokens)
        .add("outputTokens", outputTokens)
        .add("reasoningTokens", reasoningTokens)
        .add("cachedInputTokens", cachedInputTokens)
        .add("inferenceTimeMs", inferenceTimeMs)
        .additional(additionalProperties)
        .toString();
  }

  /**
   * Checks that every required property is present, here and in nested objects, and that unions have
   * a known form. Returns this object; throws {@link
   * com.browserbase.stagehand.errors.StagehandInvalidDataException} naming the first problem by its
   * path, such as {@code data.result.message}.
   */
  public AgentUsage validate() {
    validateAt("");
    return this;
  }

  void validateAt(String path) {
    Checks.presentAt(inputTokens, path, "input_tokens", "AgentUsage");
    Checks.presentAt(outputTokens, path, "output_tokens", "AgentUsage");
    Checks.presentAt(inferenceTimeMs, path, "inference_time_ms", "AgentUsage");
  }

  /** Builds {@link AgentUsage}. Not thread-safe; setters reject {@code null}. */
  @JsonModel
  @JsonPOJOBuilder(withPrefix = "", buildMethodName = "buildFromJson")
  public static final class Builder {
    private Long inputTokens;
    private Long outputTokens;
    private Long reasoningTokens;
    private Long cachedInputTokens;
    private Double inferenceTimeMs;
    private Map<String, JsonNode> additionalProperties;

    private Builder() {}

    private Builder(AgentUsage source) {
      inputTokens = source.inputTokens;
      outputTokens = source.outputTokens;
      reasoningTokens = source.reasoningTokens;
      cachedInputTokens = source.cachedInputTokens;
      inferenceTimeMs = source.inferenceTimeMs;
      additionalProperties = source.additionalProperties.isEmpty()
          ? null
          : new LinkedHashMap<>(source.additionalProperties);
    }

    /** Input tokens. */
    @JsonProperty("input_tokens")
    public Builder inputTokens(long inputTokens) {
      this.inputTokens = inputTokens;
      return this;
    }

    /** Output tokens. */
    @JsonProperty("output_tokens")
    public Builder outputTokens(long outputTokens) {
      this.outputTokens = outputTokens;
      return this;
    }

    /** Reasoning tokens. */
    @JsonProperty("reasoning_tokens")
    public Builder reasoningTokens(long reasoningTokens) {
      this.reasoningTokens = reasoningTokens;
      return this;
    }

    /** Input tokens served from cache. */
    @JsonProperty("cached_input_tokens")
    public Builder cachedInputTokens(long cachedInputTokens) {
      this.cachedInputTokens = cachedInputTokens;
      return this;
    }

    /** Inference time in milliseconds. */
    @JsonProperty("inference_time_ms")
    public Builder inferenceTimeMs(double inferenceTimeMs) {
      this.inferenceTimeMs = inferenceTimeMs;
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
     * Builds the AgentUsage, or throws {@link IllegalStateException} naming a required property that
     * is not set.
     */
    public AgentUsage build() {
      Checks.required(inputTokens, "AgentUsage", "inputTokens");
      Checks.required(outputTokens, "AgentUsage", "outputTokens");
      Checks.required(inferenceTimeMs, "AgentUsage", "inferenceTimeMs");
      return new AgentUsage(this);
    }

    // Jackson's way in: values read from the server are not held to build()'s checks.
    private AgentUsage buildFromJson() {
      return new AgentUsage(this);
    }
  }
}
