package com.browserbase.stagehand.client;

import java.io.IOException;
import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.Consumer;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A MockWebServer and the clients aimed at it, for each test. The server starts before the test's
 * {@code @BeforeEach} methods; after its {@code @AfterEach} methods the clients and everything given
 * to {@link #closeAfter} close, newest first, then the server, also when the test or a close fails.
 *
 * <pre>{@code
 * @RegisterExtension
 * final MockStagehand mock = MockStagehand.withClient(b -> b.maxRetries(0));
 *
 * @Test
 * void actPostsToTheSession() {
 *   mock.enqueue(WireFixtures.ACT_OK);
 *   mock.client().sessions().act(SessionActParams.builder().id("s-1").input("click").build());
 *   assertThat(mock.take().getTarget()).isEqualTo("/v1/sessions/s-1/act");
 * }
 * }</pre>
 *
 * <p>Each client's builder starts as {@link WireFixtures#builderFor} makes it (the server's URL, a
 * sleeper that never sleeps), then takes the settings given to {@link #withClient}. It lives in this
 * package because the builder's sleeper, scheduler and clock are package-private.
 */
final class MockStagehand implements BeforeEachCallback, AfterEachCallback {
  private final Consumer<StagehandOkHttpClient.Builder> settings;
  private final Deque<AutoCloseable> toClose = new ConcurrentLinkedDeque<>();
  private MockWebServer server;
  private StagehandClient client;

  private MockStagehand(Consumer<StagehandOkHttpClient.Builder> settings) {
    this.settings = settings;
  }

  /** Clients with the defaults of {@link WireFixtures#builderFor} alone. */
  static MockStagehand create() {
    return withClient(b -> {});
  }

  /** Clients built with {@code settings} applied after the defaults; they run at every build. */
  static MockStagehand withClient(Consumer<StagehandOkHttpClient.Builder> settings) {
    return new MockStagehand(settings);
  }

  @Override
  public void beforeEach(ExtensionContext context) throws IOException {
    server = new MockWebServer();
    server.start();
  }

  @Override
  public void afterEach(ExtensionContext context) throws Exception {
    Throwable failure = null;
    for (AutoCloseable closeable; (closeable = toClose.pollFirst()) != null; ) {
      failure = close(closeable, failure);
    }
    if (server != null) {
      failure = close(server, failure);
    }
    client = null;
    server = null;
    if (failure instanceof Error) {
      throw (Error) failure;
    }
    if (failure != null) {
      throw (Exception) failure;
    }
  }

  private static Throwable close(AutoCloseable closeable, Throwable failure) {
    try {
      closeable.close();
      return failure;
    } catch (Exception | Error e) {
      if (failure == null) {
        return e;
      }
      failure.addSuppressed(e);
      return failure;
    }
  }

  /** The server, started for this test. */
  MockWebServer server() {
    if (server == null) {
      throw new IllegalStateException("No test is running: register MockStagehand with @RegisterExtension");
    }
    return server;
  }

  /** The test's client, built on first use with the settings. */
  synchronized StagehandClient client() {
    if (client == null) {
      client = newClient(b -> {});
    }
    return client;
  }

  /** The asynchronous view of {@link #client()}. */
  StagehandClientAsync async() {
    return client().async();
  }

  /** Another client: the settings, then {@code change}. Closed after the test. */
  StagehandClient newClient(Consumer<StagehandOkHttpClient.Builder> change) {
    StagehandOkHttpClient.Builder builder = WireFixtures.builderFor(server());
    settings.accept(builder);
    change.accept(builder);
    return closeAfter(builder.build());
  }

  /** Closes {@code closeable} after the test, before what was registered or built earlier; returns it. */
  <T extends AutoCloseable> T closeAfter(T closeable) {
    toClose.addFirst(closeable);
    return closeable;
  }

  /** Answers the next request with 200 and the JSON {@code body}. */
  void enqueue(String body) {
    server().enqueue(WireFixtures.json(body));
  }

  /** Answers the next request with {@code code} and the JSON {@code body}. */
  void enqueue(int code, String body) {
    server().enqueue(WireFixtures.json(code, body));
  }

  /** The next request the server received; fails after 5 s instead of waiting forever. */
  RecordedRequest take() {
    return WireFixtures.take(server());
  }
}
