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

/** The result of an agent run. */
@JsonModel
@JsonDeserialize(builder = AgentExecuteResult.Builder.class)
public final class AgentExecuteResult {
  @JsonProperty("result")
  private final AgentResultData result;
  @JsonProperty("cacheEntry")
  private final AgentCacheEntry cacheEntry;
  private final Map<String, JsonNode> additionalProperties;

  private AgentExecuteResult(Builder builder) {
    result = builder.result;
    cacheEntry = builder.cacheEntry;
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

  /** What the agent did. */
  public AgentResultData result() {
    return Checks.present(result, "AgentExecuteResult", "result");
  }

  /** The cache entry, when the request asked for one. */
  public Optional<AgentCacheEntry> cacheEntry() {
    return Optional.ofNullable(cacheEntry);
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
    if (!(o instanceof AgentExecuteResult)) {
      return false;
    }
    AgentExecuteResult that = (AgentExecuteResult) o;
    return Objects.equals(result, that.result)
        && Objects.equals(cacheEntry, that.cacheEntry)
        && additionalProperties.equals(that.additionalProperties);
  }

  @Override
  public int hashCode() {
    return Objects.hash(result, cacheEntry, additionalProperties);
  }

  /** Shows the set values; secrets show as {@code ***}. */
  @Override
  public String toString() {
    return ToString.of("AgentExecuteResult")
        .add("result", result)
        .add("cacheEntry", cacheEntry)
        .additional(additionalProperties)
        .toString();
  }

  /**
   * Checks that every required property is present, here and in nested objects, and that unions have
   * a known form. Returns this object; throws {@link
   * com.browserbase.stagehand.errors.StagehandInvalidDataException} naming the first problem by its
   * path, such as {@code data.result.message}.
   */
  public AgentExecuteResult validate() {
    validateAt("");
    return this;
  }

  void validateAt(String path) {
    Checks.presentAt(result, path, "result", "AgentExecuteResult");
    if (result != null) {
      result.validateAt(path + "result.");
    }
    if (cacheEntry != null) {
      cacheEntry.validateAt(path + "cacheEntry.");
    }
  }

  /** Builds {@link AgentExecuteResult}. Not thread-safe; setters reject {@code null}. */
  @JsonModel
  @JsonPOJOBuilder(withPrefix = "", buildMethodName = "buildFromJson")
  public static final class Builder {
    private AgentResultData result;
    private AgentCacheEntry cacheEntry;
    private Map<String, JsonNode> additionalProperties;

    private Builder() {}

    private Builder(AgentExecuteResult source) {
      result = source.result;
      cacheEntry = source.cacheEntry;
      additionalProperties = source.additionalProperties.isEmpty()
          ? null
          : new LinkedHashMap<>(source.additionalProperties);
    }

    /** What the agent did. */
    @JsonProperty("result")
    public Builder result(AgentResultData result) {
      this.result = Checks.notNull(result, "result");
      return this;
    }

    /** The cache entry, when the request asked for one. */
    @JsonProperty("cacheEntry")
    public Builder cacheEntry(AgentCacheEntry cacheEntry) {
      this.cacheEntry = Checks.notNull(cacheEntry, "cacheEntry");
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
     * Builds the AgentExecuteResult, or throws {@link IllegalStateException} naming a required
     * property that is not set.
     */
    public AgentExecuteResult build() {
      Checks.required(result, "AgentExecuteResult", "result");
      return new AgentExecuteResult(this);
    }

    // Jackson's way in: values read from the server are not held to build()'s checks.
    private AgentExecuteResult buildFromJson() {
      return new AgentExecuteResult(this);
    }
  }
}
