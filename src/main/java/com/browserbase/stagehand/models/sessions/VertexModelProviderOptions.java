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

/** The {@code providerOptions} of a Vertex AI model: {@code {"vertex": {...}}}. */
@JsonModel
@JsonDeserialize(builder = VertexModelProviderOptions.Builder.class)
public final class VertexModelProviderOptions implements ModelProviderOptions {
  @JsonProperty("vertex")
  private final VertexProviderOptions vertex;
  private final Map<String, JsonNode> additionalProperties;

  private VertexModelProviderOptions(Builder builder) {
    vertex = builder.vertex;
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

  /** Vertex AI settings. */
  public VertexProviderOptions vertex() {
    return Checks.present(vertex, "VertexModelProviderOptions", "vertex");
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
    if (!(o instanceof VertexModelProviderOptions)) {
      return false;
    }
    VertexModelProviderOptions that = (VertexModelProviderOptions) o;
    return Objects.equals(vertex, that.vertex)
        && additionalProperties.equals(that.additionalProperties);
  }

  @Override
  public int hashCode() {
    return Objects.hash(vertex, additionalProperties);
  }

  /** Shows the set values; secrets show as {@code ***}. */
  @Override
  public String toString() {
    return ToString.of("VertexModelProviderOptions")
        .add("vertex", vertex)
        .additional(additionalProperties)
        .toString();
  }

  /**
   * Checks that every required property is present, here and in nested objects, and that unions have
   * a known form. Returns this object; throws {@link
   * com.browserbase.stagehand.errors.StagehandInvalidDataException} naming the first problem by its
   * path, such as {@code data.result.message}.
   */
  public VertexModelProviderOptions validate() {
    validateAt("");
    return this;
  }

  void validateAt(String path) {
    Checks.presentAt(vertex, path, "vertex", "VertexModelProviderOptions");
    if (vertex != null) {
      vertex.validateAt(path + "vertex.");
    }
  }

  /** Builds {@link VertexModelProviderOptions}. Not thread-safe; setters reject {@code null}. */
  @JsonModel
  @JsonPOJOBuilder(withPrefix = "", buildMethodName = "buildFromJson")
  public static final class Builder {
    private VertexProviderOptions vertex;
    private Map<String, JsonNode> additionalProperties;

    private Builder() {}

    private Builder(VertexModelProviderOptions source) {
      vertex = source.vertex;
      additionalProperties = source.additionalProperties.isEmpty()
          ? null
          : new LinkedHashMap<>(source.additionalProperties);
    }

    /** Vertex AI settings. */
    @JsonProperty("vertex")
    public Builder vertex(VertexProviderOptions vertex) {
      this.vertex = Checks.notNull(vertex, "vertex");
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
     * Builds the VertexModelProviderOptions, or throws {@link IllegalStateException} naming a required
     * property that is not set.
     */
    public VertexModelProviderOptions build() {
      Checks.required(vertex, "VertexModelProviderOptions", "vertex");
      return new VertexModelProviderOptions(this);
    }

    // Jackson's way in: values read from the server are not held to build()'s checks.
    private VertexModelProviderOptions buildFromJson() {
      return new VertexModelProviderOptions(this);
    }
  }
}
