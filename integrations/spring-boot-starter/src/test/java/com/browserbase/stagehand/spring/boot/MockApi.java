package com.browserbase.stagehand.spring.boot;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/** A MockWebServer answering as the Stagehand API, for one test; close it in {@code @AfterEach}. */
final class MockApi implements AutoCloseable {
  static final String STARTED = "{\"success\":true,\"data\":{\"sessionId\":\"s-1\",\"available\":true}}";
  private final MockWebServer server = new MockWebServer();

  MockApi() {
    try {
      server.start();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The server's URL, for {@code stagehand.base-url}. */
  String url() {
    return server.url("/").toString();
  }

  /** The next answer: {@code status} with {@code json}. */
  void answer(int status, String json) {
    answer(new MockResponse.Builder().code(status).setHeader("content-type", "application/json").body(json).build());
  }

  /** The next answer, as it is. */
  void answer(MockResponse response) {
    server.enqueue(response);
  }

  /** The next request the client sent; fails when none comes within 5 s. */
  RecordedRequest take() {
    try {
      RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
      if (request == null) {
        throw new AssertionError("No request was sent");
      }
      return request;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** How many requests the server has had. */
  int requestCount() {
    return server.getRequestCount();
  }

  @Override
  public void close() {
    server.close();
  }
}
