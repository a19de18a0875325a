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

/** Where a Browserbase proxy exits. */
@JsonModel
@JsonDeserialize(builder = BrowserbaseProxyGeolocation.Builder.class)
public final class BrowserbaseProxyGeolocation {
  @JsonProperty("country")
  private final String country;
  @JsonProperty("city")
  private final String city;
  @JsonProperty("state")
  private final String state;
  private final Map<String, JsonNode> additionalProperties;

  private BrowserbaseProxyGeolocation(Builder builder) {
    country = builder.country;
    city = builder.city;
    state = builder.state;
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

  /** Country code, such as {@code US}. */
  public String country() {
    return Checks.present(country, "BrowserbaseProxyGeolocation", "country");
  }

  /** City. */
  public Optional<String> city() {
    return Optional.ofNullable(city);
  }

  /** State or region. */
  public Optional<String> state() {
    return Optional.ofNullable(state);
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
    if (!(o instanceof BrowserbaseProxyGeolocation)) {
      return false;
    }
    BrowserbaseProxyGeolocation that = (BrowserbaseProxyGeolocation) o;
    return Objects.equals(country, that.country)
        && Objects.equals(city, that.city)
        && Objects.equals(state, that.state)
        && additionalProperties.equals(that.additionalProperties);
  }

  @Override
  public int hashCode() {
    return Objects.hash(country, city, state, additionalProperties);
  }

  /** Shows the set values; secrets show as {@code ***}. */
  @Override
  public String toString() {
    return ToString.of("BrowserbaseProxyGeolocation")
        .add("country", country)
        .add("city", city)
        .add("state", state)
        .additional(additionalProperties)
        .toString();
  }

  /**
   * Checks that every required property is present, here and in nested objects, and that unions have
   * a known form. Returns this object; throws {@link
   * com.browserbase.stagehand.errors.StagehandInvalidDataException} naming the first problem by its
   * path, such as {@code data.result.message}.
   */
  public BrowserbaseProxyGeolocation validate() {
    validateAt("");
    return this;
  }

  void validateAt(String path) {
    Checks.presentAt(country, path, "country", "BrowserbaseProxyGeolocation");
  }

  /** Builds {@link BrowserbaseProxyGeolocation}. Not thread-safe; setters reject {@code null}. */
  @JsonModel
  @JsonPOJOBuilder(withPrefix = "", buildMethodName = "buildFromJson")
  public static final class Builder {
    private String country;
    private String city;
    private String state;
    private Map<String, JsonNode> additionalProperties;

    private Builder() {}

    private Builder(BrowserbaseProxyGeolocation source) {
      country = source.country;
      city = source.city;
      state = source.state;
      additionalProperties = source.additionalProperties.isEmpty()
          ? null
          : new LinkedHashMap<>(source.additionalProperties);
    }

    /** Country code, such as {@code US}. */
    @JsonProperty("country")
    public Builder country(String country) {
      this.country = Checks.notNull(country, "country");
      return this;
    }

    /** City. */
    @JsonProperty("city")
    public Builder city(String city) {
      this.city = Checks.notNull(city, "city");
      return this;
    }

    /** State or region. */
    @JsonProperty("state")
    public Builder state(String state) {
      this.state = Checks.notNull(state, "state");
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
     * Builds the BrowserbaseProxyGeolocation, or throws {@link IllegalStateException} naming a
     * required property that is not set.
     */
    public BrowserbaseProxyGeolocation build() {
      Checks.required(country, "BrowserbaseProxyGeolocation", "country");
      return new BrowserbaseProxyGeolocation(this);
    }

    // Jackson's way in: values read from the server are not held to build()'s checks.
    private BrowserbaseProxyGeolocation buildFromJson() {
      return new BrowserbaseProxyGeolocation(this);
    }
  }
}
