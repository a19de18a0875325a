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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** How a self-hosted server launches its local Chromium. */
@JsonModel
@JsonDeserialize(builder = LocalBrowserLaunchOptions.Builder.class)
public final class LocalBrowserLaunchOptions {
  @JsonProperty("args")
  private final List<String> args;
  @JsonProperty("executablePath")
  private final String executablePath;
  @JsonProperty("port")
  private final Integer port;
  @JsonProperty("userDataDir")
  private final String userDataDir;
  @JsonProperty("preserveUserDataDir")
  private final Boolean preserveUserDataDir;
  @JsonProperty("headless")
  private final Boolean headless;
  @JsonProperty("devtools")
  private final Boolean devtools;
  @JsonProperty("chromiumSandbox")
  private final Boolean chromiumSandbox;
  @JsonProperty("ignoreDefaultArgs")
  private final Object ignoreDefaultArgs;
  @JsonProperty("proxy")
  private final Proxy proxy;
  @JsonProperty("locale")
  private final String locale;
  @JsonProperty("viewport")
  private final Viewport viewport;
  @JsonProperty("deviceScaleFactor")
  private final Double deviceScaleFactor;
  @JsonProperty("hasTouch")
  private final Boolean hasTouch;
  @JsonProperty("ignoreHTTPSErrors")
  private final Boolean ignoreHTTPSErrors;
  @JsonProperty("cdpUrl")
  private final String cdpUrl;
  @JsonProperty("cdpHeaders")
  private final Map<String, String> cdpHeaders;
  @JsonProperty("connectTimeoutMs")
  private final Integer connectTimeoutMs;
  @JsonProperty("downloadsPath")
  private final String downloadsPath;
  @JsonProperty("acceptDownloads")
  private final Boolean acceptDownloads;
  private final Map<String, JsonNode> additionalProperties;

  private LocalBrowserLaunchOptions(Builder builder) {
    args = Checks.copy(builder.args, "args");
    executablePath = builder.executablePath;
    port = builder.port;
    userDataDir = builder.userDataDir;
    preserveUserDataDir = builder.preserveUserDataDir;
    headless = builder.headless;
    devtools = builder.devtools;
    chromiumSandbox = builder.chromiumSandbox;
    ignoreDefaultArgs = builder.ignoreDefaultArgs;
    proxy = builder.proxy;
    locale = builder.locale;
    viewport = builder.viewport;
    deviceScaleFactor = builder.deviceScaleFactor;
    hasTouch = builder.hasTouch;
    ignoreHTTPSErrors = builder.ignoreHTTPSErrors;
    cdpUrl = builder.cdpUrl;
    cdpHeaders = Checks.copy(builder.cdpHeaders, "cdpHeaders");
    connectTimeoutMs = builder.connectTimeoutMs;
    downloadsPath = builder.downloadsPath;
    acceptDownloads = builder.acceptDownloads;
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

  /** Extra command-line arguments of the browser. */
  public List<String> args() {
    return Checks.orEmpty(args);
  }

  /** Path of the browser executable. */
  public Optional<String> executablePath() {
    return Optional.ofNullable(executablePath);
  }

  /** Remote debugging port. */
  public Optional<Integer> port() {
    return Optional.ofNullable(port);
  }

  /** User data directory. */
  public Optional<String> userDataDir() {
    return Optional.ofNullable(userDataDir);
  }

  /** Whether to keep the user data directory after the session. */
  public Optional<Boolean> preserveUserDataDir() {
    return Optional.ofNullable(preserveUserDataDir);
  }

  /** Whether to run without a window. */
  public Optional<Boolean> headless() {
    return Optional.ofNullable(headless);
  }

  /** Whether to open DevTools. */
  public Optional<Boolean> devtools() {
    return Optional.ofNullable(devtools);
  }

  /** Whether to use Chromium's sandbox. */
  public Optional<Boolean> chromiumSandbox() {
    return Optional.ofNullable(chromiumSandbox);
  }

  /** Which default browser arguments to leave out. This form: {@code true} leaves out all of them. */
  public Optional<Boolean> ignoreAllDefaultArgs() {
    return ignoreDefaultArgs instanceof Boolean ? Optional.of((Boolean) ignoreDefaultArgs) : Optional.<Boolean>empty();
  }

  /** Which default browser arguments to leave out. This form: the arguments to leave out. */
  @SuppressWarnings("unchecked") // only ever set from a List<String>
  public Optional<List<String>> ignoredDefaultArgs() {
    return ignoreDefaultArgs instanceof List ? Optional.of((List<String>) ignoreDefaultArgs) : Optional.<List<String>>empty();
  }

  /** Proxy of the browser. */
  public Optional<Proxy> proxy() {
    return Optional.ofNullable(proxy);
  }

  /** Browser locale, such as {@code en-US}. */
  public Optional<String> locale() {
    return Optional.ofNullable(locale);
  }

  /** Viewport size. */
  public Optional<Viewport> viewport() {
    return Optional.ofNullable(viewport);
  }

  /** Device scale factor. */
  public Optional<Double> deviceScaleFactor() {
    return Optional.ofNullable(deviceScaleFactor);
  }

  /** Whether the page supports touch. */
  public Optional<Boolean> hasTouch() {
    return Optional.ofNullable(hasTouch);
  }

  /** Whether to ignore HTTPS certificate errors. */
  public Optional<Boolean> ignoreHTTPSErrors() {
    return Optional.ofNullable(ignoreHTTPSErrors);
  }

  /** CDP URL of an already running browser to connect to. */
  public Optional<String> cdpUrl() {
    return Optional.ofNullable(cdpUrl);
  }

  /** Headers sent when connecting over CDP; values are treated as secrets. */
  public Map<String, String> cdpHeaders() {
    return Checks.orEmpty(cdpHeaders);
  }

  /** Timeout in milliseconds for connecting to the browser. */
  public Optional<Integer> connectTimeoutMs() {
    return Optional.ofNullable(connectTimeoutMs);
  }

  /** Directory for downloads. */
  public Optional<String> downloadsPath() {
    return Optional.ofNullable(downloadsPath);
  }

  /** Whether to accept downloads. */
  public Optional<Boolean> acceptDownloads() {
    return Optional.ofNullable(acceptDownloads);
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
    if (!(o instanceof LocalBrowserLaunchOptions)) {
      return false;
    }
    LocalBrowserLaunchOptions that = (LocalBrowserLaunchOptions) o;
    return Objects.equals(args, that.args)
        && Objects.equals(executablePath, that.executablePath)
        && Objects.equals(port, that.port)
        && Objects.equals(userDataDir, that.userDataDir)
        && Objects.equals(preserveUserDataDir, that.preserveUserDataDir)
        && Objects.equals(headless, that.headless)
        && Objects.equals(devtools, that.devtools)
        && Objects.equals(chromiumSandbox, that.chromiumSandbox)
        && Objects.equals(ignoreDefaultArgs, that.ignoreDefaultArgs)
        && Objects.equals(proxy, that.proxy)
        && Objects.equals(locale, that.locale)
        && Objects.equals(viewport, that.viewport)
        && Objects.equals(deviceScaleFactor, that.deviceScaleFactor)
        && Objects.equals(hasTouch, that.hasTouch)
        && Objects.equals(ignoreHTTPSErrors, that.ignoreHTTPSErrors)
        && Objects.equals(cdpUrl, that.cdpUrl)
        && Objects.equals(cdpHeaders, that.cdpHeaders)
        && Objects.equals(connectTimeoutMs, that.connectTimeoutMs)
        && Objects.equals(downloadsPath, that.downloadsPath)
        && Objects.equals(acceptDownloads, that.acceptDownloads)
        && additionalProperties.equals(that.additionalProperties);
  }

  @Override
  public int hashCode() {
    return Objects.hash(args, executablePath, port, userDataDir, preserveUserDataDir, headless, devtools, chromiumSandbox, ignoreDefaultArgs, proxy, locale, viewport, deviceScaleFactor, hasTouch, ignoreHTTPSErrors, cdpUrl, cdpHeaders, connectTimeoutMs, downloadsPath, acceptDownloads, additionalProperties);
  }

  /** Shows the set values; secrets show as {@code ***}. */
  @Override
  public String toString() {
    return ToString.of("LocalBrowserLaunchOptions")
        .add("args", args)
        .add("executablePath", executablePath)
        .add("port", port)
        .add("userDataDir", userDataDir)
        .add("preserveUserDataDir", preserveUserDataDir)
        .add("headless", headless)
        .add("devtools", devtools)
        .add("chromiumSandbox", chromiumSandbox)
        .add("ignoreDefaultArgs", ignoreDefaultArgs)
        .add("proxy", proxy)
        .add("locale", locale)
        .add("viewport", viewport)
        .add("deviceScaleFactor", deviceScaleFactor)
        .add("hasTouch", hasTouch)
        .add("ignoreHTTPSErrors", ignoreHTTPSErrors)
        .url("cdpUrl", cdpUrl)
        .secretValues("cdpHeaders", cdpHeaders)
        .add("connectTimeoutMs", connectTimeoutMs)
        .add("downloadsPath", downloadsPath)
        .add("acceptDownloads", acceptDownloads)
        .additional(additionalProperties)
        .toString();
  }

  /**
   * Checks that every required property is present, here and in nested objects, and that unions have
   * a known form. Returns this object; throws {@link
   * com.browserbase.stagehand.errors.StagehandInvalidDataException} naming the first problem by its
   * path, such as {@code data.result.message}.
   */
  public LocalBrowserLaunchOptions validate() {
    validateAt("");
    return this;
  }

  void validateAt(String path) {
    Checks.knownFormAt(ignoreDefaultArgs, path, "ignoreDefaultArgs");
    if (proxy != null) {
      proxy.validateAt(path + "proxy.");
    }
    if (viewport != null) {
      viewport.validateAt(path + "viewport.");
    }
  }

  /** Builds {@link LocalBrowserLaunchOptions}. Not thread-safe; setters reject {@code null}. */
  @JsonModel
  @JsonPOJOBuilder(withPrefix = "", buildMethodName = "buildFromJson")
  public static final class Builder {
    private List<String> args;
    private String executablePath;
    private Integer port;
    private String userDataDir;
    private Boolean preserveUserDataDir;
    private Boolean headless;
    private Boolean devtools;
    private Boolean chromiumSandbox;
    private Object ignoreDefaultArgs;
    private Proxy proxy;
    private String locale;
    private Viewport viewport;
    private Double deviceScaleFactor;
    private Boolean hasTouch;
    private Boolean ignoreHTTPSErrors;
    private String cdpUrl;
    private Map<String, String> cdpHeaders;
    private Integer connectTimeoutMs;
    private String downloadsPath;
    private Boolean acceptDownloads;
    private Map<String, JsonNode> additionalProperties;

    private Builder() {}

    private Builder(LocalBrowserLaunchOptions source) {
      args = source.args == null ? null : new ArrayList<>(source.args);
      executablePath = source.executablePath;
      port = source.port;
      userDataDir = source.userDataDir;
      preserveUserDataDir = source.preserveUserDataDir;
      headless = source.headless;
      devtools = source.devtools;
      chromiumSandbox = source.chromiumSandbox;
      ignoreDefaultArgs = source.ignoreDefaultArgs;
      proxy = source.proxy;
      locale = source.locale;
      viewport = source.viewport;
      deviceScaleFactor = source.deviceScaleFactor;
      hasTouch = source.hasTouch;
      ignoreHTTPSErrors = source.ignoreHTTPSErrors;
      cdpUrl = source.cdpUrl;
      cdpHeaders = source.cdpHeaders == null ? null : new LinkedHashMap<>(source.cdpHeaders);
      connectTimeoutMs = source.connectTimeoutMs;
      downloadsPath = source.downloadsPath;
      acceptDownloads = source.acceptDownloads;
      additionalProperties = source.additionalProperties.isEmpty()
          ? null
          : new LinkedHashMap<>(source.additionalProperties);
    }

    /** Extra command-line arguments of the browser. */
    @JsonProperty("args")
    public Builder args(List<String> args) {
      this.args = new ArrayList<>(Checks.notNull(args, "args"));
      return this;
    }

    /** Adds one element to {@link #args(List)}. */
    public Builder addArg(String arg) {
      if (args == null) {
        args = new ArrayList<>();
      }
      args.add(Checks.notNull(arg, "arg"));
      return this;
    }

    /** Path of the browser executable. */
    @JsonProperty("executablePath")
    public Builder executablePath(String executablePath) {
      this.executablePath = Checks.notNull(executablePath, "executablePath");
      return this;
    }

    /** Remote debugging port. */
    @JsonProperty("port")
    public Builder port(int port) {
      this.port = Checks.nonNegative(port, "port");
      return this;
    }

    /** User data directory. */
    @JsonProperty("userDataDir")
    public Builder userDataDir(String userDataDir) {
      this.userDataDir = Checks.notNull(userDataDir, "userDataDir");
      return this;
    }

    /** Whether to keep the user data directory after the session. */
    @JsonProperty("preserveUserDataDir")
    public Builder preserveUserDataDir(boolean preserveUserDataDir) {
      this.preserveUserDataDir = preserveUserDataDir;
      return this;
    }

    /** Whether to run without a window. */
    @JsonProperty("headless")
    public Builder headless(boolean headless) {
      this.headless = headless;
      return this;
    }

    /** Whether to open DevTools. */
    @JsonProperty("devtools")
    public Builder devtools(boolean devtools) {
      this.devtools = devtools;
      return this;
    }

    /** Whether to use Chromium's sandbox. */
    @JsonProperty("chromiumSandbox")
    public Builder chromiumSandbox(boolean chromiumSandbox) {
      this.chromiumSandbox = chromiumSandbox;
      return this;
    }

    /** Which default browser arguments to leave out. This form: {@code true} leaves out all of them. */
    public Builder ignoreDefaultArgs(boolean ignoreDefaultArgs) {
      this.ignoreDefaultArgs = ignoreDefaultArgs;
      return this;
    }

    /** Which default browser arguments to leave out. This form: the arguments to leave out. */
    public Builder ignoreDefaultArgs(List<String> ignoreDefaultArgs) {
      this.ignoreDefaultArgs = Checks.copy(Checks.notNull(ignoreDefaultArgs, "ignoreDefaultArgs"), "ignoreDefaultArgs");
      return this;
    }

    @JsonProperty("ignoreDefaultArgs")
    private Builder ignoreDefaultArgsFromJson(JsonNode node) {
      if (node.isBoolean()) {
        this.ignoreDefaultArgs = node.booleanValue();
        return this;
      }
      if (node.isArray()) {
        this.ignoreDefaultArgs = Json.convertList(node, String.class);
        return this;
      }
      this.ignoreDefaultArgs = node; // a form this SDK version does not know: kept as it came
      return this;
    }

    /** Proxy of the browser. */
    @JsonProperty("proxy")
    public Builder proxy(Proxy proxy) {
      this.proxy = Checks.notNull(proxy, "proxy");
      return this;
    }

    /** Browser locale, such as {@code en-US}. */
    @JsonProperty("locale")
    public Builder locale(String locale) {
      this.locale = Checks.notNull(locale, "locale");
      return this;
    }

    /** Viewport size. */
    @JsonProperty("viewport")
    public Builder viewport(Viewport viewport) {
      this.viewport = Checks.notNull(viewport, "viewport");
      return this;
    }

    /** Device scale factor. */
    @JsonProperty("deviceScaleFactor")
    public Builder deviceScaleFactor(double deviceScaleFactor) {
      this.deviceScaleFactor = Checks.nonNegative(deviceScaleFactor, "deviceScaleFactor");
      return this;
    }

    /** Whether the page supports touch. */
    @JsonProperty("hasTouch")
    public Builder hasTouch(boolean hasTouch) {
      this.hasTouch = hasTouch;
      return this;
    }

    /** Whether to ignore HTTPS certificate errors. */
    @JsonProperty("ignoreHTTPSErrors")
    public Builder ignoreHTTPSErrors(boolean ignoreHTTPSErrors) {
      this.ignoreHTTPSErrors = ignoreHTTPSErrors;
      return this;
    }

    /** CDP URL of an already running browser to connect to. */
    @JsonProperty("cdpUrl")
    public Builder cdpUrl(String cdpUrl) {
      this.cdpUrl = Checks.notNull(cdpUrl, "cdpUrl");
      return this;
    }

    /** Headers sent when connecting over CDP; values are treated as secrets. */
    @JsonProperty("cdpHeaders")
    public Builder cdpHeaders(Map<String, String> cdpHeaders) {
      this.cdpHeaders = new LinkedHashMap<>(Checks.notNull(cdpHeaders, "cdpHeaders"));
      return this;
    }

    /** Puts one entry into {@link #cdpHeaders(Map)}. */
    public Builder putCdpHeader(String name, String value) {
      if (cdpHeaders == null) {
        cdpHeaders = new LinkedHashMap<>();
      }
      cdpHeaders.put(Checks.notNull(name, "name"), Checks.notNull(value, "value"));
      return this;
    }

    /** Timeout in milliseconds for connecting to the browser. */
    @JsonProperty("connectTimeoutMs")
    public Builder connectTimeoutMs(int connectTimeoutMs) {
      this.connectTimeoutMs = Checks.nonNegative(connectTimeoutMs, "connectTimeoutMs");
      return this;
    }

    /** Directory for downloads. */
    @JsonProperty("downloadsPath")
    public Builder downloadsPath(String downloadsPath) {
      this.downloadsPath = Checks.notNull(downloadsPath, "downloadsPath");
      return this;
    }

    /** Whether to accept downloads. */
    @JsonProperty("acceptDownloads")
    public Builder acceptDownloads(boolean acceptDownloads) {
      this.acceptDownloads = acceptDownloads;
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

    /** Builds the LocalBrowserLaunchOptions. */
    public LocalBrowserLaunchOptions build() {
      return new LocalBrowserLaunchOptions(this);
    }

    // Jackson's way in: values read from the server are not held to build()'s checks.
    private LocalBrowserLaunchOptions buildFromJson() {
      return new LocalBrowserLaunchOptions(this);
    }
  }

  /** The proxy of a local browser. The password never shows in {@code toString()}. */
  @JsonModel
  @JsonDeserialize(builder = Proxy.Builder.class)
  public static final class Proxy {
    @JsonProperty("server")
    private final String server;
    @JsonProperty("bypass")
    private final String bypass;
    @JsonProperty("username")
    private final String username;
    @JsonProperty("password")
    private final String password;
    private final Map<String, JsonNode> additionalProperties;

    private Proxy(Builder builder) {
      server = builder.server;
      bypass = builder.bypass;
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

    /** Proxy server, such as {@code http://proxy:8080}. */
    public String server() {
      return Checks.present(server, "Proxy", "server");
    }

    /** Comma-separated hosts that bypass the proxy. */
    public Optional<String> bypass() {
      return Optional.ofNullable(bypass);
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
      if (!(o instanceof Proxy)) {
        return false;
      }
      Proxy that = (Proxy) o;
      return Objects.equals(server, that.server)
          && Objects.equals(bypass, that.bypass)
          && Objects.equals(username, that.username)
          && Objects.equals(password, that.password)
          && additionalProperties.equals(that.additionalProperties);
    }

    @Override
    public int hashCode() {
      return Objects.hash(server, bypass, username, password, additionalProperties);
    }

    /** Shows the set values; secrets show as {@code ***}. */
    @Override
    public String toString() {
      return ToString.of("Proxy")
          .add("server", server)
          .add("bypass", bypass)
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
    public Proxy validate() {
      validateAt("");
      return this;
    }

    void validateAt(String path) {
      Checks.presentAt(server, path, "server", "Proxy");
    }

    /** Builds {@link Proxy}. Not thread-safe; setters reject {@code null}. */
    @JsonModel
    @JsonPOJOBuilder(withPrefix = "", buildMethodName = "buildFromJson")
    public static final class Builder {
      private String server;
      private String bypass;
      private String username;
      private String password;
      private Map<String, JsonNode> additionalProperties;

      private Builder() {}

      private Builder(Proxy source) {
        server = source.server;
        bypass = source.bypass;
        username = source.username;
        password = source.password;
        additionalProperties = source.additionalProperties.isEmpty()
            ? null
            : new LinkedHashMap<>(source.additionalProperties);
      }

      /** Proxy server, such as {@code http://proxy:8080}. */
      @JsonProperty("server")
      public Builder server(String server) {
        this.server = Checks.notNull(server, "server");
        return this;
      }

      /** Comma-separated hosts that bypass the proxy. */
      @JsonProperty("bypass")
      public Builder bypass(String bypass) {
        this.bypass = Checks.notNull(bypass, "bypass");
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
       * Builds the Proxy, or throws {@link IllegalStateException} naming a required property that is not
       * set.
       */
      public Proxy build() {
        Checks.required(server, "Proxy", "server");
        return new Proxy(this);
      }

      // Jackson's way in: values read from the server are not held to build()'s checks.
      private Proxy buildFromJson() {
        return new Proxy(this);
      }
    }
  }

  /** The viewport of a local browser, in CSS pixels. */
  @JsonModel
  @JsonDeserialize(builder = Viewport.Builder.class)
  public static final class Viewport {
    @JsonProperty("width")
    private final Integer width;
    @JsonProperty("height")
    private final Integer height;
    private final Map<String, JsonNode> additionalProperties;

    private Viewport(Builder builder) {
      width = builder.width;
      height = builder.height;
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

    /** Width in pixels. */
    public int width() {
      return Checks.present(width, "Viewport", "width");
    }

    /** Height in pixels. */
    public int height() {
      return Checks.present(height, "Viewport", "height");
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
      if (!(o instanceof Viewport)) {
        return false;
      }
      Viewport that = (Viewport) o;
      return Objects.equals(width, that.width)
          && Objects.equals(height, that.height)
          && additionalProperties.equals(that.additionalProperties);
    }

    @Override
    public int hashCode() {
      return Objects.hash(width, height, additionalProperties);
    }

    /** Shows the set values; secrets show as {@code ***}. */
    @Override
    public String toString() {
      return ToString.of("Viewport")
          .add("width", width)
          .add("height", height)
          .additional(additionalProperties)
          .toString();
    }

    /**
     * Checks that every required property is present, here and in nested objects, and that unions have
     * a known form. Returns this object; throws {@link
     * com.browserbase.stagehand.errors.StagehandInvalidDataException} naming the first problem by its
     * path, such as {@code data.result.message}.
     */
    public Viewport validate() {
      validateAt("");
      return this;
    }

    void validateAt(String path) {
      Checks.presentAt(width, path, "width", "Viewport");
      Checks.presentAt(height, path, "height", "Viewport");
    }

    /** Builds {@link Viewport}. Not thread-safe; setters reject {@code null}. */
    @JsonModel
    @JsonPOJOBuilder(withPrefix = "", buildMethodName = "buildFromJson")
    public static final class Builder {
      private Integer width;
      private Integer height;
      private Map<String, JsonNode> additionalProperties;

      private Builder() {}

      private Builder(Viewport source) {
        width = source.width;
        height = source.height;
        additionalProperties = source.additionalProperties.isEmpty()
            ? null
            : new LinkedHashMap<>(source.additionalProperties);
      }

      /** Width in pixels. */
      @JsonProperty("width")
      public Builder width(int width) {
        this.width = Checks.nonNegative(width, "width");
        return this;
      }

      /** Height in pixels. */
      @JsonProperty("height")
      public Builder height(int height) {
        this.height = Checks.nonNegative(height, "height");
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
       * Builds the Viewport, or throws {@link IllegalStateException} naming a required property that is
       * not set.
       */
      public Viewport build() {
        Checks.required(width, "Viewport", "width");
        Checks.required(height, "Viewport", "height");
        return new Viewport(this);
      }

      // Jackson's way in: values read from the server are not held to build()'s checks.
      private Viewport buildFromJson() {
        return new Viewport(this);
      }
    }
  }
}
