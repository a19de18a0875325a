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

/** Vertex AI settings of a model. */
@JsonModel
@JsonDeserialize(builder = VertexProviderOptions.Builder.class)
public final class VertexProviderOptions {
  @JsonProperty("project")
  private final String project;
  @JsonProperty("location")
  private final String location;
  @JsonProperty("baseURL")
  private final String baseURL;
  @JsonProperty("headers")
  private final Map<String, String> headers;
  private final Map<String, JsonNode> additionalProperties;

  private VertexProviderOptions(Builder builder) {
    project = builder.project;
    location = builder.location;
    baseURL = builder.baseURL;
    headers = Checks.copy(builder.headers, "headers");
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

  /** Google Cloud project id of the Vertex AI model. */
  public String project() {
    return Checks.present(project, "VertexProviderOptions", "project");
  }

  /** Google Cloud location of the Vertex AI model, such as {@code us-central1}. */
  public String location() {
    return Checks.present(location, "VertexProviderOptions", "location");
  }

  /** Base URL of the Vertex AI provider. */
  public Optional<String> baseURL() {
    return Optional.ofNullable(baseURL);
  }

  /** Custom headers sent with every request to Vertex AI; values are treated as secrets. */
  public Map<String, String> headers() {
    return Checks.orEmpty(headers);
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
    if (!(o instanceof VertexProviderOptions)) {
      return false;
    }
    VertexProviderOptions that = (VertexProviderOptions) o;
    return Objects.equals(project, that.project)
        && Objects.equals(location, that.location)
        && Objects.equals(baseURL, that.baseURL)
        && Objects.equals(headers, that.headers)
        && additionalProperties.equals(that.additionalProperties);
  }

  @Override
  public int hashCode() {
    return Objects.hash(project, location, baseURL, headers, additionalProperties);
  }

  /** Shows the set values; secrets show as {@code ***}. */
  @Override
  public String toString() {
    return ToString.of("VertexProviderOptions")
        .add("project", project)
        .add("location", location)
        .add("baseURL", baseURL)
        .secretValues("headers", headers)
        .additional(additionalProperties)
        .toString();
  }

  /**
   * Checks that every required property is present, here and in nested objects, and that unions have
   * a known form. Returns this object; throws {@link
   * com.browserbase.stagehand.errors.StagehandInvalidDataException} naming the first problem by its
   * path, such as {@code data.result.message}.
   */
  public VertexProviderOptions validate() {
    validateAt("");
    return this;
  }

  void validateAt(String path) {
    Checks.presentAt(project, path, "project", "VertexProviderOptions");
    Checks.presentAt(location, path, "location", "VertexProviderOptions");
  }

  /** Builds {@link VertexProviderOptions}. Not thread-safe; setters reject {@code null}. */
  @JsonModel
  @JsonPOJOBuilder(withPrefix = "", buildMethodName = "buildFromJson")
  public static final class Builder {
    private String project;
    private String location;
    private String baseURL;
    private Map<String, String> headers;
    private Map<String, JsonNode> additionalProperties;

    private Builder() {}

    private Builder(VertexProviderOptions source) {
      project = source.project;
      location = source.location;
      baseURL = source.baseURL;
      headers = source.headers == null ? null : new LinkedHashMap<>(source.headers);
      additionalProperties = source.additionalProperties.isEmpty()
          ? null
          : new LinkedHashMap<>(source.additionalProperties);
    }

    /** Google Cloud project id of the Vertex AI model. */
    @JsonProperty("project")
    public Builder project(String project) {
      this.project = Checks.notNull(project, "project");
      return this;
    }

    /** Google Cloud location of the Vertex AI model, such as {@code us-central1}. */
    @JsonProperty("location")
    public Builder location(String location) {
      this.location = Checks.notNull(location, "location");
      return this;
    }

    /** Base URL of the Vertex AI provider. */
    @JsonProperty("baseURL")
    public Builder baseURL(String baseURL) {
      this.baseURL = Checks.notNull(baseURL, "baseURL");
      return this;
    }

    /** Custom headers sent with every request to Vertex AI; values are treated as secrets. */
    @JsonProperty("headers")
    public Builder headers(Map<String, String> headers) {
      this.headers = new LinkedHashMap<>(Checks.notNull(headers, "headers"));
      return this;
    }

    /** Puts one entry into {@link #headers(Map)}. */
    public Builder putHeader(String name, String value) {
      if (headers == null) {
        headers = new LinkedHashMap<>();
      }
      headers.put(Checks.notNull(name, "name"), Checks.notNull(value, "value"));
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
     * Builds the VertexProviderOptions, or throws {@link IllegalStateException} naming a required
     * property that is not set.
     */
    public VertexProviderOptions build() {
      Checks.required(project, "VertexProviderOptions", "project");
      Checks.required(location, "VertexProviderOptions", "location");
      return new VertexProviderOptions(this);
    }

    // Jackson's way in: values read from the server are not held to build()'s checks.
    private VertexProviderOptions buildFromJson() {
      return new VertexProviderOptions(this);
    }
  }
}
