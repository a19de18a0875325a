package com.browserbase.stagehand.models.sessions;

import com.browserbase.stagehand.core.OpenEnum;
import com.browserbase.stagehand.internal.Checks;
import com.browserbase.stagehand.internal.Json;
import com.browserbase.stagehand.internal.JsonModel;
import com.browserbase.stagehand.internal.ToString;
import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import com.fasterxml.jackson.databind.node.NullNode;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The configuration of an AI model: a generic provider, Vertex AI or Azure OpenAI. The generic
 * form needs only {@code modelName}; Vertex adds {@code provider}, {@code auth} and {@code
 * providerOptions}; Azure adds {@code provider}, {@code providerOptions} and an API key or Entra
 * ID {@code auth}.
 */
@JsonModel
@JsonDeserialize(builder = ModelConfig.Builder.class)
public final class ModelConfig {
  @JsonProperty("modelName")
  private final String modelName;
  @JsonProperty("apiKey")
  private final String apiKey;
  @JsonProperty("baseURL")
  private final String baseURL;
  @JsonProperty("headers")
  private final Map<String, String> headers;
  @JsonProperty("openaiEndpointFormat")
  private final OpenaiEndpointFormat openaiEndpointFormat;
  @JsonProperty("provider")
  private final ModelProvider provider;
  @JsonProperty("auth")
  private final ModelAuth auth;
  @JsonProperty("providerOptions")
  private final ModelProviderOptions providerOptions;
  private final Map<String, JsonNode> additionalProperties;

  private ModelConfig(Builder builder) {
    modelName = builder.modelName;
    apiKey = builder.apiKey;
    baseURL = builder.baseURL;
    headers = Checks.copy(builder.headers, "headers");
    openaiEndpointFormat = builder.openaiEndpointFormat;
    provider = builder.provider;
    auth = builder.auth;
    providerOptions = builder.providerOptions;
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

  /** Model name with provider prefix, such as {@code openai/gpt-5-nano}. */
  public String modelName() {
    return Checks.present(modelName, "ModelConfig", "modelName");
  }

  /** API key of the model provider. Never shown by {@code toString()}. */
  public Optional<String> apiKey() {
    return Optional.ofNullable(apiKey);
  }

  /** Base URL of the model provider. */
  public Optional<String> baseURL() {
    return Optional.ofNullable(baseURL);
  }

  /** Custom headers sent with every request to the model provider; values are treated as secrets. */
  public Map<String, String> headers() {
    return Checks.orEmpty(headers);
  }

  /** Wire format of an OpenAI-compatible endpoint; the Responses API when not set. */
  public Optional<OpenaiEndpointFormat> openaiEndpointFormat() {
    return Optional.ofNullable(openaiEndpointFormat);
  }

  /** The provider: {@code vertex} and {@code azure} select those forms. */
  public Optional<ModelProvider> provider() {
    return Optional.ofNullable(provider);
  }

  /** How to authenticate with Vertex AI or Azure OpenAI. */
  public Optional<ModelAuth> auth() {
    return Optional.ofNullable(auth);
  }

  /** Vertex AI or Azure OpenAI settings. */
  public Optional<ModelProviderOptions> providerOptions() {
    return Optional.ofNullable(providerOptions);
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
    if (!(o instanceof ModelConfig)) {
      return false;
    }
    ModelConfig that = (ModelConfig) o;
    return Objects.equals(modelName, that.modelName)
        && Objects.equals(apiKey, that.apiKey)
        && Objects.equals(baseURL, that.baseURL)
        && Objects.equals(headers, that.headers)
        && Objects.equals(openaiEndpointFormat, that.openaiEndpointFormat)
        && Objects.equals(provider, that.provider)
        && Objects.equals(auth, that.auth)
        && Objects.equals(providerOptions, that.providerOptions)
        && additionalProperties.equals(that.additionalProperties);
  }

  @Override
  public int hashCode() {
    return Objects.hash(modelName, apiKey, baseURL, headers, openaiEndpointFormat, provider, auth, providerOptions, additionalProperties);
  }

  /** Shows the set values; secrets show as {@code ***}. */
  @Override
  public String toString() {
    return ToString.of("ModelConfig")
        .add("modelName", modelName)
        .secret("apiKey", apiKey)
        .add("baseURL", baseURL)
        .secretValues("headers", headers)
        .add("openaiEndpointFormat", openaiEndpointFormat)
        .add("provider", provider)
        .add("auth", auth)
        .add("providerOptions", providerOptions)
        .additional(additionalProperties)
        .toString();
  }

  /**
   * Checks that every required property is present, here and in nested objects, and that unions have
   * a known form. Returns this object; throws {@link
   * com.browserbase.stagehand.errors.StagehandInvalidDataException} naming the first problem by its
   * path, such as {@code data.result.message}.
   */
  public ModelConfig validate() {
    validateAt("");
    return this;
  }

  void validateAt(String path) {
    Checks.presentAt(modelName, path, "modelName", "ModelConfig");
  }

  /** Builds {@link ModelConfig}. Not thread-safe; setters reject {@code null}. */
  @JsonModel
  @JsonPOJOBuilder(withPrefix = "", buildMethodName = "buildFromJson")
  public static final class Builder {
    private String modelName;
    private String apiKey;
    private String baseURL;
    private Map<String, String> headers;
    private OpenaiEndpointFormat openaiEndpointFormat;
    private ModelProvider provider;
    private ModelAuth auth;
    private ModelProviderOptions providerOptions;
    private Map<String, JsonNode> additionalProperties;

    private Builder() {}

    private Builder(ModelConfig source) {
      modelName = source.modelName;
      apiKey = source.apiKey;
      baseURL = source.baseURL;
      headers = source.headers == null ? null : new LinkedHashMap<>(source.headers);
      openaiEndpointFormat = source.openaiEndpointFormat;
      provider = source.provider;
      auth = source.auth;
      providerOptions = source.providerOptions;
      additionalProperties = source.additionalProperties.isEmpty()
          ? null
          : new LinkedHashMap<>(source.additionalProperties);
    }

    /** Model name with provider prefix, such as {@code openai/gpt-5-nano}. */
    @JsonProperty("modelName")
    public Builder modelName(String modelName) {
      this.modelName = Checks.notNull(modelName, "modelName");
      return this;
    }

    /** API key of the model provider. Never shown by {@code toString()}. */
    @JsonProperty("apiKey")
    public Builder apiKey(String apiKey) {
      this.apiKey = Checks.notNull(apiKey, "apiKey");
      return this;
    }

    /** Base URL of the model provider. */
    @JsonProperty("baseURL")
    public Builder baseURL(String baseURL) {
      this.baseURL = Checks.notNull(baseURL, "baseURL");
      return this;
    }

    /** Custom headers sent with every request to the model provider; values are treated as secrets. */
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

    /** Wire format of an OpenAI-compatible endpoint; the Responses API when not set. */
    @JsonProperty("openaiEndpointFormat")
    public Builder openaiEndpointFormat(OpenaiEndpointFormat openaiEndpointFormat) {
      this.openaiEndpointFormat = Checks.notNull(openaiEndpointFormat, "openaiEndpointFormat");
      return this;
    }

    /** The provider: {@code vertex} and {@code azure} select those forms. */
    @JsonProperty("provider")
    public Builder provider(ModelProvider provider) {
      this.provider = Checks.notNull(provider, "provider");
      return this;
    }

    /** How to authenticate with Vertex AI or Azure OpenAI. */
    @JsonProperty("auth")
    public Builder auth(ModelAuth auth) {
      this.auth = Checks.notNull(auth, "auth");
      return this;
    }

    /** Vertex AI or Azure OpenAI settings. */
    @JsonProperty("providerOptions")
    public Builder providerOptions(ModelProviderOptions providerOptions) {
      this.providerOptions = Checks.notNull(providerOptions, "providerOptions");
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
     * Builds the ModelConfig, or throws {@link IllegalStateException} naming a required property that
     * is not set.
     */
    public ModelConfig build() {
      Checks.required(modelName, "ModelConfig", "modelName");
      return new ModelConfig(this);
    }

    // Jackson's way in: values read from the server are not held to build()'s checks.
    private ModelConfig buildFromJson() {
      return new ModelConfig(this);
    }
  }

  /**
   * The wire format of an OpenAI-compatible endpoint. An open enumeration: {@link #of(String)}
   * accepts values this SDK version does not know.
   */
  public static final class OpenaiEndpointFormat extends OpenEnum {
    /** {@code responses} */
    public static final OpenaiEndpointFormat RESPONSES = new OpenaiEndpointFormat("responses", true);
    /** {@code chat} */
    public static final OpenaiEndpointFormat CHAT = new OpenaiEndpointFormat("chat", true);

    private static final Map<String, OpenaiEndpointFormat> KNOWN =
        index(RESPONSES, CHAT);

    private OpenaiEndpointFormat(String value, boolean known) {
      super(value, known);
    }

    /** The constant for {@code value}, or a new value this SDK version does not know. */
    @JsonCreator
    public static OpenaiEndpointFormat of(String value) {
      OpenaiEndpointFormat constant = KNOWN.get(Checks.notNull(value, "value"));
      return constant != null ? constant : new OpenaiEndpointFormat(value, false);
    }
  }
}
