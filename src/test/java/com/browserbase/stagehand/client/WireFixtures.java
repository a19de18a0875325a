package com.browserbase.stagehand.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.browserbase.stagehand.internal.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Response;
import okhttp3.ResponseBody;

/** Shared helpers of the wire tests: clients pointed at a MockWebServer, canned responses, JSON trees. */
final class WireFixtures {
  /** Delays the client asked its sleeper for; tests never really sleep. */
  static final class RecordingSleeper implements com.browserbase.stagehand.internal.Sleeper {
    final List<Long> sleeps = new CopyOnWriteArrayList<>();

    @Override
    public void sleep(long millis) {
      sleeps.add(millis);
    }
  }

  private WireFixtures() {}

  /** A builder aimed at {@code server}, with a sleeper that never sleeps. */
  static StagehandOkHttpClient.Builder builderFor(MockWebServer server) {
    return StagehandOkHttpClient.builder()
        .baseUrl(server.url("/").toString())
        .sleeper(new RecordingSleeper());
  }

  static StagehandClient clientFor(MockWebServer server, Consumer<StagehandOkHttpClient.Builder> change) {
    StagehandOkHttpClient.Builder builder = builderFor(server);
    change.accept(builder);
    return builder.build();
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
  static final String END_OK = """
      {"success":true}""";
}
