package com.browserbase.stagehand.models.sessions;

import com.browserbase.stagehand.internal.Checks;
import com.browserbase.stagehand.internal.Json;
import com.browserbase.stagehand.internal.JsonModel;
import com.browserbase.stagehand.internal.Params;
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

/** The request of {@code sessions().start(...)}: starts a browser session. */
@JsonModel
@JsonDeserialize(builder = SessionStartParams.Builder.class)
public final class SessionStartParams {
  @JsonProperty("modelName")
  private final String modelName;
  @JsonProperty("domSettleTimeoutMs")
  private final Integer domSettleTimeoutMs;
  @JsonProperty("verbose")
  private final Integer verbose;
  @JsonProperty("systemPrompt")
  private final String systemPrompt;
  @JsonProperty("browserbaseSessionCreateParams")
  private final BrowserbaseSessionCreateParams browserbaseSessionCreateParams;
  @JsonProperty("browser")
  private final BrowserConfig browser;
  @JsonProperty("selfHeal")
  private final Boolean selfHeal;
  @JsonProperty("browserbaseSessionID")
  private final String browserbaseSessionID;
  @JsonProperty("experimental")
  private final Boolean experimental;
  @JsonProperty("waitForCaptchaSolves")
  private final Boolean waitForCaptchaSolves;
  @JsonProperty("actTimeoutMs")
  private final Integer actTimeoutMs;
  @JsonProperty("useTouch")
  private final Boolean useTouch;
  private final Map<String, List<String>> additionalHeaders;
  private final Map<String, List<String>> additionalQueryParams;
  private final Map<String, JsonNode> additionalProperties;

  private SessionStartParams(Builder builder) {
    modelName = builder.modelName;
    domSettleTimeoutMs = builder.domSettleTimeoutMs;
    verbose = builder.verbose;
    systemPrompt = builder.systemPrompt;
    browserbaseSessionCreateParams = builder.browserbaseSessionCreateParams;
    browser = builder.browser;
    selfHeal = builder.selfHeal;
    browserbaseSessionID = builder.browserbaseSessionID;
    experimental = builder.experimental;
    waitForCaptchaSolves = builder.waitForCaptchaSolves;
    actTimeoutMs = builder.actTimeoutMs;
    useTouch = builder.useTouch;
    additionalHeaders = Params.copyMulti(builder.additionalHeaders);
    additionalQueryParams = Params.copyMulti(builder.additionalQueryParams);
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

  /** Model for the session's AI operations, such as {@code openai/gpt-5-nano}. */
  public String modelName() {
    return Checks.present(modelName, "SessionStartParams", "modelName");
  }

  /** Timeout in milliseconds to wait for the DOM to settle. */
  public Optional<Integer> domSettleTimeoutMs() {
    return Optional.ofNullable(domSettleTimeoutMs);
  }

  /** Log verbosity: 0 quiet, 1 normal, 2 debug. */
  public Optional<Integer> verbose() {
    return Optional.ofNullable(verbose);
  }

  /** Custom system prompt for AI operations. */
  public Optional<String> systemPrompt() {
    return Optional.ofNullable(systemPrompt);
  }

  /** How Browserbase creates the cloud browser. */
  public Optional<BrowserbaseSessionCreateParams> browserbaseSessionCreateParams() {
    return Optional.ofNullable(browserbaseSessionCreateParams);
  }

  /** Which browser to use. */
  public Optional<BrowserConfig> browser() {
    return Optional.ofNullable(browser);
  }

  /** Whether to self-heal failed actions. */
  public Optional<Boolean> selfHeal() {
    return Optional.ofNullable(selfHeal);
  }

  /** Existing Browserbase session to resume. */
  public Optional<String> browserbaseSessionID() {
    return Optional.ofNullable(browserbaseSessionID);
  }

  /** Whether to enable experimental features. */
  public Optional<Boolean> experimental() {
    return Optional.ofNullable(experimental);
  }

  /** Whether to wait for captcha solves (deprecated, v2 only). */
  public Optional<Boolean> waitForCaptchaSolves() {
    return Optional.ofNullable(waitForCaptchaSolves);
  }

  /** Timeout in milliseconds of act operations (deprecated, v2 only). */
  public Optional<Integer> actTimeoutMs() {
    return Optional.ofNullable(actTimeoutMs);
  }

  /** Whether pointer actions are touch taps, for sessions rendering a mobile layout. */
  public Optional<Boolean> useTouch() {
    return Optional.ofNullable(useTouch);
  }

  /** Extra HTTP headers sent with this request only. */
  public Map<String, List<String>> additionalHeaders() {
    return additionalHeaders;
  }

  /** Extra query parameters sent with this request only. */
  public Map<String, List<String>> additionalQueryParams() {
    return additionalQueryParams;
  }

  /** Extra body properties, for API features this SDK version does not model; never null. */
  @JsonAnyGetter
  public Map<String, JsonNode> additionalProperties() {
    return additionalProperties;
  }

  @Override
  public boolean equals(Object o) {
    if (o == this) {
      return true;
    }
    if (!(o instanceof SessionStartParams)) {
      return false;
    }
    SessionStartParams that = (SessionStartParams) o;
    return Objects.equals(modelName, that.modelName)
        && Objects.equals(domSettleTimeoutMs, that.domSettleTimeoutMs)
        && Objects.equals(verbose, that.verbose)
        && Objects.equals(systemPrompt, that.systemPrompt)
        && Objects.equals(browserbaseSessionCreateParams, that.browserbaseSessionCreateParams)
        && Objects.equals(browser, that.browser)
        && Objects.equals(selfHeal, that.selfHeal)
        && Objects.equals(browserbaseSessionID, that.browserbaseSessionID)
        && Objects.equals(experimental, that.experimental)
        && Objects.equals(waitForCaptchaSolves, that.waitForCaptchaSolves)
        && Objects.equals(actTimeoutMs, that.actTimeoutMs)
        && Objects.equals(useTouch, that.useTouch)
        && additionalHeaders.equals(that.additionalHeaders)
        && additionalQueryParams.equals(that.additionalQueryParams)
        && additionalProperties.equals(that.additionalProperties);
  }

  @Override
  public int hashCode() {
    return Objects.hash(modelName, domSettleTimeoutMs, verbose, systemPrompt, browserbaseSessionCreateParams, browser, selfHeal, browserbaseSessionID, experimental, waitForCaptchaSolves, actTimeoutMs, useTouch, additionalHeaders, additionalQueryParams, additionalProperties);
  }

  /** Shows the set values; secrets show as {@code ***}. */
  @Override
  public String toString() {
    return ToString.of("SessionStartParams")
        .add("modelName", modelName)
        .add("domSettleTimeoutMs", domSettleTimeoutMs)
        .add("verbose", verbose)
        .add("systemPrompt", systemPrompt)
        .add("browserbaseSessionCreateParams", browserbaseSessionCreateParams)
        .add("browser", browser)
        .add("selfHeal", selfHeal)
        .add("browserbaseSessionID", browserbaseSessionID)
        .add("experimental", experimental)
        .add("waitForCaptchaSolves", waitForCaptchaSolves)
        .add("actTimeoutMs", actTimeoutMs)
        .add("useTouch", useTouch)
        .add("additionalHeaders", additionalHeaders.isEmpty() ? null : additionalHeaders.keySet())
        .add("additionalQueryParams", additionalQueryParams.isEmpty() ? null : additionalQueryParams)
        .additional(additionalProperties)
        .toString();
  }

  /**
   * Checks that every required property is present, here and in nested objects, and that unions have
   * a known form. Returns this object; throws {@link
   * com.browserbase.stagehand.errors.StagehandInvalidDataException} naming the first problem by its
   * path, such as {@code data.result.message}.
   */
  public SessionStartParams validate() {
    validateAt("");
    return this;
  }

  void validateAt(String path) {
    Checks.presentAt(modelName, path, "modelName", "SessionStartParams");
    if (browserbaseSessionCreateParams != null) {
      browserbaseSessionCreateParams.validateAt(path + "browserbaseSessionCreateParams.");
    }
    if (browser != null) {
      browser.validateAt(path + "browser.");
    }
  }

  /** Builds {@link SessionStartParams}. Not thread-safe; setters reject {@code null}. */
  @JsonModel
  @JsonPOJOBuilder(withPrefix = "", buildMethodName = "buildFromJson")
  public static final class Builder {
    private String modelName;
    private Integer domSettleTimeoutMs;
    private Integer verbose;
    private String systemPrompt;
    private BrowserbaseSessionCreateParams browserbaseSessionCreateParams;
    private BrowserConfig browser;
    private Boolean selfHeal;
    private String browserbaseSessionID;
    private Boolean experimental;
    private Boolean waitForCaptchaSolves;
    private Integer actTimeoutMs;
    private Boolean useTouch;
    private Map<String, List<String>> additionalHeaders;
    private Map<String, List<String>> additionalQueryParams;
    private Map<String, JsonNode> additionalProperties;

    private Builder() {}

    private Builder(SessionStartParams source) {
      modelName = source.modelName;
      domSettleTimeoutMs = source.domSettleTimeoutMs;
      verbose = source.verbose;
      systemPrompt = source.systemPrompt;
      browserbaseSessionCreateParams = source.browserbaseSessionCreateParams;
      browser = source.browser;
      selfHeal = source.selfHeal;
      browserbaseSessionID = source.browserbaseSessionID;
      experimental = source.experimental;
      waitForCaptchaSolves = source.waitForCaptchaSolves;
      actTimeoutMs = source.actTimeoutMs;
      useTouch = source.useTouch;
      additionalHeaders = Params.mutableMulti(source.additionalHeaders);
      additionalQueryParams = Params.mutableMulti(source.additionalQueryParams);
      additionalProperties = source.additionalProperties.isEmpty()
          ? null
          : new LinkedHashMap<>(source.additionalProperties);
    }

    /** Model for the session's AI operations, such as {@code openai/gpt-5-nano}. */
    @JsonProperty("modelName")
    public Builder modelName(String modelName) {
      this.modelName = Checks.notNull(modelName, "modelName");
      return this;
    }

    /** Timeout in milliseconds to wait for the DOM to settle. */
    @JsonProperty("domSettleTimeoutMs")
    public Builder domSettleTimeoutMs(int domSettleTimeoutMs) {
      this.domSettleTimeoutMs = Checks.nonNegative(domSettleTimeoutMs, "domSettleTimeoutMs");
      return this;
    }

    /** Log verbosity: 0 quiet, 1 normal, 2 debug. */
    @JsonProperty("verbose")
    public Builder verbose(int verbose) {
      this.verbose = Params.oneOf(verbose, "verbose", 0, 2);
      return this;
    }

    /** Custom system prompt for AI operations. */
    @JsonProperty("systemPrompt")
    public Builder systemPrompt(String systemPrompt) {
      this.systemPrompt = Checks.notNull(systemPrompt, "systemPrompt");
      return this;
    }

    /** How Browserbase creates the cloud browser. */
    @JsonProperty("browserbaseSessionCreateParams")
    public Builder browserbaseSessionCreateParams(BrowserbaseSessionCreateParams browserbaseSessionCreateParams) {
      this.browserbaseSessionCreateParams = Checks.notNull(browserbaseSessionCreateParams, "browserbaseSessionCreateParams");
      return this;
    }

    /** Which browser to use. */
    @JsonProperty("browser")
    public Builder browser(BrowserConfig browser) {
      this.browser = Checks.notNull(browser, "browser");
      return this;
    }

    /** Whether to self-heal failed actions. */
    @JsonProperty("selfHeal")
    public Builder selfHeal(boolean selfHeal) {
      this.selfHeal = selfHeal;
      return this;
    }

    /** Existing Browserbase session to resume. */
    @JsonProperty("browserbaseSessionID")
    public Builder browserbaseSessionID(String browserbaseSessionID) {
      this.browserbaseSessionID = Checks.notNull(browserbaseSessionID, "browserbaseSessionID");
      return this;
    }

    /** Whether to enable experimental features. */
    @JsonProperty("experimental")
    public Builder experimental(boolean experimental) {
      this.experimental = experimental;
      return this;
    }

    /** Whether to wait for captcha solves (deprecated, v2 only). */
    @JsonProperty("waitForCaptchaSolves")
    public Builder waitForCaptchaSolves(boolean waitForCaptchaSolves) {
      this.waitForCaptchaSolves = waitForCaptchaSolves;
      return this;
    }

    /** Timeout in milliseconds of act operations (deprecated, v2 only). */
    @JsonProperty("actTimeoutMs")
    public Builder actTimeoutMs(int actTimeoutMs) {
      this.actTimeoutMs = Checks.nonNegative(actTimeoutMs, "actTimeoutMs");
      return this;
    }

    /** Whether pointer actions are touch taps, for sessions rendering a mobile layout. */
    @JsonProperty("useTouch")
    public Builder useTouch(boolean useTouch) {
      this.useTouch = useTouch;
      return this;
    }

    /** Adds an HTTP header sent with this request only (after the client's headers). */
    public Builder putAdditionalHeader(String name, String value) {
      additionalHeaders = Params.put(additionalHeaders, Checks.notNull(name, "name"), Checks.notNull(value, "value"));
      return this;
    }

    /** Adds a query parameter sent with this request only. */
    public Builder putAdditionalQueryParam(String name, String value) {
      additionalQueryParams = Params.put(additionalQueryParams, Checks.notNull(name, "name"), Checks.notNull(value, "value"));
      return this;
    }

    /**
     * Adds a body property this SDK version does not model; any value Jackson can write. For a
     * name this class also models, this value is sent instead of the modelled one: the body holds
     * each key once.
     */
    public Builder putAdditionalBodyProperty(String name, Object value) {
      return putAdditionalProperty(name, value);
    }

    /** Same as {@link #putAdditionalBodyProperty}, under the name every model's builder has. */
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
     * Builds the SessionStartParams, or throws {@link IllegalStateException} naming a required
     * property that is not set.
     */
    public SessionStartParams build() {
      Checks.required(modelName, "SessionStartParams", "modelName");
      return new SessionStartParams(this);
    }

    // Jackson's way in: values read from the server are not held to build()'s checks.
    private SessionStartParams buildFromJson() {
      return new SessionStartParams(this);
    }
  }
}
