package com.browserbase.stagehand.playwright;

import static com.browserbase.stagehand.playwright.MockSessions.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.browserbase.stagehand.client.StagehandSession;
import com.browserbase.stagehand.core.RequestOptions;
import com.browserbase.stagehand.models.sessions.ExtractOptions;
import com.browserbase.stagehand.models.sessions.ObserveOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A view aimed at an iframe: what each call sends. */
class IframeSessionTest {
  private static final String IFRAME = "xpath=/html[1]/body[1]/iframe[1]";
  private static final String OBSERVED = "{\"success\":true,\"data\":{\"result\":[]}}";
  private static final String EXTRACTED = "{\"success\":true,\"data\":{\"result\":{\"pageText\":\"t\"}}}";
  private static final String ACTED = "{\"success\":true,\"data\":{\"result\":{\"success\":true,\"message\":\"m\","
      + "\"actionDescription\":\"d\",\"actions\":[]}}}";

  @RegisterExtension
  final MockSessions mock = new MockSessions();

  /** A record for the typed extract. */
  public record Plan(String name) {}

  private StagehandSession iframe() {
    return new IframeSession(mock.open(null).onFrame("TAB"), IFRAME);
  }

  @Test
  void observeAndExtractAreScopedToTheIframeOnItsTab() {
    StagehandSession frame = iframe();
    mock.answer(OBSERVED);
    mock.answer(OBSERVED);
    mock.answer(EXTRACTED);
    mock.answer(EXTRACTED);
    mock.answer("{\"success\":true,\"data\":{\"result\":{\"name\":\"Pro\"}}}");

    frame.observe();
    frame.observe("find the buy button");
    frame.extract();
    frame.extract("the plan", ExtractOptions.builder().timeout(5000).build());
    Plan plan = frame.extract("the plan", Plan.class);

    assertThat(mock.takeBody()).isEqualTo(tree("{\"frameId\":\"TAB\",\"options\":{\"selector\":\"" + IFRAME + "\"}}"));
    assertThat(mock.takeBody()).isEqualTo(tree("{\"frameId\":\"TAB\",\"instruction\":\"find the buy button\","
        + "\"options\":{\"selector\":\"" + IFRAME + "\"}}"));
    assertThat(mock.takeBody()).isEqualTo(tree("{\"frameId\":\"TAB\",\"options\":{\"selector\":\"" + IFRAME + "\"}}"));
    assertThat(mock.takeBody()).isEqualTo(tree("{\"frameId\":\"TAB\",\"instruction\":\"the plan\","
        + "\"options\":{\"timeout\":5000,\"selector\":\"" + IFRAME + "\"}}"));
    assertThat(mock.takeBody().path("options").path("selector").asText()).isEqualTo(IFRAME);
    assertThat(plan.name()).isEqualTo("Pro");
  }

  @Test
  void aSelectorOfTheCallsOwnWins() {
    StagehandSession frame = iframe();
    mock.answer(OBSERVED);
    mock.answer(EXTRACTED);

    frame.observe("x", ObserveOptions.builder().selector("#mine").build());
    frame.extract(ExtractOptions.builder().selector("#mine").build());

    assertThat(mock.takeBody().path("options").path("selector").asText()).isEqualTo("#mine");
    assertThat(mock.takeBody().path("options").path("selector").asText()).isEqualTo("#mine");
  }

  @Test
  void actWorksOnTheWholeTabAndNavigateIsRefusedBeforeAnythingIsSent() {
    StagehandSession frame = iframe();
    mock.answer(ACTED);

    assertThatThrownBy(() -> frame.navigate("https://example.com"))
        .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("frame.navigate(url)");
    frame.act("click the buy button");

    assertThat(mock.takeBody()).isEqualTo(tree("{\"input\":\"click the buy button\",\"frameId\":\"TAB\"}"));
  }

  @Test
  void viewsOfTheViewKeepTheScopeAndAnotherFrameLeavesIt() {
    StagehandSession frame = iframe();
    mock.answer(OBSERVED);
    mock.answer(OBSERVED);

    frame.withOptions(RequestOptions.builder().putHeader("x-trace", "t").build()).observe();
    frame.onFrame("OTHER").observe();

    assertThat(mock.take().getHeaders().get("x-trace")).isEqualTo("t");
    assertThat(mock.takeBody()).isEqualTo(tree("{\"frameId\":\"OTHER\"}"));
    assertThat(frame.id()).isEqualTo("s-1");
    assertThat(frame.toString()).contains("s-1");
  }

  @Test
  void nullOptionsAreRefusedNamingThem() {
    StagehandSession frame = iframe();

    assertThatThrownBy(() -> frame.observe((ObserveOptions) null)).hasMessageContaining("options");
    assertThatThrownBy(() -> frame.extract("x", (ExtractOptions) null)).hasMessageContaining("options");
  }
}
