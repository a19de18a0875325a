package com.browserbase.stagehand.client;

import static com.browserbase.stagehand.client.WireFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.browserbase.stagehand.core.RequestOptions;
import com.browserbase.stagehand.core.http.StreamResponse;
import com.browserbase.stagehand.models.sessions.SessionNavigateParams;
import com.browserbase.stagehand.models.sessions.SessionNavigateResponse;
import com.browserbase.stagehand.models.sessions.StreamEvent;
import com.browserbase.stagehand.models.sessions.StreamEventStatus;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.stream.Collectors;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Results larger than Jackson's default cap on one string (20,000,000 characters since 2.15): a
 * navigate or extract result can hold a whole page or a screenshot. They fit the client's default
 * {@code maxResponseBytes} (64 MiB), also when every character takes three bytes in UTF-8.
 */
class LargeResponseTest {
  private static final int LENGTH = 25_000_000;
  /** Jackson's own cap on one string, in characters of three UTF-8 bytes each: 60,000,000 bytes. */
  private static final int WIDE_LENGTH = 20_000_000;
  private static String big;

  @RegisterExtension
  final MockStagehand mock = MockStagehand.withClient(b -> b.maxRetries(0));
  private MockWebServer server;
  private StagehandClient client;

  @BeforeAll
  static void makeBigString() {
    big = "x".repeat(LENGTH);
  }

  @AfterAll
  static void dropBigString() {
    big = null;
  }

  @BeforeEach
  void useMock() {
    server = mock.server();
    client = mock.client();
  }

  private static SessionNavigateParams params() {
    return SessionNavigateParams.builder().id("sess-1").url("https://example.com").build();
  }

  private static RequestOptions validation(boolean on) {
    return RequestOptions.builder().responseValidation(on).build();
  }

  private static void assertBig(JsonNode result) {
    assertThat(result.isTextual()).isTrue();
    assertThat(result.textValue()).hasSize(LENGTH).startsWith("xxx").endsWith("xxx");
  }

  @ParameterizedTest(name = "response validation {0}")
  @ValueSource(booleans = {false, true})
  void aBlockingCallParsesAResultStringOfTwentyFiveMillionCharacters(boolean validate) {
    server.enqueue(json("{\"success\":true,\"data\":{\"result\":\"" + big + "\"}}"));

    SessionNavigateResponse response = client.sessions().navigate(params(), validation(validate));

    assertThat(response.success()).isTrue();
    assertBig(response.data().result().orElseThrow());
  }

  @Test
  void aStreamParsesAFinishedEventWhoseResultHasTwentyFiveMillionCharacters() {
    server.enqueue(new MockResponse.Builder()
        .setHeader("Content-Type", "text/event-stream")
        .body("event: starting\ndata: {\"data\":{\"status\":\"starting\"},\"type\":\"system\",\"id\":\"e1\"}\n\n"
            + "event: finished\ndata: {\"data\":{\"status\":\"finished\",\"result\":\"" + big + "\"},"
            + "\"type\":\"system\",\"id\":\"e2\"}\n\n")
        .build());

    List<StreamEvent> events;
    try (StreamResponse<StreamEvent> stream = client.sessions().navigateStreaming(params())) {
      events = stream.stream().collect(Collectors.toList());
    }

    assertThat(events).hasSize(2);
    StreamEvent finished = events.get(1);
    assertThat(finished.data().status()).isEqualTo(StreamEventStatus.FINISHED);
    assertBig(finished.data().result().orElseThrow());
  }

  /** A result of {@link #WIDE_LENGTH} euro signs, each three bytes in UTF-8: the worst case the default is made for. */
  private static void assertWide(JsonNode result) {
    assertThat(result.isTextual()).isTrue();
    assertThat(result.textValue()).hasSize(WIDE_LENGTH).startsWith("\u20ac\u20ac").endsWith("\u20ac\u20ac");
  }

  @Test
  void withTheDefaultLimitABlockingCallParsesTwentyMillionCharactersOfThreeBytesEach() {
    server.enqueue(json("{\"success\":true,\"data\":{\"result\":\"" + "\u20ac".repeat(WIDE_LENGTH) + "\"}}"));

    SessionNavigateResponse response = client.sessions().navigate(params());

    assertWide(response.data().result().orElseThrow());
  }

  @Test
  void withTheDefaultLimitAStreamParsesAnEventOfTwentyMillionCharactersOfThreeBytesEach() {
    server.enqueue(new MockResponse.Builder()
        .setHeader("Content-Type", "text/event-stream")
        .body("event: finished\ndata: {\"data\":{\"status\":\"finished\",\"result\":\""
            + "\u20ac".repeat(WIDE_LENGTH) + "\"},\"type\":\"system\",\"id\":\"e2\"}\n\n")
        .build());

    List<StreamEvent> events;
    try (StreamResponse<StreamEvent> stream = client.sessions().navigateStreaming(params())) {
      events = stream.stream().collect(Collectors.toList());
    }

    assertWide(events.get(0).data().result().orElseThrow());
  }
}
