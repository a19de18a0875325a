package com.browserbase.stagehand.playwright;

import com.browserbase.stagehand.client.StagehandClient;
import com.browserbase.stagehand.client.StagehandOkHttpClient;
import com.browserbase.stagehand.client.StagehandSession;
import com.browserbase.stagehand.models.sessions.SessionStartParams;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** A MockWebServer answering as the Stagehand API, and a client on it, for each test; both closed after it. */
final class MockSessions implements BeforeEachCallback, AfterEachCallback {
  private static final ObjectMapper JSON = new ObjectMapper();
  private MockWebServer server;
  private StagehandClient client;

  @Override
  public void beforeEach(ExtensionContext context) throws IOException {
    server = new MockWebServer();
    server.start();
    client = StagehandOkHttpClient.builder().baseUrl(server.url("/").toString()).modelApiKey("sk-test")
        .maxRetries(0).build();
  }

  @Override
  public void afterEach(ExtensionContext context) throws IOException {
    for (int i = 0; i < client.sessions().opened().size(); i++) {
      answer("{\"success\":true}");
    }
    client.close();
    server.close();
  }

  /** Opens a session whose start answers {@code cdpUrl} ({@code null}: none), and takes the start request. */
  StagehandSession open(String cdpUrl) {
    answer("{\"success\":true,\"data\":{\"sessionId\":\"s-1\",\"available\":true"
        + (cdpUrl == null ? "" : ",\"cdpUrl\":\"" + cdpUrl + "\"") + "}}");
    StagehandSession session = client.sessions().open(SessionStartParams.builder().modelName("m").build());
    take();
    return session;
  }

  void answer(String json) {
    server.enqueue(new MockResponse.Builder().setHeader("content-type", "application/json").body(json).build());
  }

  /** The next request's path and body ({@code path body}). */
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

  JsonNode takeBody() {
    try {
      return JSON.readTree(take().getBody().utf8());
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  static JsonNode tree(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
