package com.browserbase.stagehand.internal.http;

import com.browserbase.stagehand.core.RequestOptions;
import com.browserbase.stagehand.core.http.AsyncStreamResponse;
import com.browserbase.stagehand.core.http.HttpResponseFor;
import com.browserbase.stagehand.core.http.StreamResponse;
import com.browserbase.stagehand.errors.StagehandInvalidDataException;
import com.browserbase.stagehand.core.events.CallOutcome;
import com.browserbase.stagehand.internal.runtime.Checks;
import com.browserbase.stagehand.internal.runtime.Json;
import com.browserbase.stagehand.internal.runtime.ReadLimit;
import com.browserbase.stagehand.internal.runtime.Futures;
import com.browserbase.stagehand.internal.runtime.Redactor;
import com.browserbase.stagehand.models.sessions.SessionStartResponse;
import com.browserbase.stagehand.models.sessions.StreamEvent;
import com.browserbase.stagehand.models.sessions.StreamEventData;
import com.browserbase.stagehand.models.sessions.StreamEventStatus;
import com.browserbase.stagehand.models.sessions.StreamEventType;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSink;
import okio.BufferedSource;

/**
 * Sends the API's requests: builds them, drives their attempts (blocking or asynchronous, through
 * the one retry loop of {@link Exchange}), maps errors and parses responses. One instance serves a
 * client and every client derived from it. Thread-safe. Not API.
 *
 * <p>No body is read past the client's {@code maxResponseBytes} (see {@link BoundedBody}), and no
 * event of a stream past it (see {@code SseReader}): beyond it the call fails with {@link
 * StagehandInvalidDataException}, its response closed, and is never retried.
 *
 * <p>Every call is reported to the client's {@link CallEvents}: its start before anything can fail, then exactly one
 * end — here when it returns or throws (or its future completes), by its stream ({@link EventStream}) when it
 * streams and started.
 */
public final class HttpTransport {
  private static final MediaType JSON = MediaType.get("application/json");
  private static final ObjectWriter WRITER = Json.MAPPER.writer();
  private static final ObjectWriter STREAM_WRITER = WRITER.withAttribute("streamResponse", Boolean.TRUE);
  private static final ObjectReader READER = Json.MAPPER.reader();
  /** How much longer than an operation's own timeout the HTTP timeout waits for its answer. */
  private static final long OPERATION_TIMEOUT_MARGIN_MS = 30_000;

  private final OkHttpClient client;
  private final ClientConfig config;
  private final ClientState state;
  private final RetryPolicy retryPolicy;
  private final Sleeper sleeper;
  private final RetryScheduler scheduler;
  private final CallEvents events;
  /** Clients for streams, by idle (read) timeout: built once each, sharing the pools. */
  private final ConcurrentMap<Long, OkHttpClient> streamClients = new ConcurrentHashMap<>();

  /**
   * A transport over {@code client}, whose read timeout should be 0: the transport sets call timeouts. Its calls are
   * reported to {@code events} ({@link CallEvents#NONE}: to nobody).
   */
  public HttpTransport(OkHttpClient client, ClientConfig config, ClientState state, RetryPolicy retryPolicy,
      Sleeper sleeper, RetryScheduler scheduler, CallEvents events) {
    this.client = client;
    this.config = config;
    this.state = state;
    this.retryPolicy = retryPolicy;
    this.sleeper = sleeper;
    this.scheduler = scheduler;
    this.events = events;
  }

  // ---- the operations' ways of calling ------------------------------------------------------------

  /**
   * How this transport's blocking calls wait, for the session layer's own waits too: the real wait ends early when the
   * client closes (a test's sleeper is used as it is).
   */
  public Sleeper sleeper() {
    return sleeper(state);
  }

  private Sleeper sleeper(ClientState waiting) {
    return sleeper == Sleeper.SYSTEM ? waiting::sleepUnlessClosed : sleeper;
  }

  /** How this transport's asynchronous calls wait; for the session layer's own waits. */
  public RetryScheduler scheduler() {
    return scheduler;
  }

  /** Where this transport's calls are reported; for the action cache's acts. */
  public CallEvents callEvents() {
    return events;
  }

  /** A blocking call whose JSON response is parsed as {@code type} (and validated when that is on). */
  public <T> T execute(ApiRequest request, RequestOptions options, ResponseType<T> type) {
    return sendBlocking(exchange(request, options, false, false), parsed(type, options));
  }

  /** A blocking call answered with the raw response; its body is read, then parsed on demand. */
  public <T> HttpResponseFor<T> executeRaw(ApiRequest request, RequestOptions options, ResponseType<T> type) {
    return sendBlocking(exchange(request, options, false, false), buffered(type, options));
  }

  /**
   * A streaming call; errors before the stream starts are thrown here, after retries. A plain JSON
   * answer gets the checks of the blocking call that answers {@code type}.
   */
  public StreamResponse<StreamEvent> stream(ApiRequest request, RequestOptions options, ResponseType<?> type) {
    return sendBlocking(exchange(request, options, true, false), events(type, options));
  }

  /** A streaming call answered with the raw response of the stream. */
  public HttpResponseFor<StreamResponse<StreamEvent>> streamRaw(
      ApiRequest request, RequestOptions options, ResponseType<?> type) {
    return sendBlocking(exchange(request, options, true, false), rawEvents(type, options));
  }

  /** An asynchronous call; see {@link #execute}. */
  public <T> CompletableFuture<T> executeAsync(ApiRequest request, RequestOptions options, ResponseType<T> type) {
    return sendAsync(exchange(request, options, false, false), parsed(type, options));
  }

  /**
   * An asynchronous call made while the client closes (ending its open sessions): it goes out
   * although the client no longer takes calls, and closing does not cancel it. Once the client has
   * released its threads (a session whose start was answered after the close), it is sent on the
   * calling thread instead, and the result is complete when this returns.
   */
  public <T> CompletableFuture<T> executeWhileClosing(ApiRequest request, RequestOptions options, ResponseType<T> type) {
    Exchange exchange = exchange(request, options, false, true);
    if (!client.dispatcher().executorService().isShutdown()) {
      return sendAsync(exchange, parsed(type, options));
    }
    CompletableFuture<T> sent = new CompletableFuture<>();
    try {
      sent.complete(sendBlocking(exchange, parsed(type, options)));
    } catch (RuntimeException e) {
      sent.completeExceptionally(e);
    }
    return sent;
  }

  /** An asynchronous call answered with the raw response; see {@link #executeRaw}. */
  public <T> CompletableFuture<HttpResponseFor<T>> executeRawAsync(
      ApiRequest request, RequestOptions options, ResponseType<T> type) {
    return sendAsync(exchange(request, options, false, false), buffered(type, options));
  }

  /** An asynchronous stream: events go to the subscriber on an HTTP client thread. */
  public AsyncStreamResponse<StreamEvent> streamAsync(ApiRequest request, RequestOptions options, ResponseType<?> type) {
    return new AsyncEventStream(sendAsync(exchange(request, options, true, false), events(type, options)),
        client.dispatcher().executorService());
  }

  /** An asynchronous stream answered with its raw response once it has started. */
  public CompletableFuture<HttpResponseFor<StreamResponse<StreamEvent>>> streamRawAsync(
      ApiRequest request, RequestOptions options, ResponseType<?> type) {
    return sendAsync(exchange(request, options, true, false), rawEvents(type, options));
  }

  // ---- what to make of a successful response ----------------------------------------------------------

  /**
   * Makes the caller's value of a successful response, inside the attempt: an {@link IOException} is
   * a network failure while reading the body, which the retry loop judges like any other. The handler
   * closes the response, unless the value it returns takes it over (a stream).
   */
  private interface Handler<X> {
    X handle(Success success) throws IOException;
  }

  /**
   * Runs a handler. A body over the bound is invalid data, not a network failure: it is raised as
   * such (the handler has closed the response), so that the retry loop never sends the call again.
   */
  private static <X> X handle(Handler<X> handler, Success success) throws IOException {
    try {
      return handler.handle(success);
    } catch (ReadLimit.ExceededException e) {
      throw new StagehandInvalidDataException(ReadLimit.message("The response of " + success.exchange.description()
          + Failures.requestId(success.response), e), e);
    }
  }

  /** The body of a response, read no further than the bound. */
  private BufferedSource body(Response response) throws ReadLimit.ExceededException {
    return BoundedBody.source(response.body(), config.maxResponseBytes);
  }

  private <T> Handler<T> parsed(ResponseType<T> type, RequestOptions options) {
    boolean validate = validates(options);
    return success -> {
      try (Response response = success.response) {
        T value = validate
            ? readChecked(type, success.exchange, () -> READER.readTree(body(response).inputStream()))
            : parse(response, type, success.exchange);
        return check(value, type, validate, success, null);
      }
    };
  }

  private <T> Handler<HttpResponseFor<T>> buffered(ResponseType<T> type, RequestOptions options) {
    boolean validate = validates(options);
    return success -> {
      byte[] body;
      try (Response response = success.response) {
        body = body(response).readByteArray();
      }
      traceBody(success.exchange, "response", body);
      return new RawResponse<>(success.response, () -> {
        try {
          T value = validate
              ? readChecked(type, success.exchange, () -> READER.readTree(body))
              : read(type, success.exchange, () -> type.reader.<T>readValue(body));
          return check(value, type, validate, success, body);
        } catch (IOException impossible) {
          throw new UncheckedIOException(impossible); // the body is in memory
        }
      }, null);
    };
  }

  private Handler<StreamResponse<StreamEvent>> events(ResponseType<?> type, RequestOptions options) {
    boolean validate = validates(options);
    return success -> {
      MediaType contentType = success.response.body().contentType();
      if (contentType != null && "event-stream".equals(contentType.subtype())) {
        success.kept = true;
        return EventStream.ofEvents(success.exchange, success.call, success.response, validate);
      }
      try (Response response = success.response) {
        return EventStream.ofResult(success.exchange, finishedEvent(type, success, validate));
      }
    };
  }

  /**
   * An ordinary JSON answer to a streaming request (a server that does not stream), checked like the
   * blocking call's answer, as the single {@code finished} event a real stream would end with: its
   * {@code result} is the operation's result, {@code data.result}.
   */
  private <T> StreamEvent finishedEvent(ResponseType<T> type, Success success, boolean validate) throws IOException {
    JsonNode body = read("valid JSON", success.exchange,
        () -> READER.readTree(body(success.response).inputStream()));
    traceBody(success.exchange, "response", body);
    T value = validate
        ? readChecked(type, success.exchange, () -> body)
        : read(type, success.exchange, () -> type.reader.<T>readValue(body));
    check(value, type, validate, success, body);
    JsonNode data = body.path("data");
    return StreamEvent.builder()
        .id(UUID.randomUUID().toString())
        .type(StreamEventType.SYSTEM)
        .data(StreamEventData.builder()
            .status(StreamEventStatus.FINISHED)
            .result(data.has("result") ? data.get("result") : data)
            .build())
        .build();
  }

  private Handler<HttpResponseFor<StreamResponse<StreamEvent>>> rawEvents(ResponseType<?> type, RequestOptions options) {
    Handler<StreamResponse<StreamEvent>> events = events(type, options);
    return success -> {
      StreamResponse<StreamEvent> stream = handle(events, success);
      return new RawResponse<>(success.response, () -> stream, stream);
    };
  }

  /**
   * The checks every answer gets: {@code "success": false} raises the error the server reported;
   * then, when response validation is on, a missing required property raises; then an answer that
   * cannot be used raises why.
   *
   * @param body the body as bytes or a tree when at hand, else {@code null} (it is written out again)
   */
  private static <T> T check(T value, ResponseType<T> type, boolean validate, Success success, Object body) {
    boolean failed = type.failed(value);
    if (!failed && validate) {
      type.validator.apply(value);
    }
    String problem = failed ? null : type.unusable(value);
    if (!failed && problem == null) {
      return value;
    }
    if (!failed) {
      success.exchange.trace.failsAs(CallOutcome.INVALID_RESPONSE);
    }
    String bodyText = body != null ? text(body) : Json.write(value);
    throw failed
        ? Errors.toException(success.response, bodyText, success.exchange)
        : Errors.unusable(success.response, bodyText, problem, success.exchange);
  }

  // ---- driving the attempts ------------------------------------------------------------------------

  /** A successful attempt. */
  static final class Success {
    final Exchange exchange;
    final Call call;
    final Response response;
    /** Whether the value made of it keeps the call open (a stream), so that it is not over yet. */
    boolean kept;

    Success(Exchange exchange, Call call, Response response) {
      this.exchange = exchange;
      this.call = call;
      this.response = response;
    }
  }

  /** Drives the attempts on this thread, then reports the end: a stream's is reported by the stream. */
  private <X> X sendBlocking(Exchange exchange, Handler<X> handler) {
    X value;
    try {
      value = attemptBlocking(exchange, handler);
    } catch (RuntimeException | Error e) {
      exchange.trace.failed(e);
      throw e;
    }
    if (!exchange.streaming) {
      exchange.trace.succeeded(startedSession(value));
    }
    return value;
  }

  private <X> X attemptBlocking(Exchange exchange, Handler<X> handler) {
    AtomicReference<X> value = new AtomicReference<>();
    while (true) {
      Exchange.Step step = exchange.beforeAttempt(true);
      if (step == null) {
        Call call = exchange.newCall();
        try {
          step = settle(exchange, call, call.execute(), handler, true, value::set);
        } catch (IOException e) {
          exchange.done(call);
          step = exchange.onFailure(e, null, true);
        }
        if (step == null) {
          return value.get();
        }
      }
      if (step.failure != null) {
        throw step.failure;
      }
      if (step.resend) {
        continue; // nothing was sent: go again at once
      }
      try {
        sleeper(exchange.state).sleep(step.retryDelayMs);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        InterruptedIOException cause = new InterruptedIOException("interrupted while waiting to retry");
        cause.initCause(e);
        throw exchange.interrupted(cause);
      }
    }
  }

  private <X> CompletableFuture<X> sendAsync(Exchange exchange, Handler<X> handler) {
    CompletableFuture<X> result = new CompletableFuture<>();
    result.whenComplete((value, error) -> {
      if (result.isCancelled()) {
        exchange.cancel();
        exchange.trace.failed(Futures.unwrap(error)); // the caller cancelled: no other end was reported
      }
    });
    attemptAsync(exchange, handler, result);
    return result;
  }

  /**
   * Completes an asynchronous call with {@code value}; its end is reported first, so that it is queued for the
   * listener before anything that waits on the future goes on (a close, say). A stream's end is its stream's.
   */
  private static <X> boolean complete(Exchange exchange, CompletableFuture<X> result, X value) {
    if (!exchange.streaming && !result.isDone()) {
      exchange.trace.succeeded(startedSession(value));
    }
    return result.complete(value);
  }

  /** Fails an asynchronous call with {@code failure}, its end reported first (see {@link #complete}). */
  private static void fail(Exchange exchange, CompletableFuture<?> result, Throwable failure) {
    if (!result.isDone()) {
      exchange.trace.failed(Futures.unwrap(failure));
    }
    result.completeExceptionally(failure);
  }

  private <X> void attemptAsync(Exchange exchange, Handler<X> handler, CompletableFuture<X> result) {
    if (result.isDone()) {
      return; // cancelled while waiting to retry
    }
    Exchange.Step before = exchange.beforeAttempt(false);
    if (before != null) {
      fail(exchange, result, before.failure);
      return;
    }
    exchange.newCall().enqueue(new Callback() {
      @Override
      public void onResponse(Call call, Response response) {
        Exchange.Step step;
        try {
          step = settle(exchange, call, response, handler, false, value -> {
            if (!complete(exchange, result, value) && value instanceof AutoCloseable) {
              closeQuietly((AutoCloseable) value); // the caller gave up meanwhile
            }
          });
        } catch (RuntimeException e) {
          fail(exchange, result, e);
          return;
        }
        if (step != null) {
          next(step);
        }
      }

      @Override
      public void onFailure(Call call, IOException e) {
        exchange.done(call);
        next(exchange.onFailure(e, null, false));
      }

      private void next(Exchange.Step step) {
        if (step.failure != null) {
          fail(exchange, result, step.failure);
        } else if (step.resend) {
          attemptAsync(exchange, handler, result); // nothing was sent: go again at once
        } else {
          scheduler.schedule(() -> attemptAsync(exchange, handler, result), step.retryDelayMs);
        }
      }
    });
  }

  /**
   * Ends an answered attempt, for both loops: hands the value made of a successful answer to {@code
   * deliver} and returns {@code null}, or else returns the step to take after an error answer or a
   * failure while reading the body. The call is then over, unless the value keeps it (a stream).
   */
  private static <X> Exchange.Step settle(Exchange exchange, Call call, Response response, Handler<X> handler,
      boolean callerThread, Consumer<X> deliver) {
    Success success = null;
    X value;
    try {
      Exchange.Step step = exchange.onResponse(response);
      if (step.response == null) {
        return step;
      }
      success = new Success(exchange, call, step.response);
      value = handle(handler, success);
    } catch (IOException e) {
      return exchange.onFailure(e, response, callerThread);
    } finally {
      if (success == null || !success.kept) {
        exchange.done(call);
      }
    }
    deliver.accept(value);
    return null;
  }

  /** The id of the session a {@code start} answered with, for its end event; else {@code null}. */
  private static String startedSession(Object value) {
    if (!(value instanceof SessionStartResponse)) {
      return null;
    }
    try {
      return ((SessionStartResponse) value).data().sessionId();
    } catch (RuntimeException missing) {
      return null; // not validated, and without one: the call succeeded all the same
    }
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception ignored) {
      // the value was never handed out; nothing to report
    }
  }

  // ---- building requests -----------------------------------------------------------------------------

  /**
   * The exchange of a call, its start reported. A request that cannot be made (no options, a body that cannot be
   * written) throws before the call starts; a closed client after, and that ends the call.
   */
  private Exchange exchange(ApiRequest request, RequestOptions options, boolean streaming, boolean whileClosing) {
    Checks.notNull(options, "options");
    Request httpRequest = build(request, options, streaming);
    CallTrace trace = events.start(request.endpoint, request.sessionId, streaming);
    if (!whileClosing) {
      try {
        state.checkOpen();
      } catch (IllegalStateException closed) {
        trace.failsAs(CallOutcome.CANCELLED);
        trace.failed(closed);
        throw closed;
      }
    }
    long timeoutMs = timeoutMs(request, options);
    // A blocking call is bounded as a whole; a stream only by the wait between two events.
    OkHttpClient http = streaming
        ? streamClients.computeIfAbsent(timeoutMs, ms -> client.newBuilder().readTimeout(ms, TimeUnit.MILLISECONDS).build())
        : client;
    Exchange exchange = new Exchange(request, httpRequest, http, streaming, timeoutMs,
        options.maxRetries().orElse(config.maxRetries), retryPolicy, whileClosing ? state.closing() : state, config,
        trace);
    if (Exchange.LOG.isTraceEnabled() && httpRequest.body() instanceof JsonBody) {
      traceBody(exchange, "request " + exchange.description(), ((JsonBody) httpRequest.body()).text());
    }
    return exchange;
  }

  private boolean validates(RequestOptions options) {
    return options.responseValidation().orElse(config.responseValidation);
  }

  private long timeoutMs(ApiRequest request, RequestOptions options) {
    long ms = options.timeout().isPresent()
        ? options.timeout().get().toMillis()
        : (config.timeout != null ? config.timeout : request.endpoint.defaultTimeout).toMillis();
    if (request.operationTimeoutMs != null) {
      ms = Math.max(ms, request.operationTimeoutMs + OPERATION_TIMEOUT_MARGIN_MS);
    }
    return ms;
  }

  private Request build(ApiRequest request, RequestOptions options, boolean streaming) {
    HttpUrl.Builder url = config.sessionsUrl.newBuilder();
    if (request.endpoint.action == null) {
      url.addPathSegment(request.endpoint.fixedSegment);
    } else {
      url.addPathSegment(request.sessionId).addPathSegment(request.endpoint.action);
    }
    replace(request.queryParams, url::removeAllQueryParameters, url::addQueryParameter);
    replace(options.queryParams(), url::removeAllQueryParameters, url::addQueryParameter);

    Request.Builder builder = new Request.Builder().url(url.build()).headers(config.headers);
    if (streaming) {
      // Events preferred; an ordinary JSON answer is accepted too (delivered as the final event): a server
      // that negotiates content and has no event stream would otherwise answer 406.
      builder.header("Accept", "text/event-stream, application/json;q=0.9").header("x-stream-response", "true");
    } else {
      builder.header("Accept", "application/json");
    }
    replace(request.headers, builder::removeHeader, builder::addHeader);
    replace(options.headers(), builder::removeHeader, builder::addHeader);

    RequestBody body = null;
    if (request.body != null) {
      body = new JsonBody(serialize(request.body, streaming));
    } else if ("POST".equals(request.endpoint.method)) {
      body = new JsonBody(new byte[0]);
    }
    return builder.method(request.endpoint.method, body).build();
  }

  private static byte[] serialize(Object body, boolean streaming) {
    try {
      return (streaming ? STREAM_WRITER : WRITER).writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "Cannot serialize " + body.getClass().getSimpleName() + ": " + e.getOriginalMessage(), e);
    }
  }

  /** Puts the values of each name (a header or a query parameter) in place of those it had. */
  private static void replace(
      Map<String, List<String>> values, Consumer<String> remove, BiConsumer<String, String> add) {
    for (Map.Entry<String, List<String>> entry : values.entrySet()) {
      remove.accept(entry.getKey());
      for (String value : entry.getValue()) {
        add.accept(entry.getKey(), value);
      }
    }
  }

  // ---- parsing -----------------------------------------------------------------------------------------

  private interface Reading<T> {
    T read() throws IOException;
  }

  private <T> T parse(Response response, ResponseType<T> type, Exchange exchange) throws IOException {
    BufferedSource body = body(response);
    if (Exchange.LOG.isTraceEnabled()) {
      MediaType contentType = response.body().contentType();
      Charset charset = contentType != null ? contentType.charset(StandardCharsets.UTF_8) : StandardCharsets.UTF_8;
      String text = body.readString(charset);
      traceBody(exchange, "response", text);
      return read(type, exchange, () -> type.reader.<T>readValue(text));
    }
    return read(type, exchange, () -> type.reader.<T>readValue(body.inputStream()));
  }

  /** Reads a tree, checks its JSON types against the type, then converts it (see {@link #check}). */
  private static <T> T readChecked(ResponseType<T> type, Exchange exchange, Reading<JsonNode> reading)
      throws IOException {
    JsonNode tree = read("valid JSON", exchange, reading);
    traceBody(exchange, "response", tree);
    try {
      JsonTypes.check(tree, type.type);
    } catch (StagehandInvalidDataException e) {
      throw new StagehandInvalidDataException(
          "The response of " + exchange.description() + " is not a valid " + type.name() + ": "
              + exchange.mask(e.getMessage()), e);
    }
    return read(type, exchange, () -> type.reader.<T>readValue(tree));
  }

  private static <T> T read(ResponseType<T> type, Exchange exchange, Reading<T> reading) throws IOException {
    return read("a valid " + type.name(), exchange, reading);
  }

  /**
   * Runs a read: a malformed answer raises {@link StagehandInvalidDataException} naming what was
   * expected; a network failure, even one Jackson reports as a mapping error, stays an {@link
   * IOException} for the retry loop.
   */
  private static <T> T read(String expected, Exchange exchange, Reading<T> reading) throws IOException {
    try {
      return reading.read();
    } catch (JsonProcessingException e) {
      IOException network = Failures.networkCause(e);
      if (network != null) {
        throw network;
      }
      throw new StagehandInvalidDataException(
          "The response of " + exchange.description() + " is not " + expected + ": " + exchange.mask(Json.describe(e)), e);
    }
  }

  /**
   * Logs a body of {@code exchange} at TRACE with its secrets masked ({@link Redactor}: by property name,
   * the call's known secrets, secret-looking URL parameters); {@code body} (text, bytes or a tree) is
   * made text, and the call's secrets collected, only then.
   */
  static void traceBody(Exchange exchange, String what, Object body) {
    if (Exchange.LOG.isTraceEnabled()) {
      Exchange.LOG.trace("{} body: {}", what, Redactor.redact(text(body), exchange.secrets()));
    }
  }

  private static String text(Object body) {
    return body instanceof byte[] ? new String((byte[]) body, StandardCharsets.UTF_8) : String.valueOf(body);
  }

  /**
   * A JSON body held as bytes (none: an empty POST), marked one-shot: OkHttp then resends it only when
   * it cannot have reached the server (a failed connection), never on its own after an answer (408, or
   * 503 with {@code Retry-After: 0}). Every other retry is the SDK's, under its rules, backoff and logging.
   */
  static final class JsonBody extends RequestBody {
    private final byte[] json;

    JsonBody(byte[] json) {
      this.json = json;
    }

    String text() {
      return new String(json, StandardCharsets.UTF_8);
    }

    @Override
    public MediaType contentType() {
      return json.length == 0 ? null : JSON;
    }

    @Override
    public long contentLength() {
      return json.length;
    }

    @Override
    public void writeTo(BufferedSink sink) throws IOException {
      sink.write(json);
    }

    @Override
    public boolean isOneShot() {
      return true;
    }
  }
}
