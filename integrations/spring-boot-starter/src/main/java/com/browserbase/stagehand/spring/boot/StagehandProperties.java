package com.browserbase.stagehand.spring.boot;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code stagehand.*} properties the auto-configured {@code StagehandClient}, action cache and health indicator
 * are made from. A value that cannot work fails the application's start, naming the property; {@link #toString()}
 * shows whether each key is set, never its value.
 */
@ConfigurationProperties("stagehand")
public class StagehandProperties implements InitializingBean {
  /** The shortest signing key of the action cache, in bytes of its UTF-8 text (the core's HMAC-SHA256 minimum). */
  static final int MIN_SIGNING_KEY_BYTES = 32;

  /**
   * Where the Stagehand API is, such as http://127.0.0.1:3000 for a self-hosted server. Default: the hosted API,
   * https://api.stagehand.browserbase.com. Not with stagehand.local.enabled.
   */
  private String baseUrl;

  /** The Browserbase API key, sent as x-bb-api-key. Not sent when unset. */
  private String browserbaseApiKey;

  /** The Browserbase project id, sent as x-bb-project-id. Not sent when unset. */
  private String browserbaseProjectId;

  /** The AI model provider's API key, sent as x-model-api-key. Not sent when unset. */
  private String modelApiKey;

  /** How many times a failed call may be retried; 0 disables retries. */
  private int maxRetries = 2;

  /**
   * The HTTP timeout of every call (a blocking call's whole exchange, a stream's longest wait between two events).
   * Default: each operation's own, 30 minutes for the agent and 5 minutes for the others.
   */
  private Duration timeout;

  /** How long to wait for a connection to the API. */
  private Duration connectTimeout = Duration.ofSeconds(10);

  /**
   * Whether a plain http:// base URL on another machine is allowed. The keys and every session's data would cross
   * the network unencrypted: only on a network you trust end to end. A loopback host needs no allowance.
   */
  private boolean allowPlainHttp;

  private final Local local = new Local();

  private final Cache cache = new Cache();

  /** Where the Stagehand API is; null for the hosted API. */
  public String getBaseUrl() {
    return baseUrl;
  }

  /**
   * Sets where the Stagehand API is; blank means unset.
   *
   * @throws IllegalArgumentException when it is not an http or https URL with a host
   */
  public void setBaseUrl(String baseUrl) {
    String url = blankToNull(baseUrl);
    if (url != null) {
      checkHttpUrl(url);
    }
    this.baseUrl = url;
  }

  /** The Browserbase API key, or null. */
  public String getBrowserbaseApiKey() {
    return browserbaseApiKey;
  }

  /** Sets the Browserbase API key; blank means unset. */
  public void setBrowserbaseApiKey(String browserbaseApiKey) {
    this.browserbaseApiKey = blankToNull(browserbaseApiKey);
  }

  /** The Browserbase project id, or null. */
  public String getBrowserbaseProjectId() {
    return browserbaseProjectId;
  }

  /** Sets the Browserbase project id; blank means unset. */
  public void setBrowserbaseProjectId(String browserbaseProjectId) {
    this.browserbaseProjectId = blankToNull(browserbaseProjectId);
  }

  /** The model provider's API key, or null. */
  public String getModelApiKey() {
    return modelApiKey;
  }

  /** Sets the model provider's API key; blank means unset. */
  public void setModelApiKey(String modelApiKey) {
    this.modelApiKey = blankToNull(modelApiKey);
  }

  /** How many times a failed call may be retried. */
  public int getMaxRetries() {
    return maxRetries;
  }

  /**
   * Sets how many times a failed call may be retried.
   *
   * @throws IllegalArgumentException when negative
   */
  public void setMaxRetries(int maxRetries) {
    if (maxRetries < 0) {
      throw new IllegalArgumentException("stagehand.max-retries must be 0 or more, not " + maxRetries);
    }
    this.maxRetries = maxRetries;
  }

  /** The timeout of every call, or null for each operation's own. */
  public Duration getTimeout() {
    return timeout;
  }

  /**
   * Sets the timeout of every call.
   *
   * @throws IllegalArgumentException when zero or negative
   */
  public void setTimeout(Duration timeout) {
    this.timeout = positive(timeout, "stagehand.timeout");
  }

  /** How long to wait for a connection. */
  public Duration getConnectTimeout() {
    return connectTimeout;
  }

  /**
   * Sets how long to wait for a connection.
   *
   * @throws IllegalArgumentException when zero or negative
   */
  public void setConnectTimeout(Duration connectTimeout) {
    this.connectTimeout = positive(connectTimeout, "stagehand.connect-timeout");
  }

  /** Whether plain HTTP to another machine is allowed. */
  public boolean isAllowPlainHttp() {
    return allowPlainHttp;
  }

  /** Sets whether plain HTTP to another machine is allowed. */
  public void setAllowPlainHttp(boolean allowPlainHttp) {
    this.allowPlainHttp = allowPlainHttp;
  }

  /** Local mode: {@code stagehand.local.*}. */
  public Local getLocal() {
    return local;
  }

  /** The action cache: {@code stagehand.cache.*}. */
  public Cache getCache() {
    return cache;
  }

  /**
   * Checks what no single property can say alone: local mode and a base URL together, local mode without a server,
   * two caches, a signing key without the Redis cache or too short. Called by Spring once the properties are bound.
   *
   * @throws IllegalStateException naming the properties at fault (never a secret's value)
   */
  @Override
  public void afterPropertiesSet() {
    List<String> problems = new ArrayList<>();
    if (local.enabled && baseUrl != null) {
      problems.add("stagehand.base-url and stagehand.local.enabled=true both say where the server is: set one of them");
    }
    if (local.enabled && local.server == null) {
      problems.add("stagehand.local.server is required with stagehand.local.enabled=true: the Stagehand server's"
          + " single-file binary, or its .mjs/.js file run with node");
    }
    if (cache.directory != null && cache.redis.uri != null) {
      problems.add("stagehand.cache.directory and stagehand.cache.redis.uri are both set: the action cache is one or"
          + " the other");
    }
    if (cache.signingKey != null && cache.redis.uri == null) {
      problems.add("stagehand.cache.signing-key signs the entries of the Redis action cache (stagehand.cache.redis.uri),"
          + " which is not set; a directory cache is not signed");
    }
    if (cache.signingKey != null && cache.signingKey.getBytes(StandardCharsets.UTF_8).length < MIN_SIGNING_KEY_BYTES) {
      problems.add("stagehand.cache.signing-key must be at least " + MIN_SIGNING_KEY_BYTES + " bytes (such as the output"
          + " of openssl rand -base64 32)");
    }
    if (cache.redis.uri != null) {
      checkRedisUri(cache.redis.uri, problems);
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException("Invalid Stagehand configuration: " + String.join("; ", problems));
    }
  }

  /** The settings, with each key shown only as set or unset and the Redis URI without its credentials. */
  @Override
  public String toString() {
    return "StagehandProperties{baseUrl=" + (baseUrl != null ? baseUrl : "(hosted API)")
        + ", browserbaseApiKey=" + Secrets.shown(browserbaseApiKey)
        + ", browserbaseProjectId=" + (browserbaseProjectId != null ? browserbaseProjectId : "unset")
        + ", modelApiKey=" + Secrets.shown(modelApiKey)
        + ", maxRetries=" + maxRetries + ", timeout=" + (timeout != null ? timeout : "per operation")
        + ", connectTimeout=" + connectTimeout + ", allowPlainHttp=" + allowPlainHttp
        + ", local=" + local + ", cache=" + cache + "}";
  }

  /** Local mode: the client starts a Stagehand server on this machine, with a local Chromium, and stops it on close. */
  public static class Local {
    /** Whether the client starts its own Stagehand server on this machine (then stagehand.local.server is required). */
    private boolean enabled;

    /** The Stagehand server: its single-file binary, or its .mjs/.js file run with node. */
    private Path server;

    /** The node executable that runs a .mjs/.js server. Default: node on the PATH. */
    private Path node;

    /** The Chromium or Chrome of sessions started without a browser. Default: found on the PATH. */
    private Path chromePath;

    /** Whether sessions started without a browser run it without a window. */
    private boolean headless = true;

    /** The loopback port the server listens on; 0 picks a free one. */
    private int port;

    /** How long the server may take to become ready before the application's start fails. */
    private Duration readyTimeout = Duration.ofSeconds(30);

    /**
     * Variables added to the server's environment, such as OPENAI_BASE_URL for a model behind a gateway, or a proxy.
     * Their values are masked in the actuator and in toString(): they may hold keys.
     */
    private Map<String, String> environment = new LinkedHashMap<>();

    /** Whether local mode is on. */
    public boolean isEnabled() {
      return enabled;
    }

    /** Turns local mode on or off. */
    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    /** The server to run, or null. */
    public Path getServer() {
      return server;
    }

    /** Sets the server to run. */
    public void setServer(Path server) {
      this.server = server;
    }

    /** The variables added to the server's environment. */
    public Map<String, String> getEnvironment() {
      return environment;
    }

    /** Sets the variables added to the server's environment. */
    public void setEnvironment(Map<String, String> environment) {
      this.environment = environment != null ? new LinkedHashMap<>(environment) : new LinkedHashMap<>();
    }

    /** The node executable, or null for the one on the PATH. */
    public Path getNode() {
      return node;
    }

    /** Sets the node executable. */
    public void setNode(Path node) {
      this.node = node;
    }

    /** The browser, or null for the one on the PATH. */
    public Path getChromePath() {
      return chromePath;
    }

    /** Sets the browser. */
    public void setChromePath(Path chromePath) {
      this.chromePath = chromePath;
    }

    /** Whether local browsers run without a window. */
    public boolean isHeadless() {
      return headless;
    }

    /** Sets whether local browsers run without a window. */
    public void setHeadless(boolean headless) {
      this.headless = headless;
    }

    /** The server's port; 0 for a free one. */
    public int getPort() {
      return port;
    }

    /**
     * Sets the server's port.
     *
     * @throws IllegalArgumentException when not from 0 to 65535
     */
    public void setPort(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("stagehand.local.port must be from 0 (a free port) to 65535, not " + port);
      }
      this.port = port;
    }

    /** How long the server may take to become ready. */
    public Duration getReadyTimeout() {
      return readyTimeout;
    }

    /**
     * Sets how long the server may take to become ready.
     *
     * @throws IllegalArgumentException when zero or negative
     */
    public void setReadyTimeout(Duration readyTimeout) {
      this.readyTimeout = positive(readyTimeout, "stagehand.local.ready-timeout");
    }

    @Override
    public String toString() {
      return enabled ? "{enabled, server=" + server + (node != null ? ", node=" + node : "")
          + (chromePath != null ? ", chromePath=" + chromePath : "") + ", headless=" + headless + ", port=" + port
          + ", readyTimeout=" + readyTimeout
          + (environment.isEmpty() ? "" : ", environment=" + environment.keySet() + " (values masked)") + "}"
          : "{disabled}";
    }
  }

  /** The action cache: {@code act} instructions that ran once replay with no model call. */
  public static class Cache {
    /** A directory of JSON files, one per entry, kept across runs (created rwx------ when missing). */
    private Path directory;

    /**
     * A key that signs the Redis cache's entries (HMAC-SHA256 of its UTF-8 bytes, at least 32), so that only
     * entries this key signed are replayed. Use it wherever others can write to the Redis server.
     */
    private String signingKey;

    private final Redis redis = new Redis();

    /** The cache directory, or null. */
    public Path getDirectory() {
      return directory;
    }

    /** Sets the cache directory. */
    public void setDirectory(Path directory) {
      this.directory = directory;
    }

    /** The signing key, or null. */
    public String getSigningKey() {
      return signingKey;
    }

    /** Sets the signing key; blank means unset. Checked once all properties are bound, so its value is never shown. */
    public void setSigningKey(String signingKey) {
      this.signingKey = blankToNull(signingKey);
    }

    /** The Redis cache: {@code stagehand.cache.redis.*}. */
    public Redis getRedis() {
      return redis;
    }

    @Override
    public String toString() {
      if (directory != null) {
        return "{directory=" + directory + "}";
      }
      return redis.uri != null ? "{redis=" + redis + ", signingKey=" + Secrets.shown(signingKey) + "}" : "{none}";
    }
  }

  /** The action cache in Redis or Valkey, shared by every machine that uses it (needs stagehand-java-redis). */
  public static class Redis {
    /**
     * The Redis server: redis://[[username]:password@]host[:port][/database], or rediss://... for TLS. Needs the
     * com.browserbase:stagehand-java-redis artifact.
     */
    private String uri;

    /** The prefix of every key in Redis: one per application and environment. */
    private String keyPrefix = "stagehand:act:";

    /** An expiry set on every entry as it is written. Default: none. */
    private Duration ttl;

    /** How long each read and write waits for Redis, then counts as a miss or a skipped write. */
    private Duration timeout = Duration.ofMillis(250);

    /** The Redis URI, or null. */
    public String getUri() {
      return uri;
    }

    /** Sets the Redis URI; blank means unset. Checked once all properties are bound, so its password is never shown. */
    public void setUri(String uri) {
      this.uri = blankToNull(uri);
    }

    /** The key prefix. */
    public String getKeyPrefix() {
      return keyPrefix;
    }

    /**
     * Sets the key prefix.
     *
     * @throws IllegalArgumentException when null
     */
    public void setKeyPrefix(String keyPrefix) {
      if (keyPrefix == null) {
        throw new IllegalArgumentException("stagehand.cache.redis.key-prefix must not be null");
      }
      this.keyPrefix = keyPrefix;
    }

    /** The entries' expiry, or null for none. */
    public Duration getTtl() {
      return ttl;
    }

    /**
     * Sets the entries' expiry.
     *
     * @throws IllegalArgumentException when under 1 ms
     */
    public void setTtl(Duration ttl) {
      if (ttl != null && (ttl.isNegative() || ttl.toMillis() < 1)) {
        throw new IllegalArgumentException("stagehand.cache.redis.ttl must be at least 1 ms, not " + ttl);
      }
      this.ttl = ttl;
    }

    /** How long each call waits for Redis. */
    public Duration getTimeout() {
      return timeout;
    }

    /**
     * Sets how long each call waits for Redis.
     *
     * @throws IllegalArgumentException when zero or negative
     */
    public void setTimeout(Duration timeout) {
      this.timeout = positive(timeout, "stagehand.cache.redis.timeout");
    }

    @Override
    public String toString() {
      return "{uri=" + Secrets.withoutUserInfo(uri) + ", keyPrefix=" + keyPrefix + ", ttl=" + (ttl != null ? ttl : "none")
          + ", timeout=" + timeout + "}";
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.trim().isEmpty() ? null : value.trim();
  }

  private static Duration positive(Duration value, String property) {
    if (value != null && (value.isZero() || value.isNegative())) {
      throw new IllegalArgumentException(property + " must be positive, not " + value);
    }
    return value;
  }

  private static void checkHttpUrl(String url) {
    URI parsed;
    try {
      parsed = new URI(url);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("stagehand.base-url is not a URL: " + Secrets.withoutUserInfo(url) + " ("
          + e.getReason() + ")");
    }
    String scheme = parsed.getScheme() == null ? "" : parsed.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") || parsed.getHost() == null) {
      throw new IllegalArgumentException("stagehand.base-url must be an http or https URL with a host, such as"
          + " https://api.stagehand.browserbase.com, not " + Secrets.withoutUserInfo(url));
    }
  }

  /** The URI's form only, its credentials masked: the store checks the rest, also without showing them. */
  private static void checkRedisUri(String uri, List<String> problems) {
    String scheme = uri.contains("://") ? uri.substring(0, uri.indexOf("://")).toLowerCase(Locale.ROOT) : "";
    if (!scheme.equals("redis") && !scheme.equals("rediss")) {
      problems.add("stagehand.cache.redis.uri must be redis://[[username]:password@]host[:port][/database] or"
          + " rediss://..., not " + Secrets.withoutUserInfo(uri));
    }
  }
}
