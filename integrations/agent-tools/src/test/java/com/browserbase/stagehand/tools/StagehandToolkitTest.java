package com.browserbase.stagehand.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.browserbase.stagehand.client.StagehandSession;
import com.browserbase.stagehand.e2e.MockStagehandApi;
import com.browserbase.stagehand.errors.StagehandIoException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

class StagehandToolkitTest {
  @RegisterExtension final MockStagehandApi api = new MockStagehandApi();
  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  private final Logger logger = (Logger) LoggerFactory.getLogger(StagehandToolkit.class);

  @BeforeEach
  void captureLogs() {
    logs.start();
    logger.addAppender(logs);
    logger.setLevel(Level.DEBUG);
  }

  @AfterEach
  void releaseLogs() {
    logger.detachAppender(logs);
    logger.setLevel(null);
  }

  private StagehandToolkit tools() {
    return StagehandToolkit.of(api.open());
  }

  private List<String> logLines(Level level) {
    return logs.list.stream().filter(e -> e.getLevel() == level).map(ILoggingEvent::getFormattedMessage)
        .collect(Collectors.toList());
  }

  // ---- navigate ----

  @Test
  void navigateOpensTheUrlAndSaysTheStatus() {
    StagehandToolkit tools = tools();
    api.answer("{\"success\":true,\"data\":{\"result\":{\"frameId\":\"F\",\"response\":{\"status\":200,"
        + "\"url\":\"https://example.com/a\"}}}}");

    String result = tools.navigate("https://example.com/a");

    assertThat(result).isEqualTo("Opened https://example.com/a (HTTP 200).");
    assertThat(api.take().getUrl().encodedPath()).isEqualTo("/v1/sessions/s-1/navigate");
  }

  @Test
  void navigateAddsHttpsToAnAddressWithoutAScheme() {
    StagehandToolkit tools = tools();
    for (int i = 0; i < 5; i++) {
      api.answer("{\"success\":true,\"data\":{\"result\":{\"response\":{\"status\":200}}}}");
    }

    tools.navigate("example.com/pricing?plan=pro");
    tools.navigate(" localhost:8080/x ");
    tools.navigate("http://127.0.0.1:3000/form");
    tools.navigate("about:blank");
    tools.navigate("not a url at all");

    assertThat(api.takeBody().path("url").asText()).isEqualTo("https://example.com/pricing?plan=pro");
    assertThat(api.takeBody().path("url").asText()).isEqualTo("https://localhost:8080/x");
    assertThat(api.takeBody().path("url").asText()).isEqualTo("http://127.0.0.1:3000/form");
    assertThat(api.takeBody().path("url").asText()).isEqualTo("about:blank");
    assertThat(api.takeBody().path("url").asText()).isEqualTo("not a url at all");
  }

  @Test
  void navigateSaysWhereARedirectLedAndAnErrorStatus() {
    StagehandToolkit tools = tools();
    api.answer("{\"success\":true,\"data\":{\"result\":{\"response\":{\"status\":200,\"url\":\"https://example.com/login\"}}}}");
    api.answer("{\"success\":true,\"data\":{\"result\":{\"response\":{\"status\":404,\"url\":\"https://example.com/gone\"}}}}");
    api.answer("{\"success\":true,\"data\":{\"result\":null}}");

    assertThat(tools.navigate("https://example.com/account"))
        .isEqualTo("Opened https://example.com/account (HTTP 200, now at https://example.com/login).");
    assertThat(tools.navigate("https://example.com/gone"))
        .isEqualTo("Opened https://example.com/gone, but the site answered HTTP 404: the page may not exist or be unavailable.");
    assertThat(tools.navigate("https://unreachable.example"))
        .startsWith("Opened https://unreachable.example, but no HTTP response came back")
        .contains("Call pageText");
  }

  @Test
  void navigateWithoutAUrlSaysSoAndSendsNothing() {
    StagehandToolkit tools = tools();

    assertThat(tools.navigate(" ")).isEqualTo("ERROR: navigate needs a url, such as https://example.com.");
    assertThat(tools.navigate(null)).startsWith("ERROR: navigate needs a url");
    assertThat(api.requestCount()).isEqualTo(1); // the start
  }

  // ---- act ----

  @Test
  void actSendsTheInstructionAndSaysWhatWasDone() {
    StagehandToolkit tools = tools();
    api.answer("{\"success\":true,\"data\":{\"result\":{\"success\":true,\"message\":\"Action [fill] performed\","
        + "\"actionDescription\":\"fill the name\",\"actions\":[{\"selector\":\"xpath=/html/body/input\","
        + "\"description\":\"textbox Name\",\"method\":\"fill\",\"arguments\":[\"Ada\"]}]}}}");

    String result = tools.act("type 'Ada' into the Name field");

    assertThat(result).isEqualTo("Done: Action [fill] performed\n- textbox Name (fill \"Ada\")");
    JsonNode sent = api.takeBody();
    assertThat(sent.path("input").asText()).isEqualTo("type 'Ada' into the Name field");
  }

  @Test
  void anActThatDidNotSucceedIsAFailedResultTheModelCanActOn() {
    StagehandToolkit tools = tools();
    api.answer("{\"success\":true,\"data\":{\"result\":{\"success\":false,\"message\":\"Failed to perform act: No action found\","
        + "\"actionDescription\":\"\",\"actions\":[]}}}");

    String result = tools.act("open the help link");

    assertThat(result).isEqualTo("FAILED: the action was not done: Failed to perform act: No action found. "
        + "Call observe or pageText to see what the page offers, then retry with a more precise instruction.");
    assertThat(logLines(Level.INFO)).containsExactly("Stagehand tool act on session s-1 did not succeed: "
        + "Failed to perform act: No action found");
  }

  // ---- observe ----

  @Test
  void observeListsTheActionsOnePerLine() {
    StagehandToolkit tools = tools();
    api.answer("{\"success\":true,\"data\":{\"result\":[{\"selector\":\"xpath=/a\",\"description\":\"button Submit\","
        + "\"method\":\"click\",\"arguments\":[]},{\"selector\":\"xpath=/b\",\"description\":\"textbox Name\"}]}}");
    api.answer("{\"success\":true,\"data\":{\"result\":[]}}");

    String all = tools.observe(null);
    String none = tools.observe("find the help link");

    assertThat(all).isEqualTo("Found 2 actions (pass a description to act to perform it):\n"
        + "1. button Submit (click)\n2. textbox Name");
    assertThat(api.takeBody().has("instruction")).isFalse();
    assertThat(none).startsWith("No matching action found on the page.");
    assertThat(api.takeBody().path("instruction").asText()).isEqualTo("find the help link");
  }

  @Test
  void observeShowsTheActionsThatFitTheBoundAndCountsTheRest() {
    StagehandToolkit tools = StagehandToolkit.builder(api.open()).maxResultChars(300).build();
    StringBuilder actions = new StringBuilder();
    for (int i = 0; i < 40; i++) {
      actions.append(i == 0 ? "" : ",").append("{\"selector\":\"xpath=/a[").append(i)
          .append("]\",\"description\":\"link number ").append(i).append("\",\"method\":\"click\"}");
    }
    api.answer("{\"success\":true,\"data\":{\"result\":[" + actions + "]}}");

    String result = tools.observe("");

    assertThat(result.length()).isLessThanOrEqualTo(300);
    assertThat(result).startsWith("Found 40 actions").contains("1. link number 0 (click)");
    int shown = result.split("\n\\d+\\. ").length - 1;
    assertThat(result).endsWith("\n[" + (40 - shown) + " more not shown: observe with a narrower instruction]");
    assertThat(shown).isBetween(3, 39);
  }

  @Test
  void oneActionLongerThanTheBoundIsCutRatherThanLeftOut() {
    StagehandToolkit tools = StagehandToolkit.builder(api.open()).maxResultChars(200).build();
    StringBuilder description = new StringBuilder("link ");
    while (description.length() < 1_000) {
      description.append("with a long name ");
    }
    api.answer("{\"success\":true,\"data\":{\"result\":[{\"selector\":\"xpath=/a\",\"description\":\""
        + description + "\"},{\"selector\":\"xpath=/b\",\"description\":\"button Submit\"}]}}");

    String result = tools.observe(null);

    assertThat(result).hasSize(200).startsWith("Found 2 actions (pass a description to act to perform it):\n1. link with")
        .contains("\n[truncated: ");
  }

  // ---- extract and pageText ----

  @Test
  void extractReturnsTheExtractionAsTextAndOtherResultsAsJson() {
    StagehandToolkit tools = tools();
    api.answer("{\"success\":true,\"data\":{\"result\":{\"extraction\":\"Submitted: Ada\"}}}");
    api.answer("{\"success\":true,\"data\":{\"result\":{\"plans\":[{\"name\":\"Pro\",\"price\":20}]}}}");

    assertThat(tools.extract("the result line")).isEqualTo("Submitted: Ada");
    assertThat(api.takeBody().path("instruction").asText()).isEqualTo("the result line");
    assertThat(tools.extract("the plans")).isEqualTo("{\"plans\":[{\"name\":\"Pro\",\"price\":20}]}");
  }

  @Test
  void extractWithoutAnInstructionPointsToPageText() {
    StagehandToolkit tools = tools();

    assertThat(tools.extract("")).startsWith("ERROR: extract needs an instruction").contains("pageText");
    assertThat(api.requestCount()).isEqualTo(1);
  }

  @Test
  void pageTextReadsThePageWithoutAnInstruction() {
    StagehandToolkit tools = tools();
    api.answer("{\"success\":true,\"data\":{\"result\":{\"pageText\":\"Name Submit\\nNothing submitted\"}}}");

    assertThat(tools.pageText()).isEqualTo("Name Submit\nNothing submitted");
    JsonNode sent = api.takeBody();
    assertThat(sent.has("instruction")).isFalse();
    assertThat(sent.has("schema")).isFalse();
  }

  @Test
  void aLongPageIsCutToTheBoundWithAMarkerSayingHowMuchWasLeftOut() {
    StagehandToolkit tools = tools();
    StringBuilder page = new StringBuilder();
    while (page.length() < 200_000) {
      page.append("Lorem ipsum dolor sit amet. ");
    }
    api.answer("{\"success\":true,\"data\":{\"result\":{\"pageText\":\"" + page + "\"}}}");

    String result = tools.pageText();

    assertThat(result).hasSize(StagehandToolkit.DEFAULT_MAX_RESULT_CHARS);
    int kept = result.indexOf("\n[truncated: ");
    assertThat(result.substring(0, kept)).isEqualTo(page.substring(0, kept));
    assertThat(result.substring(kept)).isEqualTo(String.format(Locale.ROOT,
        "\n[truncated: %,d of %,d characters left out]", page.length() - kept, page.length()));
  }

  @Test
  void theBoundNeverSplitsACharacterOutsideTheBasicPlane() {
    StagehandToolkit tools = StagehandToolkit.builder(api.open()).maxResultChars(200).build();
    String emoji = new String(Character.toChars(0x1F600));
    for (int offset = 0; offset < 2; offset++) {
      StringBuilder text = new StringBuilder(offset == 0 ? "" : "x");
      while (text.length() < 1000) {
        text.append(emoji);
      }

      String bounded = tools.bound(text.toString());

      assertThat(bounded.length()).isLessThanOrEqualTo(200);
      String kept = bounded.substring(0, bounded.indexOf("\n[truncated"));
      assertThat(Character.isHighSurrogate(kept.charAt(kept.length() - 1))).isFalse();
      assertThat(bounded).endsWith(String.format(Locale.ROOT, " of %,d characters left out]", text.length()));
    }
    assertThat(tools.bound("short")).isEqualTo("short");
  }

  // ---- failures ----

  @Test
  void aRefusedRequestIsAnErrorResultAndALogLineWithoutSecrets() {
    StagehandToolkit tools = tools();
    api.answer(400, "{\"success\":false,\"error\":\"Invalid key " + MockStagehandApi.MODEL_API_KEY + "\"}");

    String result = tools.act("click the Submit button");

    assertThat(result).isEqualTo("ERROR: act was refused (400 Bad Request: Invalid key *** (POST /v1/sessions/s-1/act)). "
        + "Call observe or pageText to see the page, then try again with other words.");
    assertThat(logLines(Level.WARN)).containsExactly(
        "Stagehand tool act failed on session s-1: 400 Bad Request: Invalid key *** (POST /v1/sessions/s-1/act)");
    assertThat(logs.list).noneMatch(e -> e.getFormattedMessage().contains(MockStagehandApi.MODEL_API_KEY)
        || e.getFormattedMessage().contains("click the Submit button"));
  }

  @Test
  void eachKindOfFailureSaysWhatTheModelCanDo() {
    StagehandToolkit tools = tools();
    api.answer(500, "{\"success\":false,\"error\":\"-32000 Cannot navigate to invalid URL\"}");
    api.answer(429, "{\"error\":\"slow down\"}");
    api.answer(401, "{\"error\":\"Unauthorized\"}");
    api.answer(404, "{\"message\":\"Session not found\"}");
    api.answer(404, "{\"message\":\"Page not found\"}");
    api.answer(200, "this is not JSON");

    assertThat(tools.navigate("https://x.example")).isEqualTo("ERROR: navigate failed in the browser service "
        + "(500 Internal Server Error: -32000 Cannot navigate to invalid URL (POST /v1/sessions/s-1/navigate)). "
        + "Check that the URL is complete and correct (such as https://example.com/page), then try again.");
    assertThat(tools.observe("x")).startsWith("ERROR: the browser service is rate limited (429 Too Many Requests: slow down");
    assertThat(tools.extract("x")).startsWith("ERROR: the browser service refused the credentials (401 Unauthorized")
        .contains("Retrying will not help");
    assertThat(tools.pageText()).startsWith("ERROR: the browser session no longer exists (404 Not Found: Session not found")
        .contains("finish without the browser");
    assertThat(tools.act("x")).startsWith("ERROR: act was refused (404 Not Found: Page not found");
    assertThat(tools.pageText()).startsWith("ERROR: pageText got an answer it could not read (");
    assertThat(logLines(Level.WARN)).hasSize(6).allMatch(line -> line.contains(" failed on session s-1: "));
  }

  @Test
  void anErrorMessageIsBoundedToo() {
    StagehandToolkit tools = StagehandToolkit.builder(api.open()).maxResultChars(500).build();
    StringBuilder huge = new StringBuilder();
    while (huge.length() < 50_000) {
      huge.append("stack frame ");
    }
    api.answer(500, "{\"error\":\"" + huge + "\"}");

    String result = tools.act("x");

    assertThat(result).hasSizeLessThanOrEqualTo(500).startsWith("ERROR: act failed in the browser service (500")
        .contains("\n[truncated: ");
    String logged = logLines(Level.WARN).get(0);
    assertThat(logged).startsWith("Stagehand tool act failed on session s-1: 500 Internal Server Error: stack frame")
        .endsWith(" more characters)").hasSizeLessThan(1_100);
  }

  @Test
  void aCallThatTakesLongerThanTheTimeoutIsAnErrorResult() {
    StagehandToolkit tools = StagehandToolkit.builder(api.open()).timeout(Duration.ofMillis(300)).build();
    api.answer(new MockResponse.Builder().headersDelay(1, TimeUnit.SECONDS).body("{}").build());

    long start = System.nanoTime();
    String result = tools.act("click the Submit button");

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(900));
    assertThat(result).startsWith("ERROR: act did not complete (POST /v1/sessions/s-1/act failed: ")
        .contains("timeout").endsWith("The page may be slow or unreachable: try once more, or continue without it.");
  }

  @Test
  void anEndedSessionSaysSoWithoutSendingAnything() {
    StagehandSession session = api.open();
    StagehandToolkit tools = StagehandToolkit.of(session);
    api.answer("{\"success\":true}");
    session.close();
    api.take();

    for (String result : new String[] {tools.navigate("https://example.com"), tools.act("x"), tools.observe(null),
        tools.extract("x"), tools.pageText()}) {
      assertThat(result).isEqualTo("ERROR: the browser session has ended, so no browser tool can be used any more. "
          + "Finish without the browser, and say that the browser session was closed.");
    }
    assertThat(api.requestCount()).isEqualTo(2);
    assertThat(logLines(Level.WARN)).contains("Stagehand tool act called on session s-1, which has ended");
  }

  @Test
  void anInterruptedCallIsThrownSoThatTheAgentStops() {
    StagehandToolkit tools = tools();
    api.answer(new MockResponse.Builder().headersDelay(1, TimeUnit.SECONDS).body("{}").build());

    Thread.currentThread().interrupt();
    try {
      assertThatThrownBy(() -> tools.act("click the Submit button")).isInstanceOf(StagehandIoException.class);
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void theBuilderRefusesWhatCannotWork() {
    StagehandSession session = api.open();

    assertThatThrownBy(() -> StagehandToolkit.builder(null)).isInstanceOf(NullPointerException.class)
        .hasMessage("session == null");
    assertThatThrownBy(() -> StagehandToolkit.builder(session).maxResultChars(199))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("maxResultChars must be at least 200: 199");
    assertThatThrownBy(() -> StagehandToolkit.builder(session).timeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    StagehandToolkit tools = StagehandToolkit.builder(session).maxResultChars(200).build();
    assertThat(tools.maxResultChars()).isEqualTo(200);
    assertThat(tools.session()).isSameAs(session);
  }
}
