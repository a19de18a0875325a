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

/** Screen size bounds of a generated browser fingerprint. */
@JsonModel
@JsonDeserialize(builder = BrowserbaseFingerprintScreen.Builder.class)
public final class BrowserbaseFingerprintScreen {
  @JsonProperty("maxHeight")
  private final Integer maxHeight;
  @JsonProperty("maxWidth")
  private final Integer maxWidth;
  @JsonProperty("minHeight")
  private final Integer minHeight;
  @JsonProperty("minWidth")
  private final Integer minWidth;
  private final Map<String, JsonNode> additionalProperties;

  private BrowserbaseFingerprintScreen(Builder builder) {
    maxHeight = builder.maxHeight;
    maxWidth = builder.maxWidth;
    minHeight = builder.minHeight;
    minWidth = builder.minWidth;
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

  /** Largest screen height. */
  public Optional<Integer> maxHeight() {
    return Optional.ofNullable(maxHeight);
  }

  /** Largest screen width. */
  public Optional<Integer> maxWidth() {
    return Optional.ofNullable(maxWidth);
  }

  /** Smallest screen height. */
  public Optional<Integer> minHeight() {
    return Optional.ofNullable(minHeight);
  }

  /** Smallest screen width. */
  public Optional<Integer> minWidth() {
    return Optional.ofNullable(minWidth);
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
    if (!(o instanceof BrowserbaseFingerprintScreen)) {
      return false;
    }
    BrowserbaseFingerprintScreen that = (BrowserbaseFingerprintScreen) o;
    return Objects.equals(maxHeight, that.maxHeight)
        && Objects.equals(maxWidth, that.maxWidth)
        && Objects.equals(minHeight, that.minHeight)
        && Objects.equals(minWidth, that.minWidth)
        && additionalProperties.equals(that.additionalProperties);
  }

  @Override
  public int hashCode() {
    return Objects.hash(maxHeight, maxWidth, minHeight, minWidth, additionalProperties);
  }

  /** Shows the set values; secrets show as {@code ***}. */
  @Override
  public String toString() {
    return ToString.of("BrowserbaseFingerprintScreen")
        .add("maxHeight", maxHeight)
        .add("maxWidth", maxWidth)
        .add("minHeight", minHeight)
        .add("minWidth", minWidth)
        .additional(additionalProperties)
        .toString();
  }

  /**
   * Checks that every required property is present, here and in nested objects, and that unions have
   * a known form. Returns this object; throws {@link
   * com.browserbase.stagehand.errors.StagehandInvalidDataException} naming the first problem by its
   * path, such as {@code data.result.message}.
   */
  public BrowserbaseFingerprintScreen validate() {
    validateAt("");
    return this;
  }

  void validateAt(String path) {
  }

  /** Builds {@link BrowserbaseFingerprintScreen}. Not thread-safe; setters reject {@code null}. */
  @JsonModel
  @JsonPOJOBuilder(withPrefix = "", buildMethodName = "buildFromJson")
  public static final class Builder {
    private Integer maxHeight;
    private Integer maxWidth;
    private Integer minHeight;
    private Integer minWidth;
    private Map<String, JsonNode> additionalProperties;

    private Builder() {}

    private Builder(BrowserbaseFingerprintScreen source) {
      maxHeight = source.maxHeight;
      maxWidth = source.maxWidth;
      minHeight = source.minHeight;
      minWidth = source.minWidth;
      additionalProperties = source.additionalProperties.isEmpty()
          ? null
          : new LinkedHashMap<>(source.additionalProperties);
    }

    /** Largest screen height. */
    @JsonProperty("maxHeight")
    public Builder maxHeight(int maxHeight) {
      this.maxHeight = Checks.nonNegative(maxHeight, "maxHeight");
      return this;
    }

    /** Largest screen width. */
    @JsonProperty("maxWidth")
    public Builder maxWidth(int maxWidth) {
      this.maxWidth = Checks.nonNegative(maxWidth, "maxWidth");
      return this;
    }

    /** Smallest screen height. */
    @JsonProperty("minHeight")
    public Builder minHeight(int minHeight) {
      this.minHeight = Checks.nonNegative(minHeight, "minHeight");
      return this;
    }

    /** Smallest screen width. */
    @JsonProperty("minWidth")
    public Builder minWidth(int minWidth) {
      this.minWidth = Checks.nonNegative(minWidth, "minWidth");
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

    /** Builds the BrowserbaseFingerprintScreen. */
    public BrowserbaseFingerprintScreen build() {
      return new BrowserbaseFingerprintScreen(this);
    }

    // Jackson's way in: values read from the server are not held to build()'s checks.
    private BrowserbaseFingerprintScreen buildFromJson() {
      return new BrowserbaseFingerprintScreen(this);
    }
  }
}
