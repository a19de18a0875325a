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

/** A Browserbase-managed proxy. */
@JsonModel
@JsonDeserialize(builder = BrowserbaseProxyConfig.Builder.class)
public final class BrowserbaseProxyConfig implements ProxyConfig {
  @JsonProperty("domainPattern")
  private final String domainPattern;
  @JsonProperty("geolocation")
  private final BrowserbaseProxyGeolocation geolocation;
  private final Map<String, JsonNode> additionalProperties;

  private BrowserbaseProxyConfig(Builder builder) {
    domainPattern = builder.domainPattern;
    geolocation = builder.geolocation;
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

  /** Always {@code browserbase}. */
  @JsonProperty("type")
  public String type() {
    return "browserbase";
  }

  /** Only requests to matching domains use this proxy. */
  public Optional<String> domainPattern() {
    return Optional.ofNullable(domainPattern);
  }

  /** Where the proxy exits. */
  public Optional<BrowserbaseProxyGeolocation> geolocation() {
    return Optional.ofNullable(geolocation);
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
    if (!(o instanceof BrowserbaseProxyConfig)) {
      return false;
    }
    BrowserbaseProxyConfig that = (BrowserbaseProxyConfig) o;
    return Objects.equals(domainPattern, that.domainPattern)
        && Objects.equals(geolocation, that.geolocation)
        && additionalProperties.equals(that.additionalProperties);
  }

  @Override
  public int hashCode() {
    return Objects.hash(domainPattern, geolocation, additionalProperties);
  }

  /** Shows the set values; secrets show as {@code ***}. */
  @Override
  public String toString() {
    return ToString.of("BrowserbaseProxyConfig")
        .add("domainPattern", domainPattern)
        .add("geolocation", geolocation)
        .additional(additionalProperties)
        .toString();
  }

  /**
   * Checks that every required property is present, here and in nested objects, and that unions have
   * a known form. Returns this object; throws {@link
   * com.browserbase.stagehand.errors.StagehandInvalidDataException} naming the first problem by its
   * path, such as {@code data.result.message}.
   */
  public BrowserbaseProxyConfig validate() {
    validateAt("");
    return this;
  }

  void validateAt(String path) {
    if (geolocation != null) {
      geolocation.validateAt(path + "geolocation.");
    }
  }

  /** Builds {@link BrowserbaseProxyConfig}. Not thread-safe; setters reject {@code null}. */
  @JsonModel
  @JsonPOJOBuilder(withPrefix = "", buildMethodName = "buildFromJson")
  public static final class Builder {
    private String domainPattern;
    private BrowserbaseProxyGeolocation geolocation;
    private Map<String, JsonNode> additionalProperties;

    private Builder() {}

    private Builder(BrowserbaseProxyConfig source) {
      domainPattern = source.domainPattern;
      geolocation = source.geolocation;
      additionalProperties = source.additionalProperties.isEmpty()
          ? null
          : new LinkedHashMap<>(source.additionalProperties);
    }

    @JsonProperty("type")
    private Builder type(String type) {
      return this; // always "browserbase"
    }

    /** Only requests to matching domains use this proxy. */
    @JsonProperty("domainPattern")
    public Builder domainPattern(String domainPattern) {
      this.domainPattern = Checks.notNull(domainPattern, "domainPattern");
      return this;
    }

    /** Where the proxy exits. */
    @JsonProperty("geolocation")
    public Builder geolocation(BrowserbaseProxyGeolocation geolocation) {
      this.geolocation = Checks.notNull(geolocation, "geolocation");
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

    /** Builds the BrowserbaseProxyConfig. */
    public BrowserbaseProxyConfig build() {
      return new BrowserbaseProxyConfig(this);
    }

    // Jackson's way in: values read from the server are not held to build()'s checks.
    private BrowserbaseProxyConfig buildFromJson() {
      return new BrowserbaseProxyConfig(this);
    }
  }
}
