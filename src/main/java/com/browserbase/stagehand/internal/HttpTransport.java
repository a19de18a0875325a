package com.browserbase.stagehand.internal;

import com.browserbase.stagehand.core.RequestOptions;
import com.browserbase.stagehand.core.http.AsyncStreamResponse;
import com.browserbase.stagehand.core.http.HttpResponseFor;
import com.browserbase.stagehand.core.http.StreamResponse;
import com.browserbase.stagehand.errors.StagehandException;
import com.browserbase.stagehand.errors.StagehandInvalidDataException;
import com.browserbase.stagehand.errors.StagehandIoException;
import com.browserbase.stagehand.models.sessions.StreamEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSink;

/**
 * Sends the API's requests: builds them, drives their attempts (blocking or asynchronous, through
 * the one retry loop of {@link Exchange}), maps errors and parses responses. One instance serves a
 * client and every client derived from it. Thread-safe. Not API.
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
  private final Headers baseHeaders;
  private final HttpUrl sessionsUrl;
  private final RetryPolicy retryPolicy;
  private final Sleeper sleeper;
  private final RetryScheduler scheduler;
  /** Clients for streams, by idle (read) timeout: built once each, sharing the pools. */
  private final ConcurrentMap<Long, OkHttpClient> streamClients = new ConcurrentHashMap<>();

  /**
   * Creates a transport.
   *
   * @param client the HTTP client; its read timeout should be 0 (the transport sets call timeouts)
   * @param config the client's settings
   * @param retryPolicy when to retry
   * @param sleeper how blocking calls wait between retries
   * @param scheduler how asynchronous calls wait between retries
   */
  public HttpTransport(
      OkHttpClient client, ClientConfig config, RetryPolicy retryPolicy, Sleeper sleeper, RetryScheduler scheduler) {
    this.client = client;
    this.config = config;
    this.baseHeaders = config.baseHeaders();
    this.sessionsUrl = config.baseUrl.newBuilder().addPathSegments("v1/sessions").build();
    this.retryPolicy = retryPolicy;
    this.sleeper = sleeper;
    this.scheduler = scheduler;
  }

  // ---- the operations' ways of calling ------------------------------------------------------------

  /** A blocking call whose JSON response is parsed as {@code type} (and validated when that is on). */
  public <T> T execute(ApiRequest request, RequestOptions options, Class<T> type, UnaryOperator<T> validator) {
    return sendBlocking(exchange(request, options, false), parsed(type, validator, options));
  }

  /** A blocking call answered with the raw response; its body is read, then parsed on demand. */
  public <T> HttpResponseFor<T> executeRaw(
      ApiRequest request, RequestOptions options, Class<T> type, UnaryOperator<T> validator) {
    return sendBlocking(exchange(request, options, false), buffered(type, validator, options));
  }

  /** A streaming call; errors before the stream starts are thrown here, after retries. */
  public StreamResponse<StreamEvent> stream(ApiRequest request, RequestOptions options) {
    return sendBlocking(exchange(request, options, true), events(options));
  }

  /** A streaming call answered with the raw response of the stream. */
  public HttpResponseFor<StreamResponse<StreamEvent>> streamRaw(ApiRequest request, RequestOptions options) {
    return sendBlocking(exchange(request, options, true), rawEvents(options));
  }

  /** An asynchronous call; see {@link #execute}. */
  public <T> CompletableFuture<T> executeAsync(
      ApiRequest request, RequestOptions options, Class<T> type, UnaryOperator<T> validator) {
    return sendAsync(exchange(request, options, false), parsed(type, validator, options));
  }

  /** An asynchronous call answered with the raw response; see {@link #executeRaw}. */
  public <T> CompletableFuture<HttpResponseFor<T>> executeRawAsync(
      ApiRequest request, RequestOptions options, Class<T> type, UnaryOperator<T> validator) {
    return sendAsync(exchange(request, options, false), buffered(type, validator, options));
  }

  /** An asynchronous stream: events go to the subscriber on an HTTP client thread. */
  public AsyncStreamResponse<StreamEvent> streamAsync(ApiRequest request, RequestOptions options) {
    return new AsyncEventStream(sendAsync(exchange(request, options, true), events(options)),
        client.dispatcher().executorService());
  }

  /** An asynchronous stream answered with its raw response once it has started. */
  public CompletableFuture<HttpResponseFor<StreamResponse<StreamEvent>>> streamRawAsync(
      ApiRequest request, RequestOptions options) {
    return sendAsync(exchange(request, options, true), rawEvents(options));
  }

  // ---- what to make of a successful response ----------------------------------------------------------

  private <T> Function<Success, T> parsed(Class<T> type, UnaryOperator<T> validator, RequestOptions options) {
    boolean validate = validates(options);
    return success -> {
      try (Response response = success.response) {
        return validate
            ? validator.apply(readChecked(type, success.exchange, () -> READER.readTree(response.body().byteStream())))
            : parse(response.body(), type, success.exchange);
      }
    };
  }

  private <T> Function<Success, HttpResponseFor<T>> buffered(
      Class<T> type, UnaryOperator<T> validator, RequestOptions options) {
    boolean validate = validates(options);
    return success -> {
      byte[] body;
      try (Response response = success.response) {
        body = response.body().bytes();
      } catch (IOException e) {
        throw new StagehandIoException("Reading the response of " + success.exchange.description() + " failed: "
            + e.getMessage(), e);
      }
      traceBody("response", new String(body, StandardCharsets.UTF_8));
      return new RawResponse<>(success.response, () -> validate
          ? validator.apply(readChecked(type, success.exchange, () -> READER.readTree(body)))
          : read(type, success.exchange, () -> readerFor(type).<T>readValue(body)), null);
    };
  }

  private Function<Success, StreamResponse<StreamEvent>> events(RequestOptions options) {
    boolean validate = validates(options);
    return success -> {
      Response response = success.response;
      try {
        MediaType contentType = response.body().contentType();
        if (contentType != null && "json".equals(contentType.subtype())) {
          JsonNode body = READER.readTree(response.body().byteStream());
          traceBody("response", body.toString());
          return EventStream.ofJson(success.call, response, body, success.exchange.description(), Exchange.LOG, validate);
        }
        return EventStream.ofEvents(success.call, response, success.exchange.description(), Exchange.LOG, validate);
      } catch (IOException e) {
        response.close();
        throw new StagehandIoException(
            "Reading the response of " + success.exchange.description() + " failed: " + e.getMessage(), e);
      } catch (RuntimeException e) {
        response.close();
        throw e;
      }
    };
  }

  private Function<Success, HttpResponseFor<StreamResponse<StreamEvent>>> rawEvents(RequestOptions options) {
    Function<Success, StreamResponse<StreamEvent>> events = events(options);
    return success -> {
      StreamResponse<StreamEvent> stream = events.apply(success);
      return new RawResponse<>(success.response, () -> stream, stream);
    };
  }

  // ---- driving the attempts ------------------------------------------------------------------------

  /** A successful attempt. */
  static final class Success {
    final Exchange exchange;
    final Call call;
    final Response response;

    Success(Exchange exchange, Call call, Response response) {
      this.exchange = exchange;
      this.call = call;
      this.response = response;
    }
  }

  private <X> X sendBlocking(Exchange exchange, Function<Success, X> onSuccess) {
    while (true) {
      Call call = exchange.newCall();
      Exchange.Step step;
      try {
        step = exchange.onResponse(call.execute());
      } catch (IOException e) {
        step = exchange.onFailure(e);
      }
      if (step.response != null) {
        return onSuccess.apply(new Success(exchange, call, step.response));
      }
      if (step.failure != null) {
        throw step.failure;
      }
      try {
        sleeper.sleep(step.retryDelayMs);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new StagehandException("Interrupted while waiting to retry " + exchange.description(), e);
      }
    }
  }

  private <X> CompletableFuture<X> sendAsync(Exchange exchange, Function<Success, X> onSuccess) {
    CompletableFuture<X> result = new CompletableFuture<>();
    result.whenComplete((value, error) -> {
      if (result.isCancelled()) {
        Call current = exchange.current;
        if (current != null) {
          current.cancel();
        }
      }
    });
    attemptAsync(exchange, onSuccess, result);
    return result;
  }

  private <X> void attemptAsync(Exchange exchange, Function<Success, X> onSuccess, CompletableFuture<X> result) {
    if (result.isDone()) {
      return; // cancelled while waiting to retry
    }
    exchange.newCall().enqueue(new Callback() {
      @Override
      public void onResponse(Call call, Response response) {
        handle(call, exchange.onResponse(response));
      }

      @Override
      public void onFailure(Call call, IOException e) {
        handle(call, exchange.onFailure(e));
      }

      private void handle(Call call, Exchange.Step step) {
        if (step.response != null) {
          if (result.isDone()) {
            step.response.close();
            return;
          }
          try {
            X value = onSuccess.apply(new Success(exchange, call, step.response));
            if (!result.complete(value) && value instanceof AutoCloseable) {
              closeQuietly((AutoCloseable) value);
            }
          } catch (RuntimeException e) {
            result.completeExceptionally(e);
          }
        } else if (step.failure != null) {
          result.completeExceptionally(step.failure);
        } else {
          scheduler.schedule(() -> attemptAsync(exchange, onSuccess, result), step.retryDelayMs);
        }
      }
    });
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception ignored) {
      // the value was never handed out; nothing to report
    }
  }

  // ---- building requests -----------------------------------------------------------------------------

  private Exchange exchange(ApiRequest request, RequestOptions options, boolean streaming) {
    Checks.notNull(options, "options");
    long timeoutMs = timeoutMs(request, options);
    // A blocking call is bounded as a whole; a stream only by the wait between two events.
    OkHttpClient http = streaming
        ? streamClients.computeIfAbsent(timeoutMs, ms -> client.newBuilder().readTimeout(ms, TimeUnit.MILLISECONDS).build())
        : client;
    Request httpRequest = build(request, options, streaming);
    if (Exchange.LOG.isTraceEnabled() && httpRequest.body() instanceof JsonBody) {
      traceBody("request " + httpRequest.method() + " " + httpRequest.url().encodedPath(),
          ((JsonBody) httpRequest.body()).text());
    }
    return new Exchange(httpRequest, http, streaming ? 0 : timeoutMs, request.endpoint,
        options.maxRetries().orElse(config.maxRetries), retryPolicy);
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
    HttpUrl.Builder url = sessionsUrl.newBuilder();
    if (request.endpoint.action == null) {
      url.addPathSegment(request.endpoint.fixedSegment);
    } else {
      url.addPathSegment(request.sessionId).addPathSegment(request.endpoint.action);
    }
    addQuery(url, request.queryParams);
    addQuery(url, options.queryParams());

    Request.Builder builder = new Request.Builder().url(url.build()).headers(baseHeaders);
    if (streaming) {
      // Events preferred; an ordinary JSON answer is accepted too (delivered as the final event): a server
      // that negotiates content and has no event stream would otherwise answer 406.
      builder.header("Accept", "text/event-stream, application/json;q=0.9").header("x-stream-response", "true");
    } else {
      builder.header("Accept", "application/json");
    }
    setHeaders(builder, request.headers);
    setHeaders(builder, options.headers());

    RequestBody body = null;
    if (request.body != null) {
      body = new JsonBody(serialize(request.body, streaming));
    } else if ("POST".equals(request.endpoint.method)) {
      body = new JsonBody(null);
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

  private static void addQuery(HttpUrl.Builder url, Map<String, List<String>> params) {
    for (Map.Entry<String, List<String>> param : params.entrySet()) {
      url.removeAllQueryParameters(param.getKey());
      for (String value : param.getValue()) {
        url.addQueryParameter(param.getKey(), value);
      }
    }
  }

  private static void setHeaders(Request.Builder builder, Map<String, List<String>> headers) {
    for (Map.Entry<String, List<String>> header : headers.entrySet()) {
      builder.removeHeader(header.getKey());
      for (String value : header.getValue()) {
        builder.addHeader(header.getKey(), value);
      }
    }
  }

  // ---- parsing -----------------------------------------------------------------------------------------

  private interface Reading<T> {
    T read() throws IOException;
  }

  /** One reader per response type, made once: creating an {@link ObjectReader} per call costs. */
  private static final ClassValue<ObjectReader> READERS = new ClassValue<ObjectReader>() {
    @Override
    protected ObjectReader computeValue(Class<?> type) {
      return READER.forType(type);
    }
  };

  static ObjectReader readerFor(Class<?> type) {
    return READERS.get(type);
  }

  private static <T> T parse(ResponseBody body, Class<T> type, Exchange exchange) {
    if (Exchange.LOG.isTraceEnabled()) {
      return read(type, exchange, () -> {
        String text = body.string();
        traceBody("response", text);
        return readerFor(type).<T>readValue(text);
      });
    }
    return read(type, exchange, () -> readerFor(type).<T>readValue(body.byteStream()));
  }

  /** Reads a tree, checks its JSON types against {@code type}, then converts it: the validating path. */
  private static <T> T readChecked(Class<T> type, Exchange exchange, Reading<JsonNode> reading) {
    return read(type, exchange, () -> {
      JsonNode tree = reading.read();
      traceBody("response", tree.toString());
      try {
        JsonTypes.check(tree, type);
      } catch (StagehandInvalidDataException e) {
        throw new StagehandInvalidDataException(
            "The response of " + exchange.description() + " is not a valid " + type.getSimpleName() + ": " + e.getMessage(), e);
      }
      return readerFor(type).<T>readValue(tree);
    });
  }

  private static <T> T read(Class<T> type, Exchange exchange, Reading<T> reading) {
    try {
      return reading.read();
    } catch (JsonProcessingException e) {
      throw new StagehandInvalidDataException("The response of " + exchange.description() + " is not a valid "
          + type.getSimpleName() + ": " + Json.describe(e), e);
    } catch (IOException e) {
      throw new StagehandIoException(
          "Reading the response of " + exchange.description() + " failed: " + e.getMessage(), e);
    }
  }

  static void traceBody(String what, String body) {
    if (Exchange.LOG.isTraceEnabled()) {
      Exchange.LOG.trace("{} body: {}", what, Redactor.redact(body));
    }
  }

  /**
   * A JSON body held as bytes, marked one-shot: OkHttp then resends it only when it cannot have
   * reached the server (a failed connection), never on its own after an answer (408, or 503 with
   * {@code Retry-After: 0}). Every other retry is the SDK's, under its rules, backoff and logging.
   */
  static final class JsonBody extends RequestBody {
    private final byte[] json;

    JsonBody(byte[] json) {
      this.json = json;
    }

    String text() {
      return json == null ? "" : new String(json, StandardCharsets.UTF_8);
    }

    @Override
    public MediaType contentType() {
      return json == null ? null : JSON;
    }

    @Override
    public long contentLength() {
      return json == null ? 0 : json.length;
    }

    @Override
    public void writeTo(BufferedSink sink) throws IOException {
      if (json != null) {
        sink.write(json);
      }
    }

    @Override
    public boolean isOneShot() {
      return true;
    }
  }
}
