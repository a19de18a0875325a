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

/** Options of a {@code navigate}. */
@JsonModel
@JsonDeserialize(builder = NavigateOptions.Builder.class)
public final class NavigateOptions {
  @JsonProperty("referer")
  private final String referer;
  @JsonProperty("timeout")
  private final Integer timeout;
  @JsonProperty("waitUntil")
  private final WaitUntil waitUntil;
  private final Map<String, JsonNode> additionalProperties;

  private NavigateOptions(Builder builder) {
    referer = builder.referer;
    timeout = builder.timeout;
    waitUntil = builder.waitUntil;
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

  /** Referer header of the navigation request. */
  public Optional<String> referer() {
    return Optional.ofNullable(referer);
  }

  /** Timeout in milliseconds for the navigation. */
  public Optional<Integer> timeout() {
    return Optional.ofNullable(timeout);
  }

  /** When the navigation counts as done. */
  public Optional<WaitUntil> waitUntil() {
    return Optional.ofNullable(waitUntil);
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
    if (!(o instanceof NavigateOptions)) {
      return false;
    }
    NavigateOptions that = (NavigateOptions) o;
    return Objects.equals(referer, that.referer)
        && Objects.equals(timeout, that.timeout)
        && Objects.equals(waitUntil, that.waitUntil)
        && additionalProperties.equals(that.additionalProperties);
  }

  @Override
  public int hashCode() {
    return Objects.hash(referer, timeout, waitUntil, additionalProperties);
  }

  /** Shows the set values; secrets show as {@code ***}. */
  @Override
  public String toString() {
    return ToString.of("NavigateOptions")
        .add("referer", referer)
        .add("timeout", timeout)
        .add("waitUntil", waitUntil)
        .additional(additionalProperties)
        .toString();
  }

  /**
   * Checks that every required property is present, here and in nested objects, and that unions have
   * a known form. Returns this object; throws {@link
   * com.browserbase.stagehand.errors.StagehandInvalidDataException} naming the first problem by its
   * path, such as {@code data.result.message}.
   */
  public NavigateOptions validate() {
    validateAt("");
    return this;
  }

  void validateAt(String path) {
  }

  /** Builds {@link NavigateOptions}. Not thread-safe; setters reject {@code null}. */
  @JsonModel
  @JsonPOJOBuilder(withPrefix = "", buildMethodName = "buildFromJson")
  public static final class Builder {
    private String referer;
    private Integer timeout;
    private WaitUntil waitUntil;
    private Map<String, JsonNode> additionalProperties;

    private Builder() {}

    private Builder(NavigateOptions source) {
      referer = source.referer;
      timeout = source.timeout;
      waitUntil = source.waitUntil;
      additionalProperties = source.additionalProperties.isEmpty()
          ? null
          : new LinkedHashMap<>(source.additionalProperties);
    }

    /** Referer header of the navigation request. */
    @JsonProperty("referer")
    public Builder referer(String referer) {
      this.referer = Checks.notNull(referer, "referer");
      return this;
    }

    /** Timeout in milliseconds for the navigation. */
    @JsonProperty("timeout")
    public Builder timeout(int timeout) {
      this.timeout = Checks.nonNegative(timeout, "timeout");
      return this;
    }

    /** When the navigation counts as done. */
    @JsonProperty("waitUntil")
    public Builder waitUntil(WaitUntil waitUntil) {
      this.waitUntil = Checks.notNull(waitUntil, "waitUntil");
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

    /** Builds the NavigateOptions. */
    public NavigateOptions build() {
      return new NavigateOptions(this);
    }

    // Jackson's way in: values read from the server are not held to build()'s checks.
    private NavigateOptions buildFromJson() {
      return new NavigateOptions(this);
    }
  }

  /**
   * When a navigation counts as done. An open enumeration: {@link #of(String)} accepts values this
   * SDK version does not know.
   */
  public static final class WaitUntil extends OpenEnum {
    /** {@code load} */
    public static final WaitUntil LOAD = new WaitUntil("load", true);
    /** {@code domcontentloaded} */
    public static final WaitUntil DOMCONTENTLOADED = new WaitUntil("domcontentloaded", true);
    /** {@code networkidle} */
    public static final WaitUntil NETWORKIDLE = new WaitUntil("networkidle", true);

    private static final Map<String, WaitUntil> KNOWN =
        index(LOAD, DOMCONTENTLOADED, NETWORKIDLE);

    private WaitUntil(String value, boolean known) {
      super(value, known);
    }

    /** The constant for {@code value}, or a new value this SDK version does not know. */
    @JsonCreator
    public static WaitUntil of(String value) {
      WaitUntil constant = KNOWN.get(Checks.notNull(value, "value"));
      return constant != null ? constant : new WaitUntil(value, false);
    }
  }
}
