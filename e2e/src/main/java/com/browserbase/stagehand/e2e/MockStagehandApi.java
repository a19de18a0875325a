package com.browserbase.stagehand.e2e;

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

/**
 * For the integrations' unit tests: a MockWebServer answering as the Stagehand API, and a client on it (no
 * retries), started before each test and closed after it, whatever happened. Register it with
 * {@code @RegisterExtension final MockStagehandApi api = new MockStagehandApi();}, then {@link #open()} a session,
 * {@link #answer} what the server says and {@link #takeBody()} what the client sent.
 */
public final class MockStagehandApi implements BeforeEachCallback, AfterEachCallback {
  /** The model key the client sends: a test can check that it shows nowhere. */
  public static final String MODEL_API_KEY = "sk-mock-secret-0123456789";
  private static final ObjectMapper JSON = new ObjectMapper();
  private MockWebServer server;
  private StagehandClient client;

  @Override
  public void beforeEach(ExtensionContext context) throws IOException {
    server = new MockWebServer();
    server.start();
    client = StagehandOkHttpClient.builder().baseUrl(server.url("/").toString()).modelApiKey(MODEL_API_KEY)
        .maxRetries(0).build();
  }

  @Override
  public void afterEach(ExtensionContext context) throws IOException {
    try {
      for (int i = 0; i < client.sessions().opened().size(); i++) {
        answer("{\"success\":true}");
      }
      client.close();
    } finally {
      server.close();
    }
  }

  /** The client, on the mock server. */
  public StagehandClient client() {
    return client;
  }

  /** Opens a session {@code s-1}, and takes its start request. */
  public StagehandSession open() {
    answer("{\"success\":true,\"data\":{\"sessionId\":\"s-1\",\"available\":true}}");
    StagehandSession session = client.sessions().open(SessionStartParams.builder().modelName("m").build());
    take();
    return session;
  }

  /** The next answer: 200 with {@code json}. */
  public void answer(String json) {
    answer(200, json);
  }

  /** The next answer: {@code status} (with its usual reason phrase, as real servers send it) with {@code json}. */
  public void answer(int status, String json) {
    answer(new MockResponse.Builder().status("HTTP/1.1 " + status + " " + reason(status))
        .setHeader("content-type", "application/json").body(json).build());
  }

  private static String reason(int status) {
    switch (status) {
      case 200: return "OK";
      case 400: return "Bad Request";
      case 401: return "Unauthorized";
      case 403: return "Forbidden";
      case 404: return "Not Found";
      case 422: return "Unprocessable Entity";
      case 429: return "Too Many Requests";
      case 500: return "Internal Server Error";
      case 503: return "Service Unavailable";
      default: return "Status";
    }
  }

  /** The next answer, as it is (delays, broken connections, ...). */
  public void answer(MockResponse response) {
    server.enqueue(response);
  }

  /** The next request the client sent; fails when none comes within 5 s. */
  public RecordedRequest take() {
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

  /** The body of the next request, as JSON. */
  public JsonNode takeBody() {
    RecordedRequest request = take();
    try {
      return JSON.readTree(request.getBody() == null ? "{}" : request.getBody().utf8());
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /** The number of requests the server has received. */
  public int requestCount() {
    return server.getRequestCount();
  }
}
