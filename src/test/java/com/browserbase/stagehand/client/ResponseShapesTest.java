package com.browserbase.stagehand.client;

import static com.browserbase.stagehand.client.WireFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.browserbase.stagehand.errors.StagehandInvalidDataException;
import com.browserbase.stagehand.models.sessions.SessionActParams;
import com.browserbase.stagehand.models.sessions.SessionObserveParams;
import com.browserbase.stagehand.models.sessions.SessionReplayParams;
import com.browserbase.stagehand.models.sessions.SessionStartParams;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Response validation of numbers and maps (RequestOptionsTest covers missing and mistyped text), and the
 * client's cookie jar as a load balancer uses it: a cookie replaced under its name, and one deleted by an
 * expiry in the past.
 */
class ResponseShapesTest {
  private static final String OBSERVED = """
      {"success":true,"data":{"result":[{"selector":"#a","description":"A","backendNodeId":%s}]}}""";
  private static final String REPLAYED = """
      {"success":true,"data":{"pages":[{"url":"https://example.com","timestamp":1,"duration":2,"actions":[
        {"method":"act","parameters":%s,"result":{"ok":true},"timestamp":3}]}]}}""";

  @RegisterExtension
  final MockStagehand mock = MockStagehand.withClient(b -> b.maxRetries(0).responseValidation(true));

  private static SessionObserveParams observe() {
    return SessionObserveParams.builder().id("s-1").build();
  }

  private static SessionReplayParams replay() {
    return SessionReplayParams.builder().id("s-1").build();
  }

  @Test
  void aNumberPropertyHoldingTextIsRejectedNamingItsPlaceInAList() {
    mock.enqueue(String.format(OBSERVED, "42"));
    mock.enqueue(String.format(OBSERVED, "\"42\""));

    assertThat(mock.client().sessions().observe(observe()).data().result().get(0).backendNodeId()).contains(42L);
    assertThatThrownBy(() -> mock.client().sessions().observe(observe()))
        .isInstanceOf(StagehandInvalidDataException.class)
        .hasMessageContaining("data.result[0].backendNodeId should be a number but is string \"42\"");
  }

  @Test
  void aMapPropertyMustBeAnObjectAndTakesAnyValues() {
    mock.enqueue(String.format(REPLAYED, "{\"instruction\":\"click\",\"attempt\":2,\"nested\":{\"a\":[1]}}"));
    mock.enqueue(String.format(REPLAYED, "[\"click\"]"));

    assertThat(mock.client().sessions().replay(replay()).data().pages().get(0).actions().get(0).parameters())
        .containsKeys("instruction", "attempt", "nested");
    assertThatThrownBy(() -> mock.client().sessions().replay(replay()))
        .isInstanceOf(StagehandInvalidDataException.class)
        .hasMessageContaining("data.pages[0].actions[0].parameters should be an object but is array [\"click\"]");
  }

  @Test
  void aLongWrongValueIsShortenedInTheMessage() {
    String longText = "x".repeat(100);
    mock.enqueue("{\"success\":true,\"data\":{\"result\":{\"success\":true,\"message\":\"m\",\"actions\":[],"
        + "\"completed\":true,\"metadata\":\"" + longText + "\"}}}");

    assertThatThrownBy(() -> mock.client().sessions().executeAgent(
        com.browserbase.stagehand.models.sessions.SessionExecuteAgentParams.builder().id("s-1")
            .agentConfig(com.browserbase.stagehand.models.sessions.AgentConfig.builder().build())
            .executeOptions(com.browserbase.stagehand.models.sessions.AgentExecuteOptions.builder().instruction("go").build())
            .build()))
        .isInstanceOf(StagehandInvalidDataException.class)
        .hasMessageContaining("data.result.metadata should be an object but is string \"" + "x".repeat(59) + "...");
  }

  // ---- cookies ----

  @Test
  void aCookieSetAgainUnderItsNameReplacesTheOldOneAndAnExpiredOneIsDropped() {
    StagehandClient client = mock.client();
    mock.server().enqueue(new MockResponse.Builder(json(WireFixtures.START_OK))
        .addHeader("Set-Cookie", "lb=node-1; Path=/")
        .addHeader("Set-Cookie", "region=eu; Path=/")
        .build());
    mock.server().enqueue(new MockResponse.Builder(json(WireFixtures.ACT_OK))
        .addHeader("Set-Cookie", "lb=node-2; Path=/")
        .build());
    mock.server().enqueue(new MockResponse.Builder(json(WireFixtures.ACT_OK))
        .addHeader("Set-Cookie", "lb=gone; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT")
        .build());
    mock.enqueue(WireFixtures.ACT_OK);
    SessionActParams act = SessionActParams.builder().id("s-1").input("click").build();

    client.sessions().start(SessionStartParams.builder().modelName("m").build());
    client.sessions().act(act);
    client.sessions().act(act);
    client.sessions().act(act);

    assertThat(mock.take().getHeaders().get("Cookie")).isNull();
    assertThat(mock.take().getHeaders().get("Cookie")).isEqualTo("lb=node-1; region=eu");
    assertThat(mock.take().getHeaders().get("Cookie")).as("replaced").isEqualTo("region=eu; lb=node-2");
    assertThat(mock.take().getHeaders().get("Cookie")).as("expired").isEqualTo("region=eu");
  }
}
