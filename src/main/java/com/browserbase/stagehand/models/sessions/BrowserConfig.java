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

/** Which browser a session uses: a local one (self-hosted server) or Browserbase's. */
@JsonModel
@JsonDeserialize(builder = BrowserConfig.Builder.class)
public final class BrowserConfig {
  @JsonProperty("type")
  private final Type type;
  @JsonProperty("cdpUrl")
  private final String cdpUrl;
  @JsonProperty("launchOptions")
  private final LocalBrowserLaunchOptions launchOptions;
  private final Map<String, JsonNode> additionalProperties;

  private BrowserConfig(Builder builder) {
    type = builder.type;
    cdpUrl = builder.cdpUrl;
    launchOptions = builder.launchOptions;
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

  /** Browser type. */
  public Optional<Type> type() {
    return Optional.ofNullable(type);
  }

  /** CDP URL of an existing browser to connect to, such as {@code ws://localhost:9222}. */
  public Optional<String> cdpUrl() {
    return Optional.ofNullable(cdpUrl);
  }

  /** How to launch a local browser. */
  public Optional<LocalBrowserLaunchOptions> launchOptions() {
    return Optional.ofNullable(launchOptions);
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
    if (!(o instanceof BrowserConfig)) {
      return false;
    }
    BrowserConfig that = (BrowserConfig) o;
    return Objects.equals(type, that.type)
        && Objects.equals(cdpUrl, that.cdpUrl)
        && Objects.equals(launchOptions, that.launchOptions)
        && additionalProperties.equals(that.additionalProperties);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, cdpUrl, launchOptions, additionalProperties);
  }

  /** Shows the set values; secrets show as {@code ***}. */
  @Override
  public String toString() {
    return ToString.of("BrowserConfig")
        .add("type", type)
        .url("cdpUrl", cdpUrl)
        .add("launchOptions", launchOptions)
        .additional(additionalProperties)
        .toString();
  }

  /**
   * Checks that every required property is present, here and in nested objects, and that unions have
   * a known form. Returns this object; throws {@link
   * com.browserbase.stagehand.errors.StagehandInvalidDataException} naming the first problem by its
   * path, such as {@code data.result.message}.
   */
  public BrowserConfig validate() {
    validateAt("");
    return this;
  }

  void validateAt(String path) {
    if (launchOptions != null) {
      launchOptions.validateAt(path + "launchOptions.");
    }
  }

  /** Builds {@link BrowserConfig}. Not thread-safe; setters reject {@code null}. */
  @JsonModel
  @JsonPOJOBuilder(withPrefix = "", buildMethodName = "buildFromJson")
  public static final class Builder {
    private Type type;
    private String cdpUrl;
    private LocalBrowserLaunchOptions launchOptions;
    private Map<String, JsonNode> additionalProperties;

    private Builder() {}

    private Builder(BrowserConfig source) {
      type = source.type;
      cdpUrl = source.cdpUrl;
      launchOptions = source.launchOptions;
      additionalProperties = source.additionalProperties.isEmpty()
          ? null
          : new LinkedHashMap<>(source.additionalProperties);
    }

    /** Browser type. */
    @JsonProperty("type")
    public Builder type(Type type) {
      this.type = Checks.notNull(type, "type");
      return this;
    }

    /** CDP URL of an existing browser to connect to, such as {@code ws://localhost:9222}. */
    @JsonProperty("cdpUrl")
    public Builder cdpUrl(String cdpUrl) {
      this.cdpUrl = Checks.notNull(cdpUrl, "cdpUrl");
      return this;
    }

    /** How to launch a local browser. */
    @JsonProperty("launchOptions")
    public Builder launchOptions(LocalBrowserLaunchOptions launchOptions) {
      this.launchOptions = Checks.notNull(launchOptions, "launchOptions");
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

    /** Builds the BrowserConfig. */
    public BrowserConfig build() {
      return new BrowserConfig(this);
    }

    // Jackson's way in: values read from the server are not held to build()'s checks.
    private BrowserConfig buildFromJson() {
      return new BrowserConfig(this);
    }
  }

  /**
   * A browser type. An open enumeration: {@link #of(String)} accepts values this SDK version does
   * not know.
   */
  public static final class Type extends OpenEnum {
    /** {@code local} */
    public static final Type LOCAL = new Type("local", true);
    /** {@code browserbase} */
    public static final Type BROWSERBASE = new Type("browserbase", true);

    private static final Map<String, Type> KNOWN =
        index(LOCAL, BROWSERBASE);

    private Type(String value, boolean known) {
      super(value, known);
    }

    /** The constant for {@code value}, or a new value this SDK version does not know. */
    @JsonCreator
    public static Type of(String value) {
      Type constant = KNOWN.get(Checks.notNull(value, "value"));
      return constant != null ? constant : new Type(value, false);
    }
  }
}
