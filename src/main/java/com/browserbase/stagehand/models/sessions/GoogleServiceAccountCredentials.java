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

/**
 * Google Cloud service account credentials, as in a key file. The private key never shows in
 * {@code toString()}.
 */
@JsonModel
@JsonDeserialize(builder = GoogleServiceAccountCredentials.Builder.class)
public final class GoogleServiceAccountCredentials {
  @JsonProperty("project_id")
  private final String projectId;
  @JsonProperty("private_key_id")
  private final String privateKeyId;
  @JsonProperty("private_key")
  private final String privateKey;
  @JsonProperty("client_email")
  private final String clientEmail;
  @JsonProperty("client_id")
  private final String clientId;
  @JsonProperty("auth_uri")
  private final String authUri;
  @JsonProperty("token_uri")
  private final String tokenUri;
  @JsonProperty("auth_provider_x509_cert_url")
  private final String authProviderX509CertUrl;
  @JsonProperty("client_x509_cert_url")
  private final String clientX509CertUrl;
  @JsonProperty("universe_domain")
  private final String universeDomain;
  private final Map<String, JsonNode> additionalProperties;

  private GoogleServiceAccountCredentials(Builder builder) {
    projectId = builder.projectId;
    privateKeyId = builder.privateKeyId;
    privateKey = builder.privateKey;
    clientEmail = builder.clientEmail;
    clientId = builder.clientId;
    authUri = builder.authUri;
    tokenUri = builder.tokenUri;
    authProviderX509CertUrl = builder.authProviderX509CertUrl;
    clientX509CertUrl = builder.clientX509CertUrl;
    universeDomain = builder.universeDomain;
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

  /** Always {@code service_account}. */
  @JsonProperty("type")
  public String type() {
    return "service_account";
  }

  /** Google Cloud project id. */
  public Optional<String> projectId() {
    return Optional.ofNullable(projectId);
  }

  /** Id of the private key. */
  public Optional<String> privateKeyId() {
    return Optional.ofNullable(privateKeyId);
  }

  /** The private key, PEM encoded. */
  public String privateKey() {
    return Checks.present(privateKey, "GoogleServiceAccountCredentials", "privateKey");
  }

  /** The service account's e-mail address. */
  public String clientEmail() {
    return Checks.present(clientEmail, "GoogleServiceAccountCredentials", "clientEmail");
  }

  /** The service account's client id. */
  public Optional<String> clientId() {
    return Optional.ofNullable(clientId);
  }

  /** OAuth authorization URI. */
  public Optional<String> authUri() {
    return Optional.ofNullable(authUri);
  }

  /** OAuth token URI. */
  public Optional<String> tokenUri() {
    return Optional.ofNullable(tokenUri);
  }

  /** URL of the auth provider's X.509 certificate. */
  public Optional<String> authProviderX509CertUrl() {
    return Optional.ofNullable(authProviderX509CertUrl);
  }

  /** URL of the client's X.509 certificate. */
  public Optional<String> clientX509CertUrl() {
    return Optional.ofNullable(clientX509CertUrl);
  }

  /** Google Cloud universe domain. */
  public Optional<String> universeDomain() {
    return Optional.ofNullable(universeDomain);
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
    if (!(o instanceof GoogleServiceAccountCredentials)) {
      return false;
    }
    GoogleServiceAccountCredentials that = (GoogleServiceAccountCredentials) o;
    return Objects.equals(projectId, that.projectId)
        && Objects.equals(privateKeyId, that.privateKeyId)
        && Objects.equals(privateKey, that.privateKey)
        && Objects.equals(clientEmail, that.clientEmail)
        && Objects.equals(clientId, that.clientId)
        && Objects.equals(authUri, that.authUri)
        && Objects.equals(tokenUri, that.tokenUri)
        && Objects.equals(authProviderX509CertUrl, that.authProviderX509CertUrl)
        && Objects.equals(clientX509CertUrl, that.clientX509CertUrl)
        && Objects.equals(universeDomain, that.universeDomain)
        && additionalProperties.equals(that.additionalProperties);
  }

  @Override
  public int hashCode() {
    return Objects.hash(projectId, privateKeyId, privateKey, clientEmail, clientId, authUri, tokenUri, authProviderX509CertUrl, clientX509CertUrl, universeDomain, additionalProperties);
  }

  /** Shows the set values; secrets show as {@code ***}. */
  @Override
  public String toString() {
    return ToString.of("GoogleServiceAccountCredentials")
        .add("projectId", projectId)
        .add("privateKeyId", privateKeyId)
        .secret("privateKey", privateKey)
        .add("clientEmail", clientEmail)
        .add("clientId", clientId)
        .add("authUri", authUri)
        .add("tokenUri", tokenUri)
        .add("authProviderX509CertUrl", authProviderX509CertUrl)
        .add("clientX509CertUrl", clientX509CertUrl)
        .add("universeDomain", universeDomain)
        .additional(additionalProperties)
        .toString();
  }

  /**
   * Checks that every required property is present, here and in nested objects, and that unions have
   * a known form. Returns this object; throws {@link
   * com.browserbase.stagehand.errors.StagehandInvalidDataException} naming the first problem by its
   * path, such as {@code data.result.message}.
   */
  public GoogleServiceAccountCredentials validate() {
    validateAt("");
    return this;
  }

  void validateAt(String path) {
    Checks.presentAt(privateKey, path, "private_key", "GoogleServiceAccountCredentials");
    Checks.presentAt(clientEmail, path, "client_email", "GoogleServiceAccountCredentials");
  }

  /** Builds {@link GoogleServiceAccountCredentials}. Not thread-safe; setters reject {@code null}. */
  @JsonModel
  @JsonPOJOBuilder(withPrefix = "", buildMethodName = "buildFromJson")
  public static final class Builder {
    private String projectId;
    private String privateKeyId;
    private String privateKey;
    private String clientEmail;
    private String clientId;
    private String authUri;
    private String tokenUri;
    private String authProviderX509CertUrl;
    private String clientX509CertUrl;
    private String universeDomain;
    private Map<String, JsonNode> additionalProperties;

    private Builder() {}

    private Builder(GoogleServiceAccountCredentials source) {
      projectId = source.projectId;
      privateKeyId = source.privateKeyId;
      privateKey = source.privateKey;
      clientEmail = source.clientEmail;
      clientId = source.clientId;
      authUri = source.authUri;
      tokenUri = source.tokenUri;
      authProviderX509CertUrl = source.authProviderX509CertUrl;
      clientX509CertUrl = source.clientX509CertUrl;
      universeDomain = source.universeDomain;
      additionalProperties = source.additionalProperties.isEmpty()
          ? null
          : new LinkedHashMap<>(source.additionalProperties);
    }

    @JsonProperty("type")
    private Builder type(String type) {
      return this; // always "service_account"
    }

    /** Google Cloud project id. */
    @JsonProperty("project_id")
    public Builder projectId(String projectId) {
      this.projectId = Checks.notNull(projectId, "projectId");
      return this;
    }

    /** Id of the private key. */
    @JsonProperty("private_key_id")
    public Builder privateKeyId(String privateKeyId) {
      this.privateKeyId = Checks.notNull(privateKeyId, "privateKeyId");
      return this;
    }

    /** The private key, PEM encoded. */
    @JsonProperty("private_key")
    public Builder privateKey(String privateKey) {
      this.privateKey = Checks.notNull(privateKey, "privateKey");
      return this;
    }

    /** The service account's e-mail address. */
    @JsonProperty("client_email")
    public Builder clientEmail(String clientEmail) {
      this.clientEmail = Checks.notNull(clientEmail, "clientEmail");
      return this;
    }

    /** The service account's client id. */
    @JsonProperty("client_id")
    public Builder clientId(String clientId) {
      this.clientId = Checks.notNull(clientId, "clientId");
      return this;
    }

    /** OAuth authorization URI. */
    @JsonProperty("auth_uri")
    public Builder authUri(String authUri) {
      this.authUri = Checks.notNull(authUri, "authUri");
      return this;
    }

    /** OAuth token URI. */
    @JsonProperty("token_uri")
    public Builder tokenUri(String tokenUri) {
      this.tokenUri = Checks.notNull(tokenUri, "tokenUri");
      return this;
    }

    /** URL of the auth provider's X.509 certificate. */
    @JsonProperty("auth_provider_x509_cert_url")
    public Builder authProviderX509CertUrl(String authProviderX509CertUrl) {
      this.authProviderX509CertUrl = Checks.notNull(authProviderX509CertUrl, "authProviderX509CertUrl");
      return this;
    }

    /** URL of the client's X.509 certificate. */
    @JsonProperty("client_x509_cert_url")
    public Builder clientX509CertUrl(String clientX509CertUrl) {
      this.clientX509CertUrl = Checks.notNull(clientX509CertUrl, "clientX509CertUrl");
      return this;
    }

    /** Google Cloud universe domain. */
    @JsonProperty("universe_domain")
    public Builder universeDomain(String universeDomain) {
      this.universeDomain = Checks.notNull(universeDomain, "universeDomain");
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
     * Builds the GoogleServiceAccountCredentials, or throws {@link IllegalStateException} naming a
     * required property that is not set.
     */
    public GoogleServiceAccountCredentials build() {
      Checks.required(privateKey, "GoogleServiceAccountCredentials", "privateKey");
      Checks.required(clientEmail, "GoogleServiceAccountCredentials", "clientEmail");
      return new GoogleServiceAccountCredentials(this);
    }

    // Jackson's way in: values read from the server are not held to build()'s checks.
    private GoogleServiceAccountCredentials buildFromJson() {
      return new GoogleServiceAccountCredentials(this);
    }
  }
}
