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

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** A cache entry of an agent run, captured when the request asked for one. */
@JsonModel
@JsonDeserialize(builder = AgentCacheEntry.Builder.class)
public final class AgentCacheEntry {
  @JsonProperty("cacheKey")
  private final String cacheKey;
  @JsonProperty("entry")
  private final JsonNode entry;
  private final Map<String, JsonNode> additionalProperties;

  private AgentCacheEntry(Builder builder) {
    cacheKey = builder.cacheKey;
    entry = builder.entry;
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

  /** Opaque cache key computed from instruction, URL, options and config. */
  public String cacheKey() {
    return Checks.present(cacheKey, "AgentCacheEntry", "cacheKey");
  }

  /** The serialized cache entry, to be written to disk as it is. */
  public JsonNode entry() {
    return Checks.present(entry, "AgentCacheEntry", "entry");
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
    if (!(o instanceof AgentCacheEntry)) {
      return false;
    }
    AgentCacheEntry that = (AgentCacheEntry) o;
    return Objects.equals(cacheKey, that.cacheKey)
        && Objects.equals(entry, that.entry)
        && additionalProperties.equals(that.additionalProperties);
  }

  @Override
  public int hashCode() {
    return Objects.hash(cacheKey, entry, additionalProperties);
  }

  /** Shows the set values; secrets show as {@code ***}. */
  @Override
  public String toString() {
    return ToString.of("AgentCacheEntry")
        .add("cacheKey", cacheKey)
        .add("entry", entry)
        .additional(additionalProperties)
        .toString();
  }

  /**
   * Checks that every required property is present, here and in nested objects, and that unions have
   * a known form. Returns this object; throws {@link
   * com.browserbase.stagehand.errors.StagehandInvalidDataException} naming the first problem by its
   * path, such as {@code data.result.message}.
   */
  public AgentCacheEntry validate() {
    validateAt("");
    return this;
  }

  void validateAt(String path) {
    Checks.presentAt(cacheKey, path, "cacheKey", "AgentCacheEntry");
    Checks.presentAt(entry, path, "entry", "AgentCacheEntry");
  }

  /** Builds {@link AgentCacheEntry}. Not thread-safe; setters reject {@code null}. */
  @JsonModel
  @JsonPOJOBuilder(withPrefix = "", buildMethodName = "buildFromJson")
  public static final class Builder {
    private String cacheKey;
    private JsonNode entry;
    private Map<String, JsonNode> additionalProperties;

    private Builder() {}

    private Builder(AgentCacheEntry source) {
      cacheKey = source.cacheKey;
      entry = source.entry;
      additionalProperties = source.additionalProperties.isEmpty()
          ? null
          : new LinkedHashMap<>(source.additionalProperties);
    }

    /** Opaque cache key computed from instruction, URL, options and config. */
    @JsonProperty("cacheKey")
    public Builder cacheKey(String cacheKey) {
      this.cacheKey = Checks.notNull(cacheKey, "cacheKey");
      return this;
    }

    /** The serialized cache entry, to be written to disk as it is. The node is copied. */
    public Builder entry(JsonNode entry) {
      this.entry = Checks.notNull(entry, "entry").deepCopy();
      return this;
    }

    @JsonProperty("entry")
    @JsonSetter(nulls = Nulls.SET) // a JSON null is a value here: kept as NullNode
    private Builder entryFromJson(JsonNode entry) {
      this.entry = entry != null ? entry : NullNode.getInstance();
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
     * Builds the AgentCacheEntry, or throws {@link IllegalStateException} naming a required property
     * that is not set.
     */
    public AgentCacheEntry build() {
      Checks.required(cacheKey, "AgentCacheEntry", "cacheKey");
      Checks.required(entry, "AgentCacheEntry", "entry");
      return new AgentCacheEntry(this);
    }

    // Jackson's way in: values read from the server are not held to build()'s checks.
    private AgentCacheEntry buildFromJson() {
      return new AgentCacheEntry(this);
    }
  }
}
