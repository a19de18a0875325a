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
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Vertex AI authentication with inline service account credentials. */
@JsonModel
@JsonDeserialize(builder = GoogleServiceAccountAuth.Builder.class)
public final class GoogleServiceAccountAuth implements ModelAuth {
  @JsonProperty("credentials")
  private final GoogleServiceAccountCredentials credentials;
  @JsonProperty("scopes")
  private final Object scopes;
  @JsonProperty("projectId")
  private final String projectId;
  @JsonProperty("universeDomain")
  private final String universeDomain;
  private final Map<String, JsonNode> additionalProperties;

  private GoogleServiceAccountAuth(Builder builder) {
    credentials = builder.credentials;
    scopes = builder.scopes;
    projectId = builder.projectId;
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

  /** Always {@code googleServiceAccount}. */
  @JsonProperty("type")
  public String type() {
    return "googleServiceAccount";
  }

  /** The service account credentials. */
  public GoogleServiceAccountCredentials credentials() {
    return Checks.present(credentials, "GoogleServiceAccountAuth", "credentials");
  }

  /** Google auth scopes of the API requests. This form: one scope. */
  public Optional<String> scope() {
    return scopes instanceof String ? Optional.of((String) scopes) : Optional.<String>empty();
  }

  /** Google auth scopes of the API requests. This form: a list of scopes. */
  @SuppressWarnings("unchecked") // only ever set from a List<String>
  public Optional<List<String>> scopeList() {
    return scopes instanceof List ? Optional.of((List<String>) scopes) : Optional.<List<String>>empty();
  }

  /** Google Cloud project id used by google-auth-library. */
  public Optional<String> projectId() {
    return Optional.ofNullable(projectId);
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
    if (!(o instanceof GoogleServiceAccountAuth)) {
      return false;
    }
    GoogleServiceAccountAuth that = (GoogleServiceAccountAuth) o;
    return Objects.equals(credentials, that.credentials)
        && Objects.equals(scopes, that.scopes)
        && Objects.equals(projectId, that.projectId)
        && Objects.equals(universeDomain, that.universeDomain)
        && additionalProperties.equals(that.additionalProperties);
  }

  @Override
  public int hashCode() {
    return Objects.hash(credentials, scopes, projectId, universeDomain, additionalProperties);
  }

  /** Shows the set values; secrets show as {@code ***}. */
  @Override
  public String toString() {
    return ToString.of("GoogleServiceAccountAuth")
        .add("credentials", credentials)
        .add("scopes", scopes)
        .add("projectId", projectId)
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
  public GoogleServiceAccountAuth validate() {
    validateAt("");
    return this;
  }

  void validateAt(String path) {
    Checks.presentAt(credentials, path, "credentials", "GoogleServiceAccountAuth");
    if (credentials != null) {
      credentials.validateAt(path + "credentials.");
    }
    Checks.knownFormAt(scopes, path, "scopes");
  }

  /** Builds {@link GoogleServiceAccountAuth}. Not thread-safe; setters reject {@code null}. */
  @JsonModel
  @JsonPOJOBuilder(withPrefix = "", buildMethodName = "buildFromJson")
  public static final class Builder {
    private GoogleServiceAccountCredentials credentials;
    private Object scopes;
    private String projectId;
    private String universeDomain;
    private Map<String, JsonNode> additionalProperties;

    private Builder() {}

    private Builder(GoogleServiceAccountAuth source) {
      credentials = source.credentials;
      scopes = source.scopes;
      projectId = source.projectId;
      universeDomain = source.universeDomain;
      additionalProperties = source.additionalProperties.isEmpty()
          ? null
          : new LinkedHashMap<>(source.additionalProperties);
    }

    @JsonProperty("type")
    private Builder type(String type) {
      return this; // always "googleServiceAccount"
    }

    /** The service account credentials. */
    @JsonProperty("credentials")
    public Builder credentials(GoogleServiceAccountCredentials credentials) {
      this.credentials = Checks.notNull(credentials, "credentials");
      return this;
    }

    /** Google auth scopes of the API requests. This form: one scope. */
    public Builder scopes(String scopes) {
      this.scopes = Checks.notNull(scopes, "scopes");
      return this;
    }

    /** Google auth scopes of the API requests. This form: a list of scopes. */
    public Builder scopes(List<String> scopes) {
      this.scopes = Checks.copy(Checks.notNull(scopes, "scopes"), "scopes");
      return this;
    }

    @JsonProperty("scopes")
    private Builder scopesFromJson(JsonNode node) {
      if (node.isTextual()) {
        this.scopes = node.textValue();
        return this;
      }
      if (node.isArray()) {
        this.scopes = Json.convertList(node, String.class);
        return this;
      }
      this.scopes = node; // a form this SDK version does not know: kept as it came
      return this;
    }

    /** Google Cloud project id used by google-auth-library. */
    @JsonProperty("projectId")
    public Builder projectId(String projectId) {
      this.projectId = Checks.notNull(projectId, "projectId");
      return this;
    }

    /** Google Cloud universe domain. */
    @JsonProperty("universeDomain")
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
     * Builds the GoogleServiceAccountAuth, or throws {@link IllegalStateException} naming a required
     * property that is not set.
     */
    public GoogleServiceAccountAuth build() {
      Checks.required(credentials, "GoogleServiceAccountAuth", "credentials");
      return new GoogleServiceAccountAuth(this);
    }

    // Jackson's way in: values read from the server are not held to build()'s checks.
    private GoogleServiceAccountAuth buildFromJson() {
      return new GoogleServiceAccountAuth(this);
    }
  }
}
