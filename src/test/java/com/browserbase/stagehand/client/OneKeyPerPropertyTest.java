package com.browserbase.stagehand.client;

import static com.browserbase.stagehand.client.WireFixtures.ACT_OK;
import static com.browserbase.stagehand.client.WireFixtures.bodyText;
import static com.browserbase.stagehand.client.WireFixtures.bodyTree;
import static com.browserbase.stagehand.client.WireFixtures.json;
import static com.browserbase.stagehand.client.WireFixtures.parse;
import static com.browserbase.stagehand.client.WireFixtures.take;
import static com.browserbase.stagehand.client.WireFixtures.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.browserbase.stagehand.core.http.StreamResponse;
import com.browserbase.stagehand.models.sessions.ActOptions;
import com.browserbase.stagehand.models.sessions.SessionActParams;
import com.browserbase.stagehand.models.sessions.SessionExecuteAgentParams;
import com.browserbase.stagehand.models.sessions.SessionExtractParams;
import com.browserbase.stagehand.models.sessions.SessionNavigateParams;
import com.browserbase.stagehand.models.sessions.SessionObserveParams;
import com.browserbase.stagehand.models.sessions.StreamEvent;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A request body holds each key once: an additional body property named like a modelled one is
 * sent instead of it, and {@code streamResponse} is only ever the streaming methods' own.
 */
class OneKeyPerPropertyTest {
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

  private static MockResponse sse(String body) {
    return new MockResponse.Builder().setHeader("Content-Type", "text/event-stream").body(body).build();
  }

  /** How many times {@code "key":} occurs in a JSON text. */
  private static int occurrences(String json, String key) {
    Matcher matcher = Pattern.compile("\"" + Pattern.quote(key) + "\"\\s*:").matcher(json);
    int count = 0;
    while (matcher.find()) {
      count++;
    }
    return count;
  }

  /** Params whose extras repeat a modelled name at the top level and in a nested object. */
  private static SessionActParams overridingParams() {
    return SessionActParams.builder()
        .id("sess-1")
        .input("a")
        .putAdditionalBodyProperty("input", "b")
        .options(ActOptions.builder().timeout(5).putAdditionalProperty("timeout", 9).build())
        .build();
  }

  private void streamAct(SessionActParams params) {
    server.enqueue(sse(FINISHED));
    try (StreamResponse<StreamEvent> events = client.sessions().actStreaming(params)) {
      assertThat(events.stream().count()).isEqualTo(1);
    }
  }

  @Test
  void anAdditionalBodyPropertyNamedLikeAModelledOneIsSentOnceInsteadOfIt() {
    server.enqueue(json(ACT_OK));

    client.sessions().act(overridingParams());

    RecordedRequest request = take(server);
    assertThat(bodyTree(request)).isEqualTo(tree("""
        {"input":"b","options":{"timeout":9}}"""));
    String text = bodyText(request);
    assertThat(occurrences(text, "input")).as(text).isEqualTo(1);
    assertThat(occurrences(text, "timeout")).as(text).isEqualTo(1);
    assertThat(occurrences(text, "streamResponse")).as(text).isZero();
  }

  @Test
  void aStreamingCallSendsEachKeyOnceWithStreamResponseTrue() {
    streamAct(overridingParams());

    RecordedRequest request = take(server);
    assertThat(bodyTree(request)).isEqualTo(tree("""
        {"input":"b","options":{"timeout":9},"streamResponse":true}"""));
    String text = bodyText(request);
    assertThat(occurrences(text, "input")).as(text).isEqualTo(1);
    assertThat(occurrences(text, "timeout")).as(text).isEqualTo(1);
    assertThat(occurrences(text, "streamResponse")).as(text).isEqualTo(1);
  }

  @Test
  void extrasThatNameNoModelledPropertyAreSentBesideTheModelledOnes() {
    server.enqueue(json(ACT_OK));

    client.sessions().act(SessionActParams.builder()
        .id("sess-1")
        .input("a")
        .putAdditionalBodyProperty("future", 1)
        .options(ActOptions.builder().timeout(5).putAdditionalProperty("later", true).build())
        .build());

    assertThat(bodyTree(take(server))).isEqualTo(tree("""
        {"input":"a","options":{"timeout":5,"later":true},"future":1}"""));
  }

  /** The five operations that can stream, with a builder of their params. */
  enum Streamable {
    NAVIGATE("navigate", (name, value) -> SessionNavigateParams.builder().putAdditionalBodyProperty(name, value),
        (name, value) -> SessionNavigateParams.builder().putAdditionalProperty(name, value)),
    ACT("act", (name, value) -> SessionActParams.builder().putAdditionalBodyProperty(name, value),
        (name, value) -> SessionActParams.builder().putAdditionalProperty(name, value)),
    OBSERVE("observe", (name, value) -> SessionObserveParams.builder().putAdditionalBodyProperty(name, value),
        (name, value) -> SessionObserveParams.builder().putAdditionalProperty(name, value)),
    EXTRACT("extract", (name, value) -> SessionExtractParams.builder().putAdditionalBodyProperty(name, value),
        (name, value) -> SessionExtractParams.builder().putAdditionalProperty(name, value)),
    EXECUTE_AGENT("executeAgent",
        (name, value) -> SessionExecuteAgentParams.builder().putAdditionalBodyProperty(name, value),
        (name, value) -> SessionExecuteAgentParams.builder().putAdditionalProperty(name, value));

    final String method;
    final BiConsumer<String, Object> putBody;
    final BiConsumer<String, Object> put;

    Streamable(String method, BiConsumer<String, Object> putBody, BiConsumer<String, Object> put) {
      this.method = method;
      this.putBody = putBody;
      this.put = put;
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Streamable.class)
  void streamResponseCannotBeSetAsABodyPropertyTheMethodDecides(Streamable operation) {
    String message = "streamResponse cannot be set as a body property: the method called decides whether the"
        + " answer streams; call " + operation.method + "Streaming(...) instead of " + operation.method + "(...)";

    assertThatThrownBy(() -> operation.putBody.accept("streamResponse", true))
        .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    assertThatThrownBy(() -> operation.put.accept("streamResponse", false))
        .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
  }

  /** Act params read from JSON that carried a {@code streamResponse} of their own. */
  private static SessionActParams readWithStreamResponse() {
    SessionActParams read = parse("""
        {"input":"click","streamResponse":"sometimes","other":1}""", SessionActParams.class);
    assertThat(read.additionalProperties()).containsOnlyKeys("streamResponse", "other");
    return read.toBuilder().id("sess-1").build();
  }

  @Test
  void aBlockingCallDropsAStreamResponseReadIntoTheAdditionalProperties() {
    server.enqueue(json(ACT_OK));

    client.sessions().act(readWithStreamResponse());

    RecordedRequest request = take(server);
    assertThat(bodyTree(request)).isEqualTo(tree("""
        {"input":"click","other":1}"""));
    assertThat(occurrences(bodyText(request), "streamResponse")).isZero();
  }

  @Test
  void aStreamingCallSendsItsOwnStreamResponseInsteadOfOneReadIntoTheAdditionalProperties() {
    streamAct(readWithStreamResponse());

    RecordedRequest request = take(server);
    assertThat(bodyTree(request)).isEqualTo(tree("""
        {"input":"click","streamResponse":true,"other":1}"""));
    assertThat(occurrences(bodyText(request), "streamResponse")).isEqualTo(1);
  }
}
