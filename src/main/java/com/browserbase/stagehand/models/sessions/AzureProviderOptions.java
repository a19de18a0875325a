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

/** Azure OpenAI settings of a model. */
@JsonModel
@JsonDeserialize(builder = AzureProviderOptions.Builder.class)
public final class AzureProviderOptions {
  @JsonProperty("resourceName")
  private final String resourceName;
  @JsonProperty("baseURL")
  private final String baseURL;
  @JsonProperty("apiVersion")
  private final String apiVersion;
  @JsonProperty("useDeploymentBasedUrls")
  private final Boolean useDeploymentBasedUrls;
  @JsonProperty("headers")
  private final Map<String, String> headers;
  private final Map<String, JsonNode> additionalProperties;

  private AzureProviderOptions(Builder builder) {
    resourceName = builder.resourceName;
    baseURL = builder.baseURL;
    apiVersion = builder.apiVersion;
    useDeploymentBasedUrls = builder.useDeploymentBasedUrls;
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

  /** Azure OpenAI resource name. */
  public Optional<String> resourceName() {
    return Optional.ofNullable(resourceName);
  }

  /** Base URL of the Azure OpenAI provider. */
  public Optional<String> baseURL() {
    return Optional.ofNullable(baseURL);
  }

  /** Azure OpenAI API version, such as {@code 2024-10-01-preview}. */
  public Optional<String> apiVersion() {
    return Optional.ofNullable(apiVersion);
  }

  /** Whether to use deployment-based Azure OpenAI URLs. */
  public Optional<Boolean> useDeploymentBasedUrls() {
    return Optional.ofNullable(useDeploymentBasedUrls);
  }

  /** Custom headers sent with every request to Azure OpenAI; values are treated as secrets. */
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
    if (!(o instanceof AzureProviderOptions)) {
      return false;
    }
    AzureProviderOptions that = (AzureProviderOptions) o;
    return Objects.equals(resourceName, that.resourceName)
        && Objects.equals(baseURL, that.baseURL)
        && Objects.equals(apiVersion, that.apiVersion)
        && Objects.equals(useDeploymentBasedUrls, that.useDeploymentBasedUrls)
        && Objects.equals(headers, that.headers)
        && additionalProperties.equals(that.additionalProperties);
  }

  @Override
  public int hashCode() {
    return Objects.hash(resourceName, baseURL, apiVersion, useDeploymentBasedUrls, headers, additionalProperties);
  }

  /** Shows the set values; secrets show as {@code ***}. */
  @Override
  public String toString() {
    return ToString.of("AzureProviderOptions")
        .add("resourceName", resourceName)
        .add("baseURL", baseURL)
        .add("apiVersion", apiVersion)
        .add("useDeploymentBasedUrls", useDeploymentBasedUrls)
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
  public AzureProviderOptions validate() {
    validateAt("");
    return this;
  }

  void validateAt(String path) {
  }

  /** Builds {@link AzureProviderOptions}. Not thread-safe; setters reject {@code null}. */
  @JsonModel
  @JsonPOJOBuilder(withPrefix = "", buildMethodName = "buildFromJson")
  public static final class Builder {
    private String resourceName;
    private String baseURL;
    private String apiVersion;
    private Boolean useDeploymentBasedUrls;
    private Map<String, String> headers;
    private Map<String, JsonNode> additionalProperties;

    private Builder() {}

    private Builder(AzureProviderOptions source) {
      resourceName = source.resourceName;
      baseURL = source.baseURL;
      apiVersion = source.apiVersion;
      useDeploymentBasedUrls = source.useDeploymentBasedUrls;
      headers = source.headers == null ? null : new LinkedHashMap<>(source.headers);
      additionalProperties = source.additionalProperties.isEmpty()
          ? null
          : new LinkedHashMap<>(source.additionalProperties);
    }

    /** Azure OpenAI resource name. */
    @JsonProperty("resourceName")
    public Builder resourceName(String resourceName) {
      this.resourceName = Checks.notNull(resourceName, "resourceName");
      return this;
    }

    /** Base URL of the Azure OpenAI provider. */
    @JsonProperty("baseURL")
    public Builder baseURL(String baseURL) {
      this.baseURL = Checks.notNull(baseURL, "baseURL");
      return this;
    }

    /** Azure OpenAI API version, such as {@code 2024-10-01-preview}. */
    @JsonProperty("apiVersion")
    public Builder apiVersion(String apiVersion) {
      this.apiVersion = Checks.notNull(apiVersion, "apiVersion");
      return this;
    }

    /** Whether to use deployment-based Azure OpenAI URLs. */
    @JsonProperty("useDeploymentBasedUrls")
    public Builder useDeploymentBasedUrls(boolean useDeploymentBasedUrls) {
      this.useDeploymentBasedUrls = useDeploymentBasedUrls;
      return this;
    }

    /** Custom headers sent with every request to Azure OpenAI; values are treated as secrets. */
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

    /** Builds the AzureProviderOptions. */
    public AzureProviderOptions build() {
      return new AzureProviderOptions(this);
    }

    // Jackson's way in: values read from the server are not held to build()'s checks.
    private AzureProviderOptions buildFromJson() {
      return new AzureProviderOptions(this);
    }
  }
}
