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

/** A Browserbase context: cookies and storage shared across sessions. */
@JsonModel
@JsonDeserialize(builder = BrowserbaseContext.Builder.class)
public final class BrowserbaseContext {
  @JsonProperty("id")
  private final String id;
  @JsonProperty("persist")
  private final Boolean persist;
  private final Map<String, JsonNode> additionalProperties;

  private BrowserbaseContext(Builder builder) {
    id = builder.id;
    persist = builder.persist;
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

  /** Context id. */
  public String id() {
    return Checks.present(id, "BrowserbaseContext", "id");
  }

  /** Whether to save changes back to the context. */
  public Optional<Boolean> persist() {
    return Optional.ofNullable(persist);
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
    if (!(o instanceof BrowserbaseContext)) {
      return false;
    }
    BrowserbaseContext that = (BrowserbaseContext) o;
    return Objects.equals(id, that.id)
        && Objects.equals(persist, that.persist)
        && additionalProperties.equals(that.additionalProperties);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, persist, additionalProperties);
  }

  /** Shows the set values; secrets show as {@code ***}. */
  @Override
  public String toString() {
    return ToString.of("BrowserbaseContext")
        .add("id", id)
        .add("persist", persist)
        .additional(additionalProperties)
        .toString();
  }

  /**
   * Checks that every required property is present, here and in nested objects, and that unions have
   * a known form. Returns this object; throws {@link
   * com.browserbase.stagehand.errors.StagehandInvalidDataException} naming the first problem by its
   * path, such as {@code data.result.message}.
   */
  public BrowserbaseContext validate() {
    validateAt("");
    return this;
  }

  void validateAt(String path) {
    Checks.presentAt(id, path, "id", "BrowserbaseContext");
  }

  /** Builds {@link BrowserbaseContext}. Not thread-safe; setters reject {@code null}. */
  @JsonModel
  @JsonPOJOBuilder(withPrefix = "", buildMethodName = "buildFromJson")
  public static final class Builder {
    private String id;
    private Boolean persist;
    private Map<String, JsonNode> additionalProperties;

    private Builder() {}

    private Builder(BrowserbaseContext source) {
      id = source.id;
      persist = source.persist;
      additionalProperties = source.additionalProperties.isEmpty()
          ? null
          : new LinkedHashMap<>(source.additionalProperties);
    }

    /** Context id. */
    @JsonProperty("id")
    public Builder id(String id) {
      this.id = Checks.notNull(id, "id");
      return this;
    }

    /** Whether to save changes back to the context. */
    @JsonProperty("persist")
    public Builder persist(boolean persist) {
      this.persist = persist;
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
     * Builds the BrowserbaseContext, or throws {@link IllegalStateException} naming a required
     * property that is not set.
     */
    public BrowserbaseContext build() {
      Checks.required(id, "BrowserbaseContext", "id");
      return new BrowserbaseContext(this);
    }

    // Jackson's way in: values read from the server are not held to build()'s checks.
    private BrowserbaseContext buildFromJson() {
      return new BrowserbaseContext(this);
    }
  }
}
