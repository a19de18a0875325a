package com.browserbase.stagehand.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.browserbase.stagehand.core.http.StreamResponse;
import com.browserbase.stagehand.models.sessions.SessionActParams;
import com.browserbase.stagehand.models.sessions.SessionObserveParams;
import com.browserbase.stagehand.models.sessions.SessionObserveResponse;
import com.browserbase.stagehand.models.sessions.StreamEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** One shared client serves many slow calls at once: none waits in a queue behind the others. */
class ConcurrencyTest {
  private static final int CALLS = 50;
  /** How long the server holds a request waiting for the others; longer than any test allows. */
  private static final long HOLD_SECONDS = 20;

  @RegisterExtension
  final MockStagehand mock = MockStagehand.withClient(b -> b.maxRetries(0));
  private MockWebServer server;
  private StagehandClient client;
  private ExecutorService threads;

  @BeforeEach
  void start() {
    server = mock.server();
    client = mock.client();
    threads = Executors.newFixedThreadPool(CALLS);
  }

  @AfterEach
  void stopThreads() throws Exception {
    threads.shutdownNow();
    threads.awaitTermination(HOLD_SECONDS + 5, TimeUnit.SECONDS);
  }

  /**
   * Holds every request until {@code expected} requests are inside at the same time, then answers
   * each; answers 503 to a request that waited {@link #HOLD_SECONDS} in vain.
   */
  static final class Rendezvous extends Dispatcher {
    final CountDownLatch arrived;
    final AtomicInteger inside = new AtomicInteger();
    final AtomicInteger peak = new AtomicInteger();
    final Set<String> bodies = ConcurrentHashMap.newKeySet();
    private final String okBody;
    private final String contentType;

    Rendezvous(int expected, String contentType, String okBody) {
      this.arrived = new CountDownLatch(expected);
      this.contentType = contentType;
      this.okBody = okBody;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
      peak.accumulateAndGet(inside.incrementAndGet(), Math::max);
      bodies.add(request.getBody().utf8());
      try {
        arrived.countDown();
        if (!arrived.await(HOLD_SECONDS, TimeUnit.SECONDS)) {
          return new MockResponse.Builder().code(503).body("{\"error\":\"only " + peak.get() + " arrived\"}").build();
        }
        return new MockResponse.Builder().setHeader("Content-Type", contentType).body(okBody).build();
      } finally {
        inside.decrementAndGet();
      }
    }
  }

  private <T> List<T> runConcurrently(int count, java.util.function.IntFunction<T> call) throws Exception {
    List<Callable<T>> tasks = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int index = i;
      tasks.add(() -> call.apply(index));
    }
    List<Future<T>> futures = threads.invokeAll(tasks);
    List<T> results = new ArrayList<>();
    for (Future<T> future : futures) {
      results.add(future.get());
    }
    return results;
  }

  @Test
  void fiftySlowBlockingCallsOnOneClientAllReachTheServerAtTheSameTime() {
    Rendezvous rendezvous = new Rendezvous(CALLS, "application/json", "{\"success\":true,\"data\":{\"result\":[]}}");
    server.setDispatcher(rendezvous);

    List<SessionObserveResponse> responses = assertTimeoutPreemptively(Duration.ofSeconds(15), () ->
        runConcurrently(CALLS, i -> client.sessions().observe(
            SessionObserveParams.builder().id("sess-" + i).instruction("find button " + i).build())));

    assertThat(responses).hasSize(CALLS).allSatisfy(r -> assertThat(r.success()).isTrue());
    assertThat(rendezvous.peak.get()).isEqualTo(CALLS);
    assertThat(server.getRequestCount()).isEqualTo(CALLS);
    assertThat(rendezvous.bodies).hasSize(CALLS);
  }

  @Test
  void fiftyOpenStreamsOnOneClientAllReachTheServerAtTheSameTime() {
    String events = "event: finished\ndata: {\"data\":{\"status\":\"finished\",\"result\":{\"ok\":true}},"
        + "\"type\":\"system\",\"id\":\"e1\"}\n\n";
    Rendezvous rendezvous = new Rendezvous(CALLS, "text/event-stream", events);
    server.setDispatcher(rendezvous);

    List<List<String>> ids = assertTimeoutPreemptively(Duration.ofSeconds(15), () ->
        runConcurrently(CALLS, i -> {
          try (StreamResponse<StreamEvent> stream = client.sessions().actStreaming(
              SessionActParams.builder().id("sess-" + i).input("click " + i).build())) {
            return stream.stream().map(StreamEvent::id).collect(Collectors.toList());
          }
        }));

    assertThat(ids).hasSize(CALLS).allSatisfy(list -> assertThat(list).containsExactly("e1"));
    assertThat(rendezvous.peak.get()).isEqualTo(CALLS);
  }

  @Test
  void derivedClientsShareThePoolsWithoutLimitingConcurrency() {
    Rendezvous rendezvous = new Rendezvous(CALLS, "application/json", "{\"success\":true,\"data\":{\"result\":[]}}");
    server.setDispatcher(rendezvous);
    List<StagehandClient> derived = new ArrayList<>();
    for (int i = 0; i < CALLS; i++) {
      derived.add(client.withOptions(b -> b.timeout(Duration.ofSeconds(30))));
    }

    List<SessionObserveResponse> responses = assertTimeoutPreemptively(Duration.ofSeconds(15), () ->
        runConcurrently(CALLS, i -> derived.get(i).sessions().observe(
            SessionObserveParams.builder().id("sess-" + i).instruction("find").build())));

    assertThat(responses).allSatisfy(r -> assertThat(r.success()).isTrue());
    assertThat(rendezvous.peak.get()).isEqualTo(CALLS);
    derived.forEach(StagehandClient::close);
  }
}
