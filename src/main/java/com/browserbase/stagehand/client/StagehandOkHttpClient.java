package com.browserbase.stagehand.client;

import com.browserbase.stagehand.cache.ActionCache;
import com.browserbase.stagehand.core.events.CallListener;
import com.browserbase.stagehand.errors.SessionsNotEndedException;
import com.browserbase.stagehand.internal.cache.ActCache;
import com.browserbase.stagehand.internal.http.CallEvents;
import com.browserbase.stagehand.internal.http.ClientConfig;
import com.browserbase.stagehand.internal.http.ClientState;
import com.browserbase.stagehand.internal.http.HttpTransport;
import com.browserbase.stagehand.internal.http.JacksonVersions;
import com.browserbase.stagehand.internal.http.MemoryCookieJar;
import com.browserbase.stagehand.internal.http.RetryPolicy;
import com.browserbase.stagehand.internal.http.RetryScheduler;
import com.browserbase.stagehand.internal.http.Sleeper;
import com.browserbase.stagehand.internal.http.Transports;
import com.browserbase.stagehand.internal.local.LocalServerProcess;
import com.browserbase.stagehand.internal.runtime.Checks;
import com.browserbase.stagehand.internal.runtime.ClientThreads;
import com.browserbase.stagehand.internal.runtime.ReadLimit;
import com.browserbase.stagehand.internal.session.SessionRegistry;
import com.browserbase.stagehand.internal.session.StartHook;
import com.browserbase.stagehand.local.LocalServer;
import com.browserbase.stagehand.local.LocalServerException;
import com.browserbase.stagehand.models.sessions.BrowserbaseRegion;
import com.browserbase.stagehand.services.SessionService;
import com.browserbase.stagehand.services.SessionServiceAsync;
import java.net.Proxy;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import okhttp3.ConnectionPool;
import okhttp3.CookieJar;
import okhttp3.Dispatcher;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * The {@link StagehandClient} over OkHttp. Build one with {@link #builder()} or {@link #fromEnv()}.
 *
 * <pre>{@code
 * StagehandClient client = StagehandOkHttpClient.builder()
 *     .fromEnv()                                  // STAGEHAND_BASE_URL, BROWSERBASE_API_KEY, ...
 *     .modelApiKey(System.getenv("OPENAI_API_KEY"))
 *     .timeout(Duration.ofMinutes(10))
 *     .build();
 * }</pre>
 *
 * <p>No credential is required: a self-hosted server with a local browser needs none, and a header is
 * sent only when its value is set.
 *
 * <p>In local mode ({@link Builder#localServer(LocalServer)}, or {@code STAGEHAND_SERVER=local} for
 * {@link #fromEnv()}) building the client starts a Stagehand server on this machine, and closing it
 * stops the server.
 */
public final class StagehandOkHttpClient implements StagehandClient {
  /** The hosted API, in us-west-2. */
  public static final String DEFAULT_BASE_URL = "https://api.stagehand.browserbase.com";
  /**
   * The default of {@link Builder#maxResponseBytes(long)}: 64 MiB, room for a 20,000,000-character result
   * (Jackson's own cap on one string) even when most of its characters take three bytes in UTF-8.
   */
  public static final long DEFAULT_MAX_RESPONSE_BYTES = ReadLimit.DEFAULT_MAX_RESPONSE_BYTES;
  /** How long {@link #close()} waits for the sessions still open to end, retries included. */
  private static final int END_SESSIONS_SECONDS = 15;
  /** How long {@link #close()} waits, after that, for the call listener to take the events still queued. */
  private static final long LISTENER_WAIT_MS = 5_000;

  private final Builder settings;
  private final OkHttpClient http;
  private final boolean ownsHttp;
  private final ClientState state;
  /** The sessions open through the root client or a client derived from it. */
  private final SessionRegistry<ClientSession> registry;
  /** The local server in local mode, else {@code null}. */
  private final LocalServerProcess local;
  /** Whether closing this client stops {@link #local}: only the client that started it does. */
  private final boolean ownsLocal;
  private final String baseUrl;
  /** Where this client's calls are reported; shared with the client it derives from when the listener is the same. */
  private final CallEvents events;
  /** Whether {@link #events} is this client's own (a listener it set), stopped when it closes. */
  private final boolean ownsEvents;
  private final SessionService sessions;
  private final StagehandClientAsync async;

  private StagehandOkHttpClient(Builder settings, OkHttpClient http, boolean ownsHttp, ClientState state,
      SessionRegistry<ClientSession> registry, LocalServerProcess local, boolean ownsLocal, CallEvents parentEvents) {
    this.settings = settings;
    this.http = http;
    this.ownsHttp = ownsHttp;
    this.state = state;
    this.registry = registry;
    this.local = local;
    this.ownsLocal = ownsLocal;
    this.baseUrl = local != null ? local.baseUrl() : settings.baseUrl;
    this.events = state.callEvents(settings.callListener, parentEvents);
    this.ownsEvents = events != CallEvents.NONE && events != parentEvents;
    ClientConfig config = new ClientConfig(HttpUrl.get(baseUrl), settings.browserbaseApiKey,
        settings.browserbaseProjectId, settings.modelApiKey, settings.maxRetries, settings.timeout,
        settings.connectTimeout, settings.responseValidation, settings.headers.build(), settings.maxResponseBytes);
    HttpTransport transport = new HttpTransport(
        http, config, state, new RetryPolicy(settings.clock), settings.sleeper, settings.scheduler, events);
    StartHook starts = local != null ? local.startHook() : StartHook.NONE;
    SessionHandles handles = new SessionHandles(transport, starts, state, registry, settings.clock,
        settings.actionCache != null ? ActCache.of(settings.actionCache) : null, http);
    this.sessions = new SessionServiceImpl(transport, starts, handles);
    this.async = new Async(new SessionServiceAsyncImpl(transport, starts, handles));
  }

  /** Returns a builder with the defaults: the hosted API, 2 retries, each operation's own timeout. */
  public static Builder builder() {
    return new Builder();
  }

  /** A client configured from system properties and environment variables alone. */
  public static StagehandClient fromEnv() {
    return builder().fromEnv().build();
  }

  @Override
  public SessionService sessions() {
    return sessions;
  }

  @Override
  public String baseUrl() {
    return baseUrl;
  }

  @Override
  public StagehandClientAsync async() {
    return async;
  }

  @Override
  public StagehandClient withOptions(Consumer<Builder> change) {
    state.checkOpen();
    Builder copy = settings.copy();
    change.accept(copy);
    if (copy.localServer != null && copy.localServer != settings.localServer) {
      throw new IllegalArgumentException("withOptions cannot start another local server: build a new client for it");
    }
    return copy.buildSharing(http, state.derive(), registry, copy.localServer != null ? local : null, events);
  }

  /**
   * {@inheritDoc} Here the calls cancelled fail with {@code "... was cancelled: the client was closed"},
   * the open sessions are ended all at once, retries included, for at most {@value #END_SESSIONS_SECONDS} s,
   * a pool of your own {@link OkHttpClient} is left alone, and the local server's browsers stop too. Last, the call
   * listener is handed what is still queued (the ends of those sessions included; waited for at most 5 s), and its
   * thread ends.
   */
  @Override
  public void close() {
    if (!state.close()) {
      return;
    }
    Map<String, Throwable> left = Collections.emptyMap();
    try {
      if (state.isRoot()) {
        left = registry.endAll(settings.endSessionsTimeout);
      }
    } finally {
      if (ownsHttp) {
        http.dispatcher().cancelAll();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
      }
      try {
        if (ownsLocal) {
          local.stop();
        }
      } finally {
        state.closeCallEvents(events, ownsEvents, LISTENER_WAIT_MS);
      }
    }
    if (!left.isEmpty()) {
      throw notEnded(left);
    }
  }

  private static SessionsNotEndedException notEnded(Map<String, Throwable> left) {
    List<String> ids = new ArrayList<>(left.keySet());
    SessionsNotEndedException notEnded = new SessionsNotEndedException("Could not end "
        + (ids.size() == 1 ? "1 session" : ids.size() + " sessions") + " while closing the client: "
        + String.join(", ", ids) + ". They may keep running, and be billed, until the server ends them", ids);
    left.values().forEach(notEnded::addSuppressed);
    return notEnded;
  }

  /** The asynchronous view: the same client, pools and settings. */
  private final class Async implements StagehandClientAsync {
    private final SessionServiceAsync sessions;

    Async(SessionServiceAsync sessions) {
      this.sessions = sessions;
    }

    @Override
    public SessionServiceAsync sessions() {
      return sessions;
    }

    @Override
    public StagehandClient sync() {
      return StagehandOkHttpClient.this;
    }

    @Override
    public StagehandClientAsync withOptions(Consumer<Builder> change) {
      return StagehandOkHttpClient.this.withOptions(change).async();
    }

    @Override
    public void close() {
      StagehandOkHttpClient.this.close();
    }

    @Override
    public String toString() {
      return StagehandOkHttpClient.this + ".async()";
    }
  }

  /** Shows the settings; credentials show only whether they are set. */
  @Override
  public String toString() {
    return "StagehandOkHttpClient{baseUrl=" + baseUrl + (local != null ? " (local server)" : "")
        + ", browserbaseApiKey=" + (settings.browserbaseApiKey != null ? "***" : "unset")
        + ", modelApiKey=" + (settings.modelApiKey != null ? "***" : "unset") + "}";
  }

  /** Builds a {@link StagehandOkHttpClient}. Explicit setters win over {@link #fromEnv()}. */
  public static final class Builder {
    private String baseUrl = DEFAULT_BASE_URL;
    private String browserbaseApiKey;
    private String browserbaseProjectId;
    private String modelApiKey;
    private int maxRetries = 2;
    private Duration timeout;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private boolean responseValidation;
    private long maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;
    private Headers.Builder headers = new Headers.Builder();
    private Proxy proxy;
    private OkHttpClient okHttpClient;
    private Sleeper sleeper = Sleeper.SYSTEM;
    private RetryScheduler scheduler = RetryScheduler.SYSTEM;
    private Clock clock = Clock.systemUTC();
    private Duration maxIdleConnection = Transports.MAX_IDLE_CONNECTION;
    private Duration endSessionsTimeout = Duration.ofSeconds(END_SESSIONS_SECONDS);
    private LocalServer localServer;
    private ActionCache actionCache;
    private CallListener callListener;
    private boolean allowPlainHttp;
    // Values set by a setter are not replaced by fromEnv(), whichever is called first.
    private boolean explicitServer; // baseUrl(...) or localServer(...), whichever came last
    private boolean explicitApiKey;
    private boolean explicitProjectId;
    private boolean explicitModelApiKey;

    private Builder() {}

    /**
     * Takes every setting found in system properties ({@code stagehand.baseUrl}, {@code
     * stagehand.browserbaseApiKey}, {@code stagehand.browserbaseProjectId}, {@code
     * stagehand.modelApiKey}) or else in environment variables ({@code STAGEHAND_BASE_URL} or
     * {@code STAGEHAND_API_URL}, {@code BROWSERBASE_API_KEY}, {@code BROWSERBASE_PROJECT_ID},
     * {@code MODEL_API_KEY}). Settings found in neither, and settings made with a setter (before or
     * after this call), are left as they are.
     *
     * <p>{@code STAGEHAND_SERVER=local} ({@code -Dstagehand.server=local}) turns on local mode, unless
     * {@link #baseUrl(String)} or {@link #localServer(LocalServer)} was called: the server is {@code
     * STAGEHAND_SEA_BINARY} ({@code -Dstagehand.seaBinary}), which must then be set, and the browser
     * {@code CHROME_PATH} ({@code -Dstagehand.chromePath}) when set. {@code STAGEHAND_SERVER=remote}
     * is the default; another value is an {@link IllegalArgumentException}.
     */
    public Builder fromEnv() {
      return fromEnv(System::getProperty, System::getenv);
    }

    Builder fromEnv(UnaryOperator<String> properties, UnaryOperator<String> environment) {
      String url = first(properties.apply("stagehand.baseUrl"), environment.apply("STAGEHAND_BASE_URL"),
          environment.apply("STAGEHAND_API_URL"));
      if (url != null && !explicitServer) {
        baseUrl(url);
        explicitServer = false;
      }
      String server = first(properties.apply("stagehand.server"), environment.apply("STAGEHAND_SERVER"));
      if (server != null && !explicitServer) {
        if (server.equalsIgnoreCase("local")) {
          localServer = localServerFromEnv(properties, environment);
        } else if (!server.equalsIgnoreCase("remote")) {
          throw new IllegalArgumentException("STAGEHAND_SERVER must be local or remote, was " + server);
        }
      }
      String apiKey = first(properties.apply("stagehand.browserbaseApiKey"), environment.apply("BROWSERBASE_API_KEY"));
      if (apiKey != null && !explicitApiKey) {
        browserbaseApiKey = apiKey;
      }
      String projectId = first(properties.apply("stagehand.browserbaseProjectId"),
          environment.apply("BROWSERBASE_PROJECT_ID"));
      if (projectId != null && !explicitProjectId) {
        browserbaseProjectId = projectId;
      }
      String plainHttp = first(properties.apply("stagehand.allowPlainHttp"), environment.apply("STAGEHAND_ALLOW_PLAIN_HTTP"));
      if (plainHttp != null) {
        allowPlainHttp = Boolean.parseBoolean(plainHttp);
      }
      String modelKey = first(properties.apply("stagehand.modelApiKey"), environment.apply("MODEL_API_KEY"));
      if (modelKey != null && !explicitModelApiKey) {
        modelApiKey = modelKey;
      }
      return this;
    }

    private static LocalServer localServerFromEnv(UnaryOperator<String> properties, UnaryOperator<String> environment) {
      String binary = first(properties.apply("stagehand.seaBinary"), environment.apply("STAGEHAND_SEA_BINARY"));
      if (binary == null) {
        throw new IllegalStateException("STAGEHAND_SERVER=local needs the server: set STAGEHAND_SEA_BINARY"
            + " (or -Dstagehand.seaBinary) to the stagehand-server-v3 binary or .mjs file");
      }
      LocalServer.Builder local = LocalServer.builder().server(Paths.get(binary));
      String chrome = first(properties.apply("stagehand.chromePath"), environment.apply("CHROME_PATH"));
      if (chrome != null) {
        local.chromePath(Paths.get(chrome));
      }
      return local.build();
    }

    private static String first(String... values) {
      for (String value : values) {
        if (value != null && !value.trim().isEmpty()) {
          return value.trim();
        }
      }
      return null;
    }

    /**
     * Where the API is: the hosted API by default, or a self-hosted server such as {@code
     * http://127.0.0.1:3000}. Replaces {@link #localServer(LocalServer)}: the later call wins.
     */
    public Builder baseUrl(String baseUrl) {
      Checks.notNull(baseUrl, "baseUrl");
      if (HttpUrl.parse(baseUrl) == null) {
        throw new IllegalArgumentException("baseUrl is not an http or https URL: " + baseUrl);
      }
      this.baseUrl = baseUrl;
      this.explicitServer = true;
      this.localServer = null;
      return this;
    }

    /**
     * Local mode: {@link #build()} starts this Stagehand server on this machine, on a loopback port,
     * waits until it is ready (or throws {@link LocalServerException} carrying its last lines of
     * output), and the client talks to it; {@link StagehandClient#close()} stops it and the browsers
     * it launched. A session started without a {@code browser} gets a local one (see {@link
     * LocalServer}). No Browserbase key is needed, and none is sent unless you set one. Clients made
     * with {@link StagehandClient#withOptions} use the same server. Replaces {@link #baseUrl(String)}:
     * the later call wins.
     */
    public Builder localServer(LocalServer localServer) {
      this.localServer = Checks.notNull(localServer, "localServer");
      this.explicitServer = true;
      return this;
    }

    /**
     * Uses the hosted API's host in {@code region}, so that sessions run there (the hosted API
     * otherwise ignores a session's region). Shorthand for {@link #baseUrl(String)}; the later call wins.
     */
    public Builder region(BrowserbaseRegion region) {
      Checks.notNull(region, "region");
      String host;
      if (region == BrowserbaseRegion.US_WEST_2) {
        host = DEFAULT_BASE_URL;
      } else if (region == BrowserbaseRegion.US_EAST_1) {
        host = "https://api.use1.stagehand.browserbase.com";
      } else if (region == BrowserbaseRegion.EU_CENTRAL_1) {
        host = "https://api.euc1.stagehand.browserbase.com";
      } else if (region == BrowserbaseRegion.AP_SOUTHEAST_1) {
        host = "https://api.apse1.stagehand.browserbase.com";
      } else {
        throw new IllegalArgumentException("No known API host for region " + region.value());
      }
      return baseUrl(host);
    }

    /** The Browserbase API key, sent as {@code x-bb-api-key}. */
    public Builder browserbaseApiKey(String browserbaseApiKey) {
      this.browserbaseApiKey = Checks.notNull(browserbaseApiKey, "browserbaseApiKey");
      this.explicitApiKey = true;
      return this;
    }

    /** The Browserbase project id, sent as {@code x-bb-project-id} (deprecated upstream, still accepted). */
    public Builder browserbaseProjectId(String browserbaseProjectId) {
      this.browserbaseProjectId = Checks.notNull(browserbaseProjectId, "browserbaseProjectId");
      this.explicitProjectId = true;
      return this;
    }

    /** The AI model provider's API key, sent as {@code x-model-api-key}. */
    public Builder modelApiKey(String modelApiKey) {
      this.modelApiKey = Checks.notNull(modelApiKey, "modelApiKey");
      this.explicitModelApiKey = true;
      return this;
    }

    /** How many times a failed call may be retried (default 2); 0 disables retries. */
    public Builder maxRetries(int maxRetries) {
      this.maxRetries = Checks.nonNegative(maxRetries, "maxRetries");
      return this;
    }

    /**
     * The HTTP timeout of every call: the whole exchange of a blocking call, the longest wait between
     * two events of a stream. Without it each operation has its own default: 30 minutes for {@code
     * executeAgent}, 5 minutes for the others. A request's own {@code options.timeout} is always
     * outlasted.
     */
    public Builder timeout(Duration timeout) {
      this.timeout = positive(timeout, "timeout");
      return this;
    }

    /** How long to wait for a connection (default 10 seconds). */
    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = positive(connectTimeout, "connectTimeout");
      return this;
    }

    /**
     * Allows a plain {@code http://} {@link #baseUrl(String)} on a host that is not this machine (default
     * false: {@link #build()} refuses it). Over plain HTTP the Browserbase and model keys, and every session's
     * instructions, variables and results, cross the network unencrypted, readable and changeable by anyone
     * on the way: allow it only on a network you trust end to end (a private container network, say). A
     * loopback host ({@code localhost}, {@code 127.0.0.1}, {@code [::1]}) needs no allowance. {@link
     * #fromEnv()} reads it from {@code STAGEHAND_ALLOW_PLAIN_HTTP} ({@code -Dstagehand.allowPlainHttp}).
     */
    public Builder allowPlainHttp(boolean allowPlainHttp) {
      this.allowPlainHttp = allowPlainHttp;
      return this;
    }

    /** Whether every response is checked against its expected shape (default false). */
    public Builder responseValidation(boolean responseValidation) {
      this.responseValidation = responseValidation;
      return this;
    }

    /**
     * The most bytes the client reads of one response: the body of a blocking call (an error body is
     * cut to it), and the data of one event of a stream (a stream as a whole may be longer). Default
     * {@value StagehandOkHttpClient#DEFAULT_MAX_RESPONSE_BYTES} (64 MiB): room for the largest results of
     * real pages, a whole page's text or a screenshot, while a broken or hostile server cannot make the
     * client read until it runs out of memory. The bound applies to the bytes as they arrive (unzipped), on
     * every Jackson version, and so bounds every string and number in them too. A larger response fails
     * with {@link com.browserbase.stagehand.errors.StagehandInvalidDataException} naming the bound, is
     * closed at once, and is never retried. Raise it when your server's answers are that large on purpose.
     *
     * @param maxResponseBytes from 1 to {@link Integer#MAX_VALUE}
     * @throws IllegalArgumentException when out of that range (the message names {@code maxResponseBytes})
     */
    public Builder maxResponseBytes(long maxResponseBytes) {
      this.maxResponseBytes = ReadLimit.check(maxResponseBytes);
      return this;
    }

    /** Adds a header sent with every request; replaces an SDK header of the same name. */
    public Builder putHeader(String name, String value) {
      headers.add(Checks.notNull(name, "name"), Checks.notNull(value, "value"));
      return this;
    }

    /** Sends every request through this HTTP proxy. */
    public Builder proxy(Proxy proxy) {
      this.proxy = Checks.notNull(proxy, "proxy");
      return this;
    }

    /**
     * Builds on your own {@link OkHttpClient} (interceptors, TLS, pools, dispatcher). The SDK derives
     * its client from it and sets only its timeouts, and a cookie jar when yours has none; {@link
     * StagehandClient#close()} then leaves your pools alone.
     */
    public Builder okHttpClient(OkHttpClient okHttpClient) {
      this.okHttpClient = Checks.notNull(okHttpClient, "okHttpClient");
      return this;
    }

    /**
     * Makes {@link StagehandSession#act(String)} (and its asynchronous twin) replay the actions the
     * model chose before for the same instruction on the same page, with no model call, and ask the
     * model again when the page has changed (see {@link ActionCache}). {@link #build()} creates the
     * cache's directory, and throws {@link IllegalStateException} naming it when it cannot be created
     * or written. Clients made with {@link StagehandClient#withOptions} share the cache.
     */
    public Builder actionCache(ActionCache actionCache) {
      this.actionCache = Checks.notNull(actionCache, "actionCache");
      return this;
    }

    /**
     * Tells {@code callListener} what the client's calls do: each call's start and end, its retries, its stream's
     * events, and how the action cache served an act (see {@link CallListener}). Events are delivered on a thread
     * of the client's own, so that no call waits on the listener. Clients made with {@link
     * StagehandClient#withOptions} keep it, unless they set another.
     */
    public Builder callListener(CallListener callListener) {
      this.callListener = Checks.notNull(callListener, "callListener");
      return this;
    }

    Builder sleeper(Sleeper sleeper) {
      this.sleeper = sleeper;
      return this;
    }

    Builder scheduler(RetryScheduler scheduler) {
      this.scheduler = scheduler;
      return this;
    }

    Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    Builder endSessionsTimeout(Duration endSessionsTimeout) {
      this.endSessionsTimeout = endSessionsTimeout;
      return this;
    }

    /**
     * The longest a pooled connection may sit idle and still carry a request (default 2 s); one idle longer is
     * closed unused and the request goes out on a new connection. A connection idle for less is checked
     * before a request is written on it, and is not used when the server or a proxy closed it meanwhile,
     * whatever their idle timeout: neither costs a retry, and no request is ever sent twice. The bound
     * covers what the check cannot see, a close that crosses the request on the wire: set it under the
     * shortest idle timeout of the servers and proxies on the way when that is known. Clients made with
     * {@link StagehandClient#withOptions} share the pool, and its bound.
     */
    public Builder maxIdleConnection(Duration maxIdleConnection) {
      this.maxIdleConnection = positive(maxIdleConnection, "maxIdleConnection");
      return this;
    }

    /**
     * Builds the client. In local mode this starts the server first, which takes a second or two, and
     * throws {@link LocalServerException} when it cannot be started or is not ready in time.
     *
     * @throws IllegalStateException when the Jackson on the class path cannot run the SDK: older than
     *     2.12, or {@code jackson-annotations}, {@code jackson-core} and {@code jackson-databind} of
     *     versions that do not fit together (the message names them and how to align them), or
     *     when the {@linkplain #actionCache(ActionCache) action cache}'s directory cannot be created
     *     or written, belongs to another user, or can be written by group or others (the message
     *     names it and the fix)
     */
    public StagehandClient build() {
      JacksonVersions.check();
      checkPlainHttp();
      checkActionCache();
      LocalServerProcess local = localServer != null ? LocalServerProcess.start(localServer) : null;
      try {
        return build(local);
      } catch (RuntimeException | Error e) {
        if (local != null) {
          local.stop();
        }
        throw e;
      }
    }

    private StagehandClient build(LocalServerProcess local) {
      boolean owns = okHttpClient == null;
      OkHttpClient.Builder http = owns ? newOwnedClient(maxIdleConnection) : okHttpClient.newBuilder();
      if (!owns && okHttpClient.cookieJar() == CookieJar.NO_COOKIES) {
        http.cookieJar(new MemoryCookieJar());
      }
      Transports.guard(http, owns ? null : okHttpClient, maxIdleConnection.toMillis());
      return new StagehandOkHttpClient(copy(), configure(http).build(), owns, ClientState.root(), new SessionRegistry<>(), local,
          local != null, null);
    }

    StagehandClient buildSharing(OkHttpClient shared, ClientState state, SessionRegistry<ClientSession> registry,
        LocalServerProcess local, CallEvents parentEvents) {
      checkPlainHttp();
      checkActionCache();
      return new StagehandOkHttpClient(copy(), configure(shared.newBuilder()).build(), false, state, registry, local,
          false, parentEvents);
    }

    /** A plain-HTTP API on another machine fails the build unless allowed: the keys would cross the network in clear. */
    private void checkPlainHttp() {
      HttpUrl url = HttpUrl.get(baseUrl);
      if (localServer != null || allowPlainHttp || url.isHttps() || Transports.isLoopback(url.host())) {
        return;
      }
      throw new IllegalStateException("baseUrl http://" + url.host() + ":" + url.port() + " is plain HTTP to another"
          + " machine: the API keys and every session's data would cross the network unencrypted. Use https://, or"
          + " allowPlainHttp(true) (STAGEHAND_ALLOW_PLAIN_HTTP=true) on a network you trust end to end");
    }

    /** A cache directory that cannot be created or written, or that others could plant entries in, fails the build, before anything starts. */
    private void checkActionCache() {
      if (actionCache != null) {
        ActCache.of(actionCache).check();
      }
    }

    private OkHttpClient.Builder configure(OkHttpClient.Builder http) {
      http.connectTimeout(connectTimeout.toMillis(), TimeUnit.MILLISECONDS)
          .readTimeout(0, TimeUnit.MILLISECONDS) // bounded per call: see HttpTransport
          .writeTimeout(connectTimeout.toMillis() * 6, TimeUnit.MILLISECONDS)
          .callTimeout(0, TimeUnit.MILLISECONDS);
      if (proxy != null) {
        http.proxy(proxy);
      }
      return http;
    }

    private static OkHttpClient.Builder newOwnedClient(Duration maxIdleConnection) {
      // Agent runs take minutes: concurrent calls must not queue behind OkHttp's 5 per host. The
      // threads are virtual on JDK 21+, daemon threads before.
      Dispatcher dispatcher = new Dispatcher(ClientThreads.newExecutor());
      dispatcher.setMaxRequests(ClientThreads.maxRequests());
      dispatcher.setMaxRequestsPerHost(ClientThreads.maxRequests());
      return new OkHttpClient.Builder()
          .dispatcher(dispatcher)
          // Idle connections go when the guard would refuse them anyway (see IdleConnectionGuard).
          .connectionPool(new ConnectionPool(64, maxIdleConnection.toMillis(), TimeUnit.MILLISECONDS))
          // No parallel connection attempts on OkHttp's own platform threads: the API has one host.
          .fastFallback(false)
          .cookieJar(new MemoryCookieJar());
    }

    Builder copy() {
      Builder copy = new Builder();
      copy.baseUrl = baseUrl;
      copy.browserbaseApiKey = browserbaseApiKey;
      copy.browserbaseProjectId = browserbaseProjectId;
      copy.modelApiKey = modelApiKey;
      copy.maxRetries = maxRetries;
      copy.timeout = timeout;
      copy.connectTimeout = connectTimeout;
      copy.responseValidation = responseValidation;
      copy.maxResponseBytes = maxResponseBytes;
      copy.headers = headers.build().newBuilder();
      copy.proxy = proxy;
      copy.okHttpClient = okHttpClient;
      copy.sleeper = sleeper;
      copy.scheduler = scheduler;
      copy.clock = clock;
      copy.maxIdleConnection = maxIdleConnection;
      copy.endSessionsTimeout = endSessionsTimeout;
      copy.localServer = localServer;
      copy.actionCache = actionCache;
      copy.callListener = callListener;
      copy.allowPlainHttp = allowPlainHttp;
      copy.explicitServer = explicitServer;
      copy.explicitApiKey = explicitApiKey;
      copy.explicitProjectId = explicitProjectId;
      copy.explicitModelApiKey = explicitModelApiKey;
      return copy;
    }

    private static Duration positive(Duration duration, String name) {
      Checks.notNull(duration, name);
      if (duration.isNegative() || duration.isZero()) {
        throw new IllegalArgumentException(name + " must be positive, was " + duration);
      }
      return duration;
    }
  }
}
