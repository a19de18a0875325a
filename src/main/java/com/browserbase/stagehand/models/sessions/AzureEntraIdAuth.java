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

/** Azure OpenAI authentication with a Microsoft Entra ID bearer token. */
@JsonModel
@JsonDeserialize(builder = AzureEntraIdAuth.Builder.class)
public final class AzureEntraIdAuth implements ModelAuth {
  @JsonProperty("token")
  private final String token;
  private final Map<String, JsonNode> additionalProperties;

  private AzureEntraIdAuth(Builder builder) {
    token = builder.token;
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

  /** Always {@code azureEntraId}. */
  @JsonProperty("type")
  public String type() {
    return "azureEntraId";
  }

  /** The Entra ID bearer token, not empty. Never shown by {@code toString()}. */
  public String token() {
    return Checks.present(token, "AzureEntraIdAuth", "token");
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
    if (!(o instanceof AzureEntraIdAuth)) {
      return false;
    }
    AzureEntraIdAuth that = (AzureEntraIdAuth) o;
    return Objects.equals(token, that.token)
        && additionalProperties.equals(that.additionalProperties);
  }

  @Override
  public int hashCode() {
    return Objects.hash(token, additionalProperties);
  }

  /** Shows the set values; secrets show as {@code ***}. */
  @Override
  public String toString() {
    return ToString.of("AzureEntraIdAuth")
        .secret("token", token)
        .additional(additionalProperties)
        .toString();
  }

  /**
   * Checks that every required property is present, here and in nested objects, and that unions have
   * a known form. Returns this object; throws {@link
   * com.browserbase.stagehand.errors.StagehandInvalidDataException} naming the first problem by its
   * path, such as {@code data.result.message}.
   */
  public AzureEntraIdAuth validate() {
    validateAt("");
    return this;
  }

  void validateAt(String path) {
    Checks.presentAt(token, path, "token", "AzureEntraIdAuth");
  }

  /** Builds {@link AzureEntraIdAuth}. Not thread-safe; setters reject {@code null}. */
  @JsonModel
  @JsonPOJOBuilder(withPrefix = "", buildMethodName = "buildFromJson")
  public static final class Builder {
    private String token;
    private Map<String, JsonNode> additionalProperties;

    private Builder() {}

    private Builder(AzureEntraIdAuth source) {
      token = source.token;
      additionalProperties = source.additionalProperties.isEmpty()
          ? null
          : new LinkedHashMap<>(source.additionalProperties);
    }

    @JsonProperty("type")
    private Builder type(String type) {
      return this; // always "azureEntraId"
    }

    /** The Entra ID bearer token, not empty. Never shown by {@code toString()}. */
    @JsonProperty("token")
    public Builder token(String token) {
      this.token = Checks.nonEmpty(token, "token");
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
     * Builds the AzureEntraIdAuth, or throws {@link IllegalStateException} naming a required property
     * that is not set.
     */
    public AzureEntraIdAuth build() {
      Checks.required(token, "AzureEntraIdAuth", "token");
      return new AzureEntraIdAuth(this);
    }

    // Jackson's way in: values read from the server are not held to build()'s checks.
    private AzureEntraIdAuth buildFromJson() {
      return new AzureEntraIdAuth(this);
    }
  }
}
