package com.browserbase.stagehand.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.browserbase.stagehand.internal.runtime.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSink;

/** Shared helpers of the wire tests: clients pointed at a MockWebServer, canned responses, JSON trees. */
final class WireFixtures {
  /** Delays the client asked its sleeper for; tests never really sleep. */
  static final class RecordingSleeper implements com.browserbase.stagehand.internal.http.Sleeper {
    final List<Long> sleeps = new CopyOnWriteArrayList<>();

    @Override
    public void sleep(long millis) {
      sleeps.add(millis);
    }
  }

  /**
   * Delays the client asked its retry scheduler for. Either runs each retry at once on the calling
   * thread, or keeps it in {@link #pending} for the test to run (or not) when it chooses.
   */
  static final class RecordingScheduler implements com.browserbase.stagehand.internal.http.RetryScheduler {
    final List<Long> delays = new CopyOnWriteArrayList<>();
    final BlockingQueue<Runnable> pending = new LinkedBlockingQueue<>();
    private final boolean runAtOnce;

    private RecordingScheduler(boolean runAtOnce) {
      this.runAtOnce = runAtOnce;
    }

    /** Records each delay and runs the retry at once. */
    static RecordingScheduler immediate() {
      return new RecordingScheduler(true);
    }

    /** Records each delay and keeps the retry for the test. */
    static RecordingScheduler manual() {
      return new RecordingScheduler(false);
    }

    @Override
    public void schedule(Runnable attempt, long delayMs) {
      delays.add(delayMs);
      if (runAtOnce) {
        attempt.run();
      } else {
        pending.add(attempt);
      }
    }

    /** The next retry the client scheduled; fails instead of waiting forever. */
    Runnable nextPending() {
      try {
        Runnable attempt = pending.poll(20, TimeUnit.SECONDS);
        assertThat(attempt).as("a retry was scheduled").isNotNull();
        return attempt;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  /**
   * Holds every request until {@link #release} opens, then answers it with {@code answer}.
   * {@link #arrived} counts the requests that reached it. A held request is answered 503 after a
   * bound, so that a failed test never hangs the server's close.
   */
  static final class Gate extends Dispatcher {
    final CountDownLatch release = new CountDownLatch(1);
    final BlockingQueue<RecordedRequest> arrived = new LinkedBlockingQueue<>();
    private final Function<RecordedRequest, MockResponse> answer;

    Gate(Function<RecordedRequest, MockResponse> answer) {
      this.answer = answer;
    }

    Gate(MockResponse answer) {
      this(request -> answer);
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
      arrived.add(request);
      if (!release.await(60, TimeUnit.SECONDS)) {
        return new MockResponse.Builder().code(503).body("{\"error\":\"never released\"}").build();
      }
      return answer.apply(request);
    }

    /** Waits until a request is held here; fails instead of waiting forever. */
    RecordedRequest awaitArrival() {
      try {
        RecordedRequest request = arrived.poll(20, TimeUnit.SECONDS);
        assertThat(request).as("a request reached the server").isNotNull();
        return request;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  /**
   * A body without a length: {@code first}, then JSON whitespace every few milliseconds, until the
   * client goes away ({@link #clientGone}) or {@link #release} opens. A JSON reader never finishes
   * it, and the server notices when the client has closed the connection.
   */
  static class TricklingBody implements MockResponseBody {
    final CountDownLatch clientGone = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    private final String first;
    private final String filler;

    TricklingBody(String first) {
      this(first, " \n");
    }

    TricklingBody(String first, String filler) {
      this.first = first;
      this.filler = filler;
    }

    @Override
    public long getContentLength() {
      return -1;
    }

    @Override
    public void writeTo(BufferedSink sink) throws IOException {
      try {
        sink.writeUtf8(first);
        sink.flush();
        while (!release.await(5, TimeUnit.MILLISECONDS)) {
          sink.writeUtf8(filler);
          sink.flush();
        }
      } catch (IOException e) {
        clientGone.countDown();
        throw e;
      } catch (InterruptedException e) {
        throw new InterruptedIOException();
      }
    }

    /** A 200 JSON answer with this body, read until the connection closes. */
    MockResponse response() {
      return new MockResponse.Builder()
          .setHeader("Content-Type", "application/json")
          .body(this)
          .removeHeader("Content-Length")
          .build();
    }
  }

  private WireFixtures() {}

  /** A builder aimed at {@code server}, with a sleeper that never sleeps. */
  static StagehandOkHttpClient.Builder builderFor(MockWebServer server) {
    return StagehandOkHttpClient.builder()
        .baseUrl(server.url("/").toString())
        .sleeper(new RecordingSleeper());
  }

  /** A 200 answer with a JSON body. */
  static MockResponse json(String body) {
    return json(200, body);
  }

  static MockResponse json(int code, String body) {
    return new MockResponse.Builder()
        .code(code)
        .addHeader("Content-Type", "application/json; charset=utf-8")
        .body(body)
        .build();
  }

  /** The next request the server received; fails instead of waiting forever. */
  static RecordedRequest take(MockWebServer server) {
    try {
      RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
      assertThat(request).as("a request reached the server").isNotNull();
      return request;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** The value of a future that must complete soon; fails instead of waiting forever. */
  static <T> T await(java.util.concurrent.Future<T> future) {
    try {
      return future.get(20, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new AssertionError("the future failed", e.getCause());
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("the future did not complete in 20 s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /**
   * The exception a future that must fail soon failed with, unwrapped from the {@code
   * ExecutionException} of {@code get()}; fails when the future succeeds or takes too long.
   */
  static Throwable failureOf(java.util.concurrent.Future<?> future) {
    try {
      Object value = future.get(20, TimeUnit.SECONDS);
      throw new AssertionError("the future succeeded with " + value);
    } catch (java.util.concurrent.ExecutionException e) {
      return e.getCause();
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("the future did not complete in 20 s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** {@code json} read as {@code type} the way the client reads responses. */
  static <T> T parse(String json, Class<T> type) {
    try {
      return Json.MAPPER.readValue(json, type);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode tree(String json) {
    try {
      return Json.MAPPER.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The request body as text; empty when there was none. */
  static String bodyText(RecordedRequest request) {
    return request.getBody() == null ? "" : request.getBody().string(StandardCharsets.UTF_8);
  }

  static JsonNode bodyTree(RecordedRequest request) {
    return tree(bodyText(request));
  }

  /**
   * An OkHttpClient whose application interceptor hands {@code onCall} each chain and answers
   * {@code body} with 200 without touching the network.
   */
  static OkHttpClient cannedHttp(String body, Consumer<Interceptor.Chain> onCall) {
    return new OkHttpClient.Builder()
        .addInterceptor(chain -> {
          onCall.accept(chain);
          return new Response.Builder()
              .request(chain.request())
              .protocol(Protocol.HTTP_1_1)
              .code(200)
              .message("OK")
              .body(ResponseBody.create(body, MediaType.get("application/json")))
              .build();
        })
        .build();
  }

  static final String START_OK = """
      {"success":true,"data":{"sessionId":"s-1","available":true}}""";
  static final String ACT_OK = """
      {"success":true,"data":{"result":{"success":true,"message":"done","actionDescription":"clicked","actions":[]}}}""";
  static final String AGENT_OK = """
      {"success":true,"data":{"result":{"success":true,"message":"done","actions":[],"completed":true}}}""";
  static final String NAVIGATE_OK = """
      {"success":true,"data":{"result":null}}""";
  static final String EXTRACT_OK = """
      {"success":true,"data":{"result":{}}}""";
  static final String REPLAY_OK = """
      {"success":true,"data":{"pages":[]}}""";
  static final String OBSERVE_OK = """
      {"success":true,"data":{"result":[{"selector":"#login","description":"Login button"}]}}""";
  static final String END_OK = """
      {"success":true}""";
}
