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

/** Browser settings of a Browserbase session. */
@JsonModel
@JsonDeserialize(builder = BrowserbaseBrowserSettings.Builder.class)
public final class BrowserbaseBrowserSettings {
  @JsonProperty("advancedStealth")
  private final Boolean advancedStealth;
  @JsonProperty("blockAds")
  private final Boolean blockAds;
  @JsonProperty("captchaImageSelector")
  private final String captchaImageSelector;
  @JsonProperty("captchaInputSelector")
  private final String captchaInputSelector;
  @JsonProperty("context")
  private final BrowserbaseContext context;
  @JsonProperty("extensionId")
  private final String extensionId;
  @JsonProperty("fingerprint")
  private final BrowserbaseFingerprint fingerprint;
  @JsonProperty("logSession")
  private final Boolean logSession;
  @JsonProperty("os")
  private final Os os;
  @JsonProperty("recordSession")
  private final Boolean recordSession;
  @JsonProperty("solveCaptchas")
  private final Boolean solveCaptchas;
  @JsonProperty("verified")
  private final Boolean verified;
  @JsonProperty("viewport")
  private final BrowserbaseViewport viewport;
  private final Map<String, JsonNode> additionalProperties;

  private BrowserbaseBrowserSettings(Builder builder) {
    advancedStealth = builder.advancedStealth;
    blockAds = builder.blockAds;
    captchaImageSelector = builder.captchaImageSelector;
    captchaInputSelector = builder.captchaInputSelector;
    context = builder.context;
    extensionId = builder.extensionId;
    fingerprint = builder.fingerprint;
    logSession = builder.logSession;
    os = builder.os;
    recordSession = builder.recordSession;
    solveCaptchas = builder.solveCaptchas;
    verified = builder.verified;
    viewport = builder.viewport;
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

  /** Whether to use advanced stealth mode. */
  public Optional<Boolean> advancedStealth() {
    return Optional.ofNullable(advancedStealth);
  }

  /** Whether to block ads. */
  public Optional<Boolean> blockAds() {
    return Optional.ofNullable(blockAds);
  }

  /** Selector of a captcha image to solve. */
  public Optional<String> captchaImageSelector() {
    return Optional.ofNullable(captchaImageSelector);
  }

  /** Selector of the input the captcha solution goes to. */
  public Optional<String> captchaInputSelector() {
    return Optional.ofNullable(captchaInputSelector);
  }

  /** Context to use. */
  public Optional<BrowserbaseContext> context() {
    return Optional.ofNullable(context);
  }

  /** Id of an uploaded browser extension to load. */
  public Optional<String> extensionId() {
    return Optional.ofNullable(extensionId);
  }

  /** Fingerprint to generate. */
  public Optional<BrowserbaseFingerprint> fingerprint() {
    return Optional.ofNullable(fingerprint);
  }

  /** Whether to log the session. */
  public Optional<Boolean> logSession() {
    return Optional.ofNullable(logSession);
  }

  /** Operating system of the browser. */
  public Optional<Os> os() {
    return Optional.ofNullable(os);
  }

  /** Whether to record the session. */
  public Optional<Boolean> recordSession() {
    return Optional.ofNullable(recordSession);
  }

  /** Whether to solve captchas. */
  public Optional<Boolean> solveCaptchas() {
    return Optional.ofNullable(solveCaptchas);
  }

  /** Whether to use a verified browser. */
  public Optional<Boolean> verified() {
    return Optional.ofNullable(verified);
  }

  /** Viewport size. */
  public Optional<BrowserbaseViewport> viewport() {
    return Optional.ofNullable(viewport);
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
    if (!(o instanceof BrowserbaseBrowserSettings)) {
      return false;
    }
    BrowserbaseBrowserSettings that = (BrowserbaseBrowserSettings) o;
    return Objects.equals(advancedStealth, that.advancedStealth)
        && Objects.equals(blockAds, that.blockAds)
        && Objects.equals(captchaImageSelector, that.captchaImageSelector)
        && Objects.equals(captchaInputSelector, that.captchaInputSelector)
        && Objects.equals(context, that.context)
        && Objects.equals(extensionId, that.extensionId)
        && Objects.equals(fingerprint, that.fingerprint)
        && Objects.equals(logSession, that.logSession)
        && Objects.equals(os, that.os)
        && Objects.equals(recordSession, that.recordSession)
        && Objects.equals(solveCaptchas, that.solveCaptchas)
        && Objects.equals(verified, that.verified)
        && Objects.equals(viewport, that.viewport)
        && additionalProperties.equals(that.additionalProperties);
  }

  @Override
  public int hashCode() {
    return Objects.hash(advancedStealth, blockAds, captchaImageSelector, captchaInputSelector, context, extensionId, fingerprint, logSession, os, recordSession, solveCaptchas, verified, viewport, additionalProperties);
  }

  /** Shows the set values; secrets show as {@code ***}. */
  @Override
  public String toString() {
    return ToString.of("BrowserbaseBrowserSettings")
        .add("advancedStealth", advancedStealth)
        .add("blockAds", blockAds)
        .add("captchaImageSelector", captchaImageSelector)
        .add("captchaInputSelector", captchaInputSelector)
        .add("context", context)
        .add("extensionId", extensionId)
        .add("fingerprint", fingerprint)
        .add("logSession", logSession)
        .add("os", os)
        .add("recordSession", recordSession)
        .add("solveCaptchas", solveCaptchas)
        .add("verified", verified)
        .add("viewport", viewport)
        .additional(additionalProperties)
        .toString();
  }

  /**
   * Checks that every required property is present, here and in nested objects, and that unions have
   * a known form. Returns this object; throws {@link
   * com.browserbase.stagehand.errors.StagehandInvalidDataException} naming the first problem by its
   * path, such as {@code data.result.message}.
   */
  public BrowserbaseBrowserSettings validate() {
    validateAt("");
    return this;
  }

  void validateAt(String path) {
    if (context != null) {
      context.validateAt(path + "context.");
    }
    if (fingerprint != null) {
      fingerprint.validateAt(path + "fingerprint.");
    }
    if (viewport != null) {
      viewport.validateAt(path + "viewport.");
    }
  }

  /** Builds {@link BrowserbaseBrowserSettings}. Not thread-safe; setters reject {@code null}. */
  @JsonModel
  @JsonPOJOBuilder(withPrefix = "", buildMethodName = "buildFromJson")
  public static final class Builder {
    private Boolean advancedStealth;
    private Boolean blockAds;
    private String captchaImageSelector;
    private String captchaInputSelector;
    private BrowserbaseContext context;
    private String extensionId;
    private BrowserbaseFingerprint fingerprint;
    private Boolean logSession;
    private Os os;
    private Boolean recordSession;
    private Boolean solveCaptchas;
    private Boolean verified;
    private BrowserbaseViewport viewport;
    private Map<String, JsonNode> additionalProperties;

    private Builder() {}

    private Builder(BrowserbaseBrowserSettings source) {
      advancedStealth = source.advancedStealth;
      blockAds = source.blockAds;
      captchaImageSelector = source.captchaImageSelector;
      captchaInputSelector = source.captchaInputSelector;
      context = source.context;
      extensionId = source.extensionId;
      fingerprint = source.fingerprint;
      logSession = source.logSession;
      os = source.os;
      recordSession = source.recordSession;
      solveCaptchas = source.solveCaptchas;
      verified = source.verified;
      viewport = source.viewport;
      additionalProperties = source.additionalProperties.isEmpty()
          ? null
          : new LinkedHashMap<>(source.additionalProperties);
    }

    /** Whether to use advanced stealth mode. */
    @JsonProperty("advancedStealth")
    public Builder advancedStealth(boolean advancedStealth) {
      this.advancedStealth = advancedStealth;
      return this;
    }

    /** Whether to block ads. */
    @JsonProperty("blockAds")
    public Builder blockAds(boolean blockAds) {
      this.blockAds = blockAds;
      return this;
    }

    /** Selector of a captcha image to solve. */
    @JsonProperty("captchaImageSelector")
    public Builder captchaImageSelector(String captchaImageSelector) {
      this.captchaImageSelector = Checks.notNull(captchaImageSelector, "captchaImageSelector");
      return this;
    }

    /** Selector of the input the captcha solution goes to. */
    @JsonProperty("captchaInputSelector")
    public Builder captchaInputSelector(String captchaInputSelector) {
      this.captchaInputSelector = Checks.notNull(captchaInputSelector, "captchaInputSelector");
      return this;
    }

    /** Context to use. */
    @JsonProperty("context")
    public Builder context(BrowserbaseContext context) {
      this.context = Checks.notNull(context, "context");
      return this;
    }

    /** Id of an uploaded browser extension to load. */
    @JsonProperty("extensionId")
    public Builder extensionId(String extensionId) {
      this.extensionId = Checks.notNull(extensionId, "extensionId");
      return this;
    }

    /** Fingerprint to generate. */
    @JsonProperty("fingerprint")
    public Builder fingerprint(BrowserbaseFingerprint fingerprint) {
      this.fingerprint = Checks.notNull(fingerprint, "fingerprint");
      return this;
    }

    /** Whether to log the session. */
    @JsonProperty("logSession")
    public Builder logSession(boolean logSession) {
      this.logSession = logSession;
      return this;
    }

    /** Operating system of the browser. */
    @JsonProperty("os")
    public Builder os(Os os) {
      this.os = Checks.notNull(os, "os");
      return this;
    }

    /** Whether to record the session. */
    @JsonProperty("recordSession")
    public Builder recordSession(boolean recordSession) {
      this.recordSession = recordSession;
      return this;
    }

    /** Whether to solve captchas. */
    @JsonProperty("solveCaptchas")
    public Builder solveCaptchas(boolean solveCaptchas) {
      this.solveCaptchas = solveCaptchas;
      return this;
    }

    /** Whether to use a verified browser. */
    @JsonProperty("verified")
    public Builder verified(boolean verified) {
      this.verified = verified;
      return this;
    }

    /** Viewport size. */
    @JsonProperty("viewport")
    public Builder viewport(BrowserbaseViewport viewport) {
      this.viewport = Checks.notNull(viewport, "viewport");
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

    /** Builds the BrowserbaseBrowserSettings. */
    public BrowserbaseBrowserSettings build() {
      return new BrowserbaseBrowserSettings(this);
    }

    // Jackson's way in: values read from the server are not held to build()'s checks.
    private BrowserbaseBrowserSettings buildFromJson() {
      return new BrowserbaseBrowserSettings(this);
    }
  }

  /**
   * An operating system of a Browserbase browser. An open enumeration: {@link #of(String)} accepts
   * values this SDK version does not know.
   */
  public static final class Os extends OpenEnum {
    /** {@code windows} */
    public static final Os WINDOWS = new Os("windows", true);
    /** {@code mac} */
    public static final Os MAC = new Os("mac", true);
    /** {@code linux} */
    public static final Os LINUX = new Os("linux", true);
    /** {@code mobile} */
    public static final Os MOBILE = new Os("mobile", true);
    /** {@code tablet} */
    public static final Os TABLET = new Os("tablet", true);

    private static final Map<String, Os> KNOWN =
        index(WINDOWS, MAC, LINUX, MOBILE, TABLET);

    private Os(String value, boolean known) {
      super(value, known);
    }

    /** The constant for {@code value}, or a new value this SDK version does not know. */
    @JsonCreator
    public static Os of(String value) {
      Os constant = KNOWN.get(Checks.notNull(value, "value"));
      return constant != null ? constant : new Os(value, false);
    }
  }
}
