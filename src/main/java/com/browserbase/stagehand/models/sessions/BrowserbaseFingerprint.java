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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** What a generated browser fingerprint may look like. */
@JsonModel
@JsonDeserialize(builder = BrowserbaseFingerprint.Builder.class)
public final class BrowserbaseFingerprint {
  @JsonProperty("browsers")
  private final List<Browser> browsers;
  @JsonProperty("devices")
  private final List<Device> devices;
  @JsonProperty("httpVersion")
  private final HttpVersion httpVersion;
  @JsonProperty("locales")
  private final List<String> locales;
  @JsonProperty("operatingSystems")
  private final List<OperatingSystem> operatingSystems;
  @JsonProperty("screen")
  private final BrowserbaseFingerprintScreen screen;
  private final Map<String, JsonNode> additionalProperties;

  private BrowserbaseFingerprint(Builder builder) {
    browsers = Checks.copy(builder.browsers, "browsers");
    devices = Checks.copy(builder.devices, "devices");
    httpVersion = builder.httpVersion;
    locales = Checks.copy(builder.locales, "locales");
    operatingSystems = Checks.copy(builder.operatingSystems, "operatingSystems");
    screen = builder.screen;
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

  /** Browsers to imitate. */
  public List<Browser> browsers() {
    return Checks.orEmpty(browsers);
  }

  /** Device kinds to imitate. */
  public List<Device> devices() {
    return Checks.orEmpty(devices);
  }

  /** HTTP version to use. */
  public Optional<HttpVersion> httpVersion() {
    return Optional.ofNullable(httpVersion);
  }

  /** Locales to imitate. */
  public List<String> locales() {
    return Checks.orEmpty(locales);
  }

  /** Operating systems to imitate. */
  public List<OperatingSystem> operatingSystems() {
    return Checks.orEmpty(operatingSystems);
  }

  /** Screen size bounds. */
  public Optional<BrowserbaseFingerprintScreen> screen() {
    return Optional.ofNullable(screen);
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
    if (!(o instanceof BrowserbaseFingerprint)) {
      return false;
    }
    BrowserbaseFingerprint that = (BrowserbaseFingerprint) o;
    return Objects.equals(browsers, that.browsers)
        && Objects.equals(devices, that.devices)
        && Objects.equals(httpVersion, that.httpVersion)
        && Objects.equals(locales, that.locales)
        && Objects.equals(operatingSystems, that.operatingSystems)
        && Objects.equals(screen, that.screen)
        && additionalProperties.equals(that.additionalProperties);
  }

  @Override
  public int hashCode() {
    return Objects.hash(browsers, devices, httpVersion, locales, operatingSystems, screen, additionalProperties);
  }

  /** Shows the set values; secrets show as {@code ***}. */
  @Override
  public String toString() {
    return ToString.of("BrowserbaseFingerprint")
        .add("browsers", browsers)
        .add("devices", devices)
        .add("httpVersion", httpVersion)
        .add("locales", locales)
        .add("operatingSystems", operatingSystems)
        .add("screen", screen)
        .additional(additionalProperties)
        .toString();
  }

  /**
   * Checks that every required property is present, here and in nested objects, and that unions have
   * a known form. Returns this object; throws {@link
   * com.browserbase.stagehand.errors.StagehandInvalidDataException} naming the first problem by its
   * path, such as {@code data.result.message}.
   */
  public BrowserbaseFingerprint validate() {
    validateAt("");
    return this;
  }

  void validateAt(String path) {
    if (screen != null) {
      screen.validateAt(path + "screen.");
    }
  }

  /** Builds {@link BrowserbaseFingerprint}. Not thread-safe; setters reject {@code null}. */
  @JsonModel
  @JsonPOJOBuilder(withPrefix = "", buildMethodName = "buildFromJson")
  public static final class Builder {
    private List<Browser> browsers;
    private List<Device> devices;
    private HttpVersion httpVersion;
    private List<String> locales;
    private List<OperatingSystem> operatingSystems;
    private BrowserbaseFingerprintScreen screen;
    private Map<String, JsonNode> additionalProperties;

    private Builder() {}

    private Builder(BrowserbaseFingerprint source) {
      browsers = source.browsers == null ? null : new ArrayList<>(source.browsers);
      devices = source.devices == null ? null : new ArrayList<>(source.devices);
      httpVersion = source.httpVersion;
      locales = source.locales == null ? null : new ArrayList<>(source.locales);
      operatingSystems = source.operatingSystems == null ? null : new ArrayList<>(source.operatingSystems);
      screen = source.screen;
      additionalProperties = source.additionalProperties.isEmpty()
          ? null
          : new LinkedHashMap<>(source.additionalProperties);
    }

    /** Browsers to imitate. */
    @JsonProperty("browsers")
    public Builder browsers(List<Browser> browsers) {
      this.browsers = new ArrayList<>(Checks.notNull(browsers, "browsers"));
      return this;
    }

    /** Adds one element to {@link #browsers(List)}. */
    public Builder addBrowser(Browser browser) {
      if (browsers == null) {
        browsers = new ArrayList<>();
      }
      browsers.add(Checks.notNull(browser, "browser"));
      return this;
    }

    /** Device kinds to imitate. */
    @JsonProperty("devices")
    public Builder devices(List<Device> devices) {
      this.devices = new ArrayList<>(Checks.notNull(devices, "devices"));
      return this;
    }

    /** Adds one element to {@link #devices(List)}. */
    public Builder addDevice(Device device) {
      if (devices == null) {
        devices = new ArrayList<>();
      }
      devices.add(Checks.notNull(device, "device"));
      return this;
    }

    /** HTTP version to use. */
    @JsonProperty("httpVersion")
    public Builder httpVersion(HttpVersion httpVersion) {
      this.httpVersion = Checks.notNull(httpVersion, "httpVersion");
      return this;
    }

    /** Locales to imitate. */
    @JsonProperty("locales")
    public Builder locales(List<String> locales) {
      this.locales = new ArrayList<>(Checks.notNull(locales, "locales"));
      return this;
    }

    /** Adds one element to {@link #locales(List)}. */
    public Builder addLocale(String locale) {
      if (locales == null) {
        locales = new ArrayList<>();
      }
      locales.add(Checks.notNull(locale, "locale"));
      return this;
    }

    /** Operating systems to imitate. */
    @JsonProperty("operatingSystems")
    public Builder operatingSystems(List<OperatingSystem> operatingSystems) {
      this.operatingSystems = new ArrayList<>(Checks.notNull(operatingSystems, "operatingSystems"));
      return this;
    }

    /** Adds one element to {@link #operatingSystems(List)}. */
    public Builder addOperatingSystem(OperatingSystem operatingSystem) {
      if (operatingSystems == null) {
        operatingSystems = new ArrayList<>();
      }
      operatingSystems.add(Checks.notNull(operatingSystem, "operatingSystem"));
      return this;
    }

    /** Screen size bounds. */
    @JsonProperty("screen")
    public Builder screen(BrowserbaseFingerprintScreen screen) {
      this.screen = Checks.notNull(screen, "screen");
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

    /** Builds the BrowserbaseFingerprint. */
    public BrowserbaseFingerprint build() {
      return new BrowserbaseFingerprint(this);
    }

    // Jackson's way in: values read from the server are not held to build()'s checks.
    private BrowserbaseFingerprint buildFromJson() {
      return new BrowserbaseFingerprint(this);
    }
  }

  /**
   * A browser a fingerprint imitates. An open enumeration: {@link #of(String)} accepts values this
   * SDK version does not know.
   */
  public static final class Browser extends OpenEnum {
    /** {@code chrome} */
    public static final Browser CHROME = new Browser("chrome", true);
    /** {@code edge} */
    public static final Browser EDGE = new Browser("edge", true);
    /** {@code firefox} */
    public static final Browser FIREFOX = new Browser("firefox", true);
    /** {@code safari} */
    public static final Browser SAFARI = new Browser("safari", true);

    private static final Map<String, Browser> KNOWN =
        index(CHROME, EDGE, FIREFOX, SAFARI);

    private Browser(String value, boolean known) {
      super(value, known);
    }

    /** The constant for {@code value}, or a new value this SDK version does not know. */
    @JsonCreator
    public static Browser of(String value) {
      Browser constant = KNOWN.get(Checks.notNull(value, "value"));
      return constant != null ? constant : new Browser(value, false);
    }
  }

  /**
   * A device kind a fingerprint imitates. An open enumeration: {@link #of(String)} accepts values
   * this SDK version does not know.
   */
  public static final class Device extends OpenEnum {
    /** {@code desktop} */
    public static final Device DESKTOP = new Device("desktop", true);
    /** {@code mobile} */
    public static final Device MOBILE = new Device("mobile", true);

    private static final Map<String, Device> KNOWN =
        index(DESKTOP, MOBILE);

    private Device(String value, boolean known) {
      super(value, known);
    }

    /** The constant for {@code value}, or a new value this SDK version does not know. */
    @JsonCreator
    public static Device of(String value) {
      Device constant = KNOWN.get(Checks.notNull(value, "value"));
      return constant != null ? constant : new Device(value, false);
    }
  }

  /**
   * An HTTP version. An open enumeration: {@link #of(String)} accepts values this SDK version does
   * not know.
   */
  public static final class HttpVersion extends OpenEnum {
    /** {@code 1} */
    public static final HttpVersion V1 = new HttpVersion("1", true);
    /** {@code 2} */
    public static final HttpVersion V2 = new HttpVersion("2", true);

    private static final Map<String, HttpVersion> KNOWN =
        index(V1, V2);

    private HttpVersion(String value, boolean known) {
      super(value, known);
    }

    /** The constant for {@code value}, or a new value this SDK version does not know. */
    @JsonCreator
    public static HttpVersion of(String value) {
      HttpVersion constant = KNOWN.get(Checks.notNull(value, "value"));
      return constant != null ? constant : new HttpVersion(value, false);
    }
  }

  /**
   * An operating system a fingerprint imitates. An open enumeration: {@link #of(String)} accepts
   * values this SDK version does not know.
   */
  public static final class OperatingSystem extends OpenEnum {
    /** {@code android} */
    public static final OperatingSystem ANDROID = new OperatingSystem("android", true);
    /** {@code ios} */
    public static final OperatingSystem IOS = new OperatingSystem("ios", true);
    /** {@code linux} */
    public static final OperatingSystem LINUX = new OperatingSystem("linux", true);
    /** {@code macos} */
    public static final OperatingSystem MACOS = new OperatingSystem("macos", true);
    /** {@code windows} */
    public static final OperatingSystem WINDOWS = new OperatingSystem("windows", true);

    private static final Map<String, OperatingSystem> KNOWN =
        index(ANDROID, IOS, LINUX, MACOS, WINDOWS);

    private OperatingSystem(String value, boolean known) {
      super(value, known);
    }

    /** The constant for {@code value}, or a new value this SDK version does not know. */
    @JsonCreator
    public static OperatingSystem of(String value) {
      OperatingSystem constant = KNOWN.get(Checks.notNull(value, "value"));
      return constant != null ? constant : new OperatingSystem(value, false);
    }
  }
}
