package com.browserbase.stagehand.internal;

import com.browserbase.stagehand.core.RequestOptions;
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
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import okhttp3.Call;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the API's requests: builds them, retries them, maps errors and parses responses. One
 * instance serves a client and every client derived from it. Thread-safe. Not API.
 */
public final class HttpTransport {
  private static final Logger LOG = LoggerFactory.getLogger("com.browserbase.stagehand.http");
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
  /** Clients for streams, by idle (read) timeout: built once each, sharing the pools. */
  private final ConcurrentMap<Long, OkHttpClient> streamClients = new ConcurrentHashMap<>();

  /**
   * Creates a transport.
   *
   * @param client the HTTP client; its read timeout should be 0 (the transport sets call timeouts)
   * @param config the client's settings
   * @param retryPolicy when to retry
   * @param sleeper how to wait between retries
   */
  public HttpTransport(OkHttpClient client, ClientConfig config, RetryPolicy retryPolicy, Sleeper sleeper) {
    this.client = client;
    this.config = config;
    this.baseHeaders = config.baseHeaders();
    this.sessionsUrl = config.baseUrl.newBuilder().addPathSegments("v1/sessions").build();
    this.retryPolicy = retryPolicy;
    this.sleeper = sleeper;
  }

  /** The client's settings. */
  public ClientConfig config() {
    return config;
  }

  /** The HTTP client. */
  public OkHttpClient httpClient() {
    return client;
  }

  /**
   * Sends a blocking call and parses its JSON response as {@code type}, validating it with {@code
   * validator} when response validation is on.
   */
  public <T> T execute(ApiRequest request, RequestOptions options, Class<T> type, UnaryOperator<T> validator) {
    Checks.notNull(options, "options");
    long timeoutMs = timeoutMs(request, options);
    Request httpRequest = build(request, options, false);
    Attempt attempt = send(request, httpRequest, client, timeoutMs, options);
    try (Response response = attempt.response) {
      T result = parse(response, type, httpRequest);
      return validates(options) ? validator.apply(result) : result;
    }
  }

  /**
   * Sends a streaming call. Errors before the stream starts (an error status, a connection failure)
   * are thrown here, after retries; the returned stream owns the open response.
   */
  public StreamResponse<StreamEvent> stream(ApiRequest request, RequestOptions options) {
    Checks.notNull(options, "options");
    long idleMs = timeoutMs(request, options);
    OkHttpClient streamClient = streamClients.computeIfAbsent(
        idleMs, ms -> client.newBuilder().readTimeout(ms, TimeUnit.MILLISECONDS).build());
    Request httpRequest = build(request, options, true);
    Attempt attempt = send(request, httpRequest, streamClient, 0, options);
    Response response = attempt.response;
    String description = httpRequest.method() + " " + httpRequest.url().encodedPath();
    try {
      MediaType contentType = response.body().contentType();
      if (contentType != null && "json".equals(contentType.subtype())) {
        JsonNode body = READER.readTree(response.body().byteStream());
        traceBody("response", body.toString());
        return EventStream.ofJson(attempt.call, response, body, description, LOG, validates(options));
      }
      return EventStream.ofEvents(attempt.call, response, description, LOG, validates(options));
    } catch (IOException e) {
      response.close();
      throw new StagehandIoException("Reading the response of " + description + " failed: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      response.close();
      throw e;
    }
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
      body = new JsonBody(serialize(request.body, streaming), request.endpoint.sideEffects);
    } else if ("POST".equals(request.endpoint.method)) {
      body = new JsonBody(null, request.endpoint.sideEffects);
    }
    return builder.method(request.endpoint.method, body).build();
  }

  private static byte[] serialize(Object body, boolean streaming) {
    try {
      return (streaming ? STREAM_WRITER : WRITER).writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Cannot serialize " + body.getClass().getSimpleName() + ": " + e.getOriginalMessage(), e);
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

  /** A successful response and the call that produced it. */
  private static final class Attempt {
    final Call call;
    final Response response;

    Attempt(Call call, Response response) {
      this.call = call;
      this.response = response;
    }
  }

  /** Sends with retries; returns a successful, open response or throws the mapped error. */
  private Attempt send(
      ApiRequest request, Request httpRequest, OkHttpClient http, long callTimeoutMs, RequestOptions options) {
    int maxRetries = options.maxRetries().orElse(config.maxRetries);
    Endpoint endpoint = request.endpoint;
    String description = httpRequest.method() + " " + httpRequest.url().encodedPath();
    if (LOG.isTraceEnabled() && httpRequest.body() instanceof JsonBody) {
      traceBody("request " + description, ((JsonBody) httpRequest.body()).text());
    }
    long start = System.nanoTime();
    for (int retries = 0; ; retries++) {
      Call call = http.newCall(httpRequest);
      call.timeout().timeout(callTimeoutMs, TimeUnit.MILLISECONDS);
      RetryPolicy.Retry retry;
      StagehandException failure;
      try {
        Response response = call.execute();
        if (response.isSuccessful()) {
          logCall(description, response.code(), start, retries);
          return new Attempt(call, response);
        }
        String body = readError(response);
        retry = retryPolicy.onStatus(endpoint, response.code(), response.headers(), retries, maxRetries);
        failure = Errors.toException(
            response.code(), response.message(), response.headers(), body, httpRequest.method(),
            httpRequest.url().encodedPath());
        if (retry == null) {
          logCall(description, response.code(), start, retries);
          traceBody("error response", body);
        }
      } catch (IOException e) {
        retry = retryPolicy.onFailure(endpoint, e, retries, maxRetries);
        failure = new StagehandIoException(description + " failed: " + e.getMessage(), e);
        if (retry == null) {
          LOG.debug("{} failed after {} ms and {}: {}", description, elapsedMs(start), retriesText(retries), e.toString());
        }
      }
      if (retry == null) {
        throw failure;
      }
      LOG.debug("Retrying {} in {} ms (retry {} of {}): {}", description, retry.delayMs, retries + 1, maxRetries, retry.reason);
      try {
        sleeper.sleep(retry.delayMs);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new StagehandException("Interrupted while waiting to retry " + description, e);
      }
    }
  }

  /** Reads an error body and closes the response. */
  private static String readError(Response response) {
    try (ResponseBody body = response.body()) {
      return body.string();
    } catch (IOException e) {
      return "";
    } finally {
      response.close();
    }
  }

  private <T> T parse(Response response, Class<T> type, Request request) {
    ResponseBody body = response.body();
    try {
      if (LOG.isTraceEnabled()) {
        String text = body.string();
        traceBody("response", text);
        return READER.forType(type).readValue(text);
      }
      return READER.forType(type).readValue(body.byteStream());
    } catch (JsonProcessingException e) {
      throw new StagehandInvalidDataException(
          "The response of " + request.method() + " " + request.url().encodedPath() + " is not a valid "
              + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new StagehandIoException(
          "Reading the response of " + request.method() + " " + request.url().encodedPath() + " failed: "
              + e.getMessage(), e);
    }
  }

  private static void logCall(String description, int status, long start, int retries) {
    if (LOG.isDebugEnabled()) {
      LOG.debug("{} -> {} ({} ms, {})", description, status, elapsedMs(start), retriesText(retries));
    }
  }

  private static void traceBody(String what, String body) {
    if (LOG.isTraceEnabled()) {
      LOG.trace("{} body: {}", what, Redactor.redact(body));
    }
  }

  private static long elapsedMs(long start) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
  }

  private static String retriesText(int retries) {
    return retries == 1 ? "1 retry" : retries + " retries";
  }

  /**
   * A JSON body held as bytes. Marked one-shot for operations with side effects, so that OkHttp
   * itself never resends it once it may have reached the server.
   */
  static final class JsonBody extends RequestBody {
    private final byte[] json;
    private final boolean oneShot;

    JsonBody(byte[] json, boolean oneShot) {
      this.json = json;
      this.oneShot = oneShot;
    }

    String text() {
      return json == null ? "" : new String(json, java.nio.charset.StandardCharsets.UTF_8);
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
      return oneShot;
    }
  }
}
