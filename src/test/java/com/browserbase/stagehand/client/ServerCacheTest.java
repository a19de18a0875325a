package com.browserbase.stagehand.client;

import static com.browserbase.stagehand.client.WireFixtures.ACT_OK;
import static com.browserbase.stagehand.client.WireFixtures.json;
import static com.browserbase.stagehand.client.WireFixtures.take;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.browserbase.stagehand.core.RequestOptions;
import com.browserbase.stagehand.core.http.HttpResponseFor;
import com.browserbase.stagehand.core.http.StreamResponse;
import com.browserbase.stagehand.errors.StagehandInvalidDataException;
import com.browserbase.stagehand.models.sessions.SessionActParams;
import com.browserbase.stagehand.models.sessions.SessionActResponse;
import com.browserbase.stagehand.models.sessions.StreamEvent;
import com.browserbase.stagehand.models.sessions.StreamEventData;
import com.browserbase.stagehand.models.sessions.StreamEventStatus;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The hosted API's server-side cache of results: bypassing it per call, and reading whether it
 * answered (the response header, and {@code cacheHit} on a stream's finished event).
 */
class ServerCacheTest {
  private static final String BYPASS = "browserbase-cache-bypass";
  private static final String FINISHED = "event: finished\ndata: {\"data\":{\"status\":\"finished\","
      + "\"result\":{\"success\":true,\"message\":\"done\"}},\"type\":\"system\",\"id\":\"e1\"}\n\n";

  @RegisterExtension
  final MockStagehand mock = MockStagehand.withClient(b -> b.maxRetries(0));
  private MockWebServer server;
  private StagehandClient client;

  @BeforeEach
  void useMock() {
    server = mock.server();
    client = mock.client();
  }

  private static SessionActParams params() {
    return SessionActParams.builder().id("sess-1").input("click the login button").build();
  }

  private static MockResponse sse(String body) {
    return new MockResponse.Builder().setHeader("Content-Type", "text/event-stream").body(body).build();
  }

  private List<StreamEvent> actStreaming(RequestOptions options) {
    try (StreamResponse<StreamEvent> events = client.sessions().actStreaming(params(), options)) {
      return events.stream().collect(Collectors.toList());
    }
  }

  @Test
  void cacheBypassSendsTheBypassHeaderOnABlockingCall() {
    server.enqueue(json(ACT_OK));

    client.sessions().act(params(), RequestOptions.builder().cacheBypass(true).build());

    assertThat(take(server).getHeaders().values(BYPASS)).containsExactly("true");
  }

  @Test
  void cacheBypassSendsTheBypassHeaderOnAStreamingCall() {
    server.enqueue(sse(FINISHED));

    assertThat(actStreaming(RequestOptions.builder().cacheBypass(true).build())).hasSize(1);

    RecordedRequest request = take(server);
    assertThat(request.getHeaders().get("x-stream-response")).isEqualTo("true");
    assertThat(request.getHeaders().values(BYPASS)).containsExactly("true");
  }

  @Test
  void withoutCacheBypassNoBypassHeaderIsSent() {
    server.enqueue(json(ACT_OK));
    server.enqueue(json(ACT_OK));

    client.sessions().act(params());
    client.sessions().act(params(), RequestOptions.builder().cacheBypass(false).maxRetries(0).build());

    assertThat(take(server).getHeaders().values(BYPASS)).isEmpty();
    assertThat(take(server).getHeaders().values(BYPASS)).isEmpty();
  }

  @Test
  void aBypassHeaderAlsoPutByHandIsSentOnceWithTheValueTrue() {
    server.enqueue(json(ACT_OK));
    server.enqueue(sse(FINISHED));
    RequestOptions options = RequestOptions.builder()
        .putHeader(BYPASS, "true")
        .putHeader("Browserbase-Cache-Bypass", "false")
        .cacheBypass(true)
        .putHeader("x-other", "kept")
        .build();

    client.sessions().act(params(), options);
    actStreaming(options);

    for (int i = 0; i < 2; i++) {
      RecordedRequest request = take(server);
      assertThat(request.getHeaders().values(BYPASS)).containsExactly("true");
      assertThat(request.getHeaders().values("x-other")).containsExactly("kept");
    }
  }

  @Test
  void requestOptionsReportCacheBypass() {
    RequestOptions bypassing = RequestOptions.builder().cacheBypass(true).build();

    assertThat(bypassing.cacheBypass()).isTrue();
    assertThat(bypassing.headers()).containsEntry(BYPASS, List.of("true"));
    assertThat(bypassing.toString()).contains("cacheBypass=true");
    assertThat(RequestOptions.none().cacheBypass()).isFalse();
    assertThat(RequestOptions.none().headers()).isEmpty();
    assertThat(RequestOptions.none().toString()).contains("cacheBypass=false");
  }

  @Test
  void theCacheStatusOfAnAnswerIsReadFromTheRawResponse() {
    server.enqueue(new MockResponse.Builder(json(ACT_OK)).setHeader("Browserbase-Cache-Status", "HIT").build());

    HttpResponseFor<SessionActResponse> raw = client.sessions().withRawResponse().act(params());

    assertThat(raw.headers().get("browserbase-cache-status")).containsExactly("HIT");
    assertThat(raw.parse().data().result().success()).isTrue();
  }

  @Test
  void aFinishedEventSaysWhetherItsResultCameFromTheCache() {
    server.enqueue(sse("event: finished\ndata: {\"data\":{\"status\":\"finished\",\"result\":{\"success\":true},"
        + "\"cacheHit\":true},\"type\":\"system\",\"id\":\"e1\"}\n\n"));
    server.enqueue(sse("event: finished\ndata: {\"data\":{\"status\":\"finished\",\"result\":{\"success\":true},"
        + "\"cacheHit\":false},\"type\":\"system\",\"id\":\"e1\"}\n\n"));
    server.enqueue(sse(FINISHED));

    StreamEventData hit = actStreaming(RequestOptions.none()).get(0).data();
    StreamEventData miss = actStreaming(RequestOptions.none()).get(0).data();
    StreamEventData unsaid = actStreaming(RequestOptions.none()).get(0).data();

    assertThat(hit.cacheHit()).contains(true);
    assertThat(hit.additionalProperties()).isEmpty();
    assertThat(hit.toString()).contains("cacheHit=true");
    assertThat(miss.cacheHit()).contains(false);
    assertThat(unsaid.cacheHit()).isEmpty();
    assertThat(hit).isEqualTo(StreamEventData.builder()
        .status(StreamEventStatus.FINISHED).result(Map.of("success", true)).cacheHit(true).build());
    assertThat(hit.toBuilder().build()).isEqualTo(hit).hasSameHashCodeAs(hit);
    assertThat(hit).isNotEqualTo(hit.toBuilder().cacheHit(false).build());
  }

  @Test
  void aValidatedStreamRejectsACacheHitThatIsNotABoolean() {
    server.enqueue(sse("event: finished\ndata: {\"data\":{\"status\":\"finished\",\"result\":{},"
        + "\"cacheHit\":\"yes\"},\"type\":\"system\",\"id\":\"e1\"}\n\n"));

    assertThatThrownBy(() -> actStreaming(RequestOptions.builder().responseValidation(true).build()))
        .isInstanceOf(StagehandInvalidDataException.class)
        .hasMessageContaining("data.cacheHit");
  }
}
