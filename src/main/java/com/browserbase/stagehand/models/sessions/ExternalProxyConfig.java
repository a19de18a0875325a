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

/** A proxy of your own. The password never shows in {@code toString()}. */
@JsonModel
@JsonDeserialize(builder = ExternalProxyConfig.Builder.class)
public final class ExternalProxyConfig implements ProxyConfig {
  @JsonProperty("server")
  private final String server;
  @JsonProperty("domainPattern")
  private final String domainPattern;
  @JsonProperty("username")
  private final String username;
  @JsonProperty("password")
  private final String password;
  private final Map<String, JsonNode> additionalProperties;

  private ExternalProxyConfig(Builder builder) {
    server = builder.server;
    domainPattern = builder.domainPattern;
    username = builder.username;
    password = builder.password;
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

  /** Always {@code external}. */
  @JsonProperty("type")
  public String type() {
    return "external";
  }

  /** Proxy server URL. */
  public String server() {
    return Checks.present(server, "ExternalProxyConfig", "server");
  }

  /** Only requests to matching domains use this proxy. */
  public Optional<String> domainPattern() {
    return Optional.ofNullable(domainPattern);
  }

  /** Proxy user name. */
  public Optional<String> username() {
    return Optional.ofNullable(username);
  }

  /** Proxy password. */
  public Optional<String> password() {
    return Optional.ofNullable(password);
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
    if (!(o instanceof ExternalProxyConfig)) {
      return false;
    }
    ExternalProxyConfig that = (ExternalProxyConfig) o;
    return Objects.equals(server, that.server)
        && Objects.equals(domainPattern, that.domainPattern)
        && Objects.equals(username, that.username)
        && Objects.equals(password, that.password)
        && additionalProperties.equals(that.additionalProperties);
  }

  @Override
  public int hashCode() {
    return Objects.hash(server, domainPattern, username, password, additionalProperties);
  }

  /** Shows the set values; secrets show as {@code ***}. */
  @Override
  public String toString() {
    return ToString.of("ExternalProxyConfig")
        .add("server", server)
        .add("domainPattern", domainPattern)
        .add("username", username)
        .secret("password", password)
        .additional(additionalProperties)
        .toString();
  }

  /**
   * Checks that every required property is present, here and in nested objects, and that unions have
   * a known form. Returns this object; throws {@link
   * com.browserbase.stagehand.errors.StagehandInvalidDataException} naming the first problem by its
   * path, such as {@code data.result.message}.
   */
  public ExternalProxyConfig validate() {
    validateAt("");
    return this;
  }

  void validateAt(String path) {
    Checks.presentAt(server, path, "server", "ExternalProxyConfig");
  }

  /** Builds {@link ExternalProxyConfig}. Not thread-safe; setters reject {@code null}. */
  @JsonModel
  @JsonPOJOBuilder(withPrefix = "", buildMethodName = "buildFromJson")
  public static final class Builder {
    private String server;
    private String domainPattern;
    private String username;
    private String password;
    private Map<String, JsonNode> additionalProperties;

    private Builder() {}

    private Builder(ExternalProxyConfig source) {
      server = source.server;
      domainPattern = source.domainPattern;
      username = source.username;
      password = source.password;
      additionalProperties = source.additionalProperties.isEmpty()
          ? null
          : new LinkedHashMap<>(source.additionalProperties);
    }

    @JsonProperty("type")
    private Builder type(String type) {
      return this; // always "external"
    }

    /** Proxy server URL. */
    @JsonProperty("server")
    public Builder server(String server) {
      this.server = Checks.notNull(server, "server");
      return this;
    }

    /** Only requests to matching domains use this proxy. */
    @JsonProperty("domainPattern")
    public Builder domainPattern(String domainPattern) {
      this.domainPattern = Checks.notNull(domainPattern, "domainPattern");
      return this;
    }

    /** Proxy user name. */
    @JsonProperty("username")
    public Builder username(String username) {
      this.username = Checks.notNull(username, "username");
      return this;
    }

    /** Proxy password. */
    @JsonProperty("password")
    public Builder password(String password) {
      this.password = Checks.notNull(password, "password");
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
     * Builds the ExternalProxyConfig, or throws {@link IllegalStateException} naming a required
     * property that is not set.
     */
    public ExternalProxyConfig build() {
      Checks.required(server, "ExternalProxyConfig", "server");
      return new ExternalProxyConfig(this);
    }

    // Jackson's way in: values read from the server are not held to build()'s checks.
    private ExternalProxyConfig buildFromJson() {
      return new ExternalProxyConfig(this);
    }
  }
}
