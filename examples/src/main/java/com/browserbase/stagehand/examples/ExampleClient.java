package com.browserbase.stagehand.examples;

import com.browserbase.stagehand.client.StagehandClient;
import com.browserbase.stagehand.client.StagehandClientAsync;
import com.browserbase.stagehand.client.StagehandOkHttpClient;
import com.browserbase.stagehand.services.SessionService;
import java.util.function.Consumer;

/**
 * How the examples get their client. In your own code, write {@code StagehandOkHttpClient.fromEnv()}
 * (or use {@code StagehandOkHttpClient.builder()}); this class only adds a fallback so that the
 * examples run out of the box:
 *
 * <ul>
 *   <li>a server is configured ({@code STAGEHAND_BASE_URL}, {@code STAGEHAND_API_URL}, {@code
 *       -Dstagehand.baseUrl}, or {@code BROWSERBASE_API_KEY} / {@code -Dstagehand.browserbaseApiKey}
 *       for the hosted API): the client is {@code StagehandOkHttpClient.fromEnv()};
 *   <li>nothing is configured: a {@link DemoServer} is started in this process and the client talks
 *       to it; closing the client stops it.
 * </ul>
 */
public final class ExampleClient implements StagehandClient {
  private final StagehandClient client;
  private final DemoServer demo;

  private ExampleClient(StagehandClient client, DemoServer demo) {
    this.client = client;
    this.demo = demo;
  }

  /** The configured server's client, or else a client of a new demo server. Close it when done. */
  public static StagehandClient create() {
    return create(builder -> { });
  }

  /** {@link #create()}, with more settings made by {@code configure} (an action cache, a timeout, ...). */
  public static StagehandClient create(Consumer<StagehandOkHttpClient.Builder> configure) {
    StagehandOkHttpClient.Builder builder = StagehandOkHttpClient.builder().fromEnv();
    configure.accept(builder);
    if (serverConfigured()) {
      return builder.build();
    }
    DemoServer demo = DemoServer.start();
    try {
      return new ExampleClient(builder.baseUrl(demo.baseUrl()).build(), demo);
    } catch (RuntimeException e) {
      demo.close();
      throw e;
    }
  }

  private static boolean serverConfigured() {
    return isSet(System.getProperty("stagehand.baseUrl"))
        || isSet(System.getenv("STAGEHAND_BASE_URL"))
        || isSet(System.getenv("STAGEHAND_API_URL"))
        || isSet(System.getProperty("stagehand.browserbaseApiKey"))
        || isSet(System.getenv("BROWSERBASE_API_KEY"));
  }

  private static boolean isSet(String value) {
    return value != null && !value.trim().isEmpty();
  }

  @Override
  public SessionService sessions() {
    return client.sessions();
  }

  @Override
  public String baseUrl() {
    return client.baseUrl();
  }

  @Override
  public StagehandClientAsync async() {
    return client.async();
  }

  @Override
  public StagehandClient withOptions(Consumer<StagehandOkHttpClient.Builder> change) {
    return client.withOptions(change);
  }

  /** Closes the client, then stops the demo server. */
  @Override
  public void close() {
    try {
      client.close();
    } finally {
      demo.close();
    }
  }

  @Override
  public String toString() {
    return client + " (demo server)";
  }
}
