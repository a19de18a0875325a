package com.browserbase.stagehand.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.browserbase.stagehand.errors.StagehandServiceException;
import com.browserbase.stagehand.models.sessions.SessionActParams;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Error answers beyond ErrorMappingTest's: a status line without a reason phrase (as over HTTP/2, or from a
 * terse proxy) still gives the standard reason in the message, and the remaining shapes of error bodies
 * still give a readable message.
 */
class ErrorReasonsTest {
  private static final SessionActParams ACT = SessionActParams.builder().id("abc").input("click").build();

  @RegisterExtension
  final MockStagehand mock = MockStagehand.withClient(b -> b.maxRetries(0));

  private StagehandServiceException failAct(MockResponse response) {
    mock.server().enqueue(response);
    return catchThrowableOfType(StagehandServiceException.class, () -> mock.client().sessions().act(ACT));
  }

  static Stream<Arguments> reasons() {
    return Stream.of(
        Arguments.of(400, "Bad Request"),
        Arguments.of(401, "Unauthorized"),
        Arguments.of(403, "Forbidden"),
        Arguments.of(404, "Not Found"),
        Arguments.of(408, "Request Timeout"),
        Arguments.of(409, "Conflict"),
        Arguments.of(415, "Unsupported Media Type"),
        Arguments.of(422, "Unprocessable Entity"),
        Arguments.of(429, "Too Many Requests"),
        Arguments.of(500, "Internal Server Error"),
        Arguments.of(502, "Bad Gateway"),
        Arguments.of(503, "Service Unavailable"),
        Arguments.of(504, "Gateway Timeout"),
        Arguments.of(418, "Error"),
        Arguments.of(599, "Error"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("reasons")
  void anEmptyAnswerWithoutAReasonPhraseIsNamedByTheStandardReason(int status, String reason) {
    StagehandServiceException e = failAct(new MockResponse.Builder().status("HTTP/1.1 " + status).build());

    assertThat(e.statusCode()).isEqualTo(status);
    assertThat(e.message()).isEqualTo(reason);
    assertThat(e.getMessage()).isEqualTo(status + " " + reason + ": " + reason + " (POST /v1/sessions/abc/act)");
  }

  static Stream<Arguments> bodies() {
    return Stream.of(
        Arguments.of("a bare list of issues", "[{\"path\":[\"input\"],\"message\":\"Required\"},\"and one more\"]",
            "input: Required; and one more"),
        Arguments.of("an error object", "{\"error\":{\"message\":\"quota exceeded\",\"type\":\"quota\"}}", "quota exceeded"),
        Arguments.of("error texts", "{\"error\":[\"input is required\",\"timeout is too long\"]}",
            "input is required; timeout is too long"),
        Arguments.of("an issue without a message", "{\"issues\":[{\"path\":\"input\"}]}", "input: {\"path\":\"input\"}"),
        Arguments.of("a JSON object cut short", "{\"error\":\"upstream", "{\"error\":\"upstream"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bodies")
  void everyShapeOfErrorBodyGivesAReadableMessage(String shape, String body, String expected) {
    StagehandServiceException e = failAct(new MockResponse.Builder().status("HTTP/1.1 400 Bad Request").body(body).build());

    assertThat(e.message()).isEqualTo(expected);
    assertThat(e.body()).isEqualTo(body);
    assertThat(e.getMessage()).isEqualTo("400 Bad Request: " + expected + " (POST /v1/sessions/abc/act)");
  }
}
