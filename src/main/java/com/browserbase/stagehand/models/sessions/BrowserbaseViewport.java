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

/** The viewport of a Browserbase browser, in CSS pixels. */
@JsonModel
@JsonDeserialize(builder = BrowserbaseViewport.Builder.class)
public final class BrowserbaseViewport {
  @JsonProperty("width")
  private final Integer width;
  @JsonProperty("height")
  private final Integer height;
  private final Map<String, JsonNode> additionalProperties;

  private BrowserbaseViewport(Builder builder) {
    width = builder.width;
    height = builder.height;
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

  /** Width in pixels. */
  public Optional<Integer> width() {
    return Optional.ofNullable(width);
  }

  /** Height in pixels. */
  public Optional<Integer> height() {
    return Optional.ofNullable(height);
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
    if (!(o instanceof BrowserbaseViewport)) {
      return false;
    }
    BrowserbaseViewport that = (BrowserbaseViewport) o;
    return Objects.equals(width, that.width)
        && Objects.equals(height, that.height)
        && additionalProperties.equals(that.additionalProperties);
  }

  @Override
  public int hashCode() {
    return Objects.hash(width, height, additionalProperties);
  }

  /** Shows the set values; secrets show as {@code ***}. */
  @Override
  public String toString() {
    return ToString.of("BrowserbaseViewport")
        .add("width", width)
        .add("height", height)
        .additional(additionalProperties)
        .toString();
  }

  /**
   * Checks that every required property is present, here and in nested objects, and that unions have
   * a known form. Returns this object; throws {@link
   * com.browserbase.stagehand.errors.StagehandInvalidDataException} naming the first problem by its
   * path, such as {@code data.result.message}.
   */
  public BrowserbaseViewport validate() {
    validateAt("");
    return this;
  }

  void validateAt(String path) {
  }

  /** Builds {@link BrowserbaseViewport}. Not thread-safe; setters reject {@code null}. */
  @JsonModel
  @JsonPOJOBuilder(withPrefix = "", buildMethodName = "buildFromJson")
  public static final class Builder {
    private Integer width;
    private Integer height;
    private Map<String, JsonNode> additionalProperties;

    private Builder() {}

    private Builder(BrowserbaseViewport source) {
      width = source.width;
      height = source.height;
      additionalProperties = source.additionalProperties.isEmpty()
          ? null
          : new LinkedHashMap<>(source.additionalProperties);
    }

    /** Width in pixels. */
    @JsonProperty("width")
    public Builder width(int width) {
      this.width = Checks.nonNegative(width, "width");
      return this;
    }

    /** Height in pixels. */
    @JsonProperty("height")
    public Builder height(int height) {
      this.height = Checks.nonNegative(height, "height");
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

    /** Builds the BrowserbaseViewport. */
    public BrowserbaseViewport build() {
      return new BrowserbaseViewport(this);
    }

    // Jackson's way in: values read from the server are not held to build()'s checks.
    private BrowserbaseViewport buildFromJson() {
      return new BrowserbaseViewport(this);
    }
  }
}
