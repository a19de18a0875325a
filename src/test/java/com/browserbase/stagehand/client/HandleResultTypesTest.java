package com.browserbase.stagehand.client;

import static com.browserbase.stagehand.client.WireFixtures.ACT_OK;
import static com.browserbase.stagehand.client.WireFixtures.AGENT_OK;
import static com.browserbase.stagehand.client.WireFixtures.END_OK;
import static com.browserbase.stagehand.client.WireFixtures.EXTRACT_OK;
import static com.browserbase.stagehand.client.WireFixtures.NAVIGATE_OK;
import static com.browserbase.stagehand.client.WireFixtures.OBSERVE_OK;
import static com.browserbase.stagehand.client.WireFixtures.REPLAY_OK;
import static org.assertj.core.api.Assertions.assertThat;

import com.browserbase.stagehand.models.sessions.ActOptions;
import com.browserbase.stagehand.models.sessions.ActResultData;
import com.browserbase.stagehand.models.sessions.Action;
import com.browserbase.stagehand.models.sessions.AgentConfig;
import com.browserbase.stagehand.models.sessions.AgentExecuteOptions;
import com.browserbase.stagehand.models.sessions.AgentResultData;
import com.browserbase.stagehand.models.sessions.ExtractOptions;
import com.browserbase.stagehand.models.sessions.NavigateOptions;
import com.browserbase.stagehand.models.sessions.ObserveOptions;
import com.browserbase.stagehand.models.sessions.ReplayResult;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every method of both session handles, blocking and async: the operation it sends and the type of what it
 * returns (of a list's elements too). Both handles share one implementation whose calls are typed only by the
 * handle's type parameters, so a call paired with the wrong result would show here, not in a user's callback.
 */
class HandleResultTypesTest {
  private static final Action ACTION = Action.builder().selector("#login").description("Login button").build();
  private static final String TITLE_OK = "{\"success\":true,\"data\":{\"result\":{\"title\":\"Example\"}}}";
  private static final AgentExecuteOptions RUN = AgentExecuteOptions.builder().instruction("log in").build();

  @RegisterExtension
  final MockStagehand mock = MockStagehand.create();

  /** A page title, read by typed extract. */
  public static final class Page {
    public String title;
  }

  static Stream<Arguments> calls() {
    return Stream.of(
        call("navigate(url)", NAVIGATE_OK, "navigate", Optional.class, s -> s.navigate("https://example.com"),
            a -> a.navigate("https://example.com")),
        call("navigate(url, options)", NAVIGATE_OK, "navigate", Optional.class,
            s -> s.navigate("https://example.com", NavigateOptions.builder().build()),
            a -> a.navigate("https://example.com", NavigateOptions.builder().build())),
        call("act(instruction)", ACT_OK, "act", ActResultData.class, s -> s.act("click"), a -> a.act("click")),
        call("act(instruction, options)", ACT_OK, "act", ActResultData.class,
            s -> s.act("click", ActOptions.builder().build()), a -> a.act("click", ActOptions.builder().build())),
        call("act(action)", ACT_OK, "act", ActResultData.class, s -> s.act(ACTION), a -> a.act(ACTION)),
        call("act(action, options)", ACT_OK, "act", ActResultData.class,
            s -> s.act(ACTION, ActOptions.builder().build()), a -> a.act(ACTION, ActOptions.builder().build())),
        call("observe()", OBSERVE_OK, "observe", Action.class, s -> s.observe(), a -> a.observe()),
        call("observe(instruction)", OBSERVE_OK, "observe", Action.class, s -> s.observe("find"), a -> a.observe("find")),
        call("observe(instruction, options)", OBSERVE_OK, "observe", Action.class,
            s -> s.observe("find", ObserveOptions.builder().build()),
            a -> a.observe("find", ObserveOptions.builder().build())),
        call("extract()", EXTRACT_OK, "extract", JsonNode.class, s -> s.extract(), a -> a.extract()),
        call("extract(instruction)", EXTRACT_OK, "extract", JsonNode.class, s -> s.extract("title"),
            a -> a.extract("title")),
        call("extract(instruction, options)", EXTRACT_OK, "extract", JsonNode.class,
            s -> s.extract("title", ExtractOptions.builder().build()),
            a -> a.extract("title", ExtractOptions.builder().build())),
        call("extract(instruction, Class)", TITLE_OK, "extract", Page.class, s -> s.extract("title", Page.class),
            a -> a.extract("title", Page.class)),
        call("extract(instruction, Class, options)", TITLE_OK, "extract", Page.class,
            s -> s.extract("title", Page.class, ExtractOptions.builder().build()),
            a -> a.extract("title", Page.class, ExtractOptions.builder().build())),
        call("extract(instruction, TypeReference)", TITLE_OK, "extract", Page.class,
            s -> s.extract("title", new TypeReference<Page>() {}), a -> a.extract("title", new TypeReference<Page>() {})),
        call("extract(instruction, TypeReference, options)", TITLE_OK, "extract", Page.class,
            s -> s.extract("title", new TypeReference<Page>() {}, ExtractOptions.builder().build()),
            a -> a.extract("title", new TypeReference<Page>() {}, ExtractOptions.builder().build())),
        call("execute(instruction)", AGENT_OK, "agentExecute", AgentResultData.class, s -> s.execute("log in"),
            a -> a.execute("log in")),
        call("execute(config, options)", AGENT_OK, "agentExecute", AgentResultData.class,
            s -> s.execute(AgentConfig.builder().build(), RUN), a -> a.execute(AgentConfig.builder().build(), RUN)),
        call("replay()", REPLAY_OK, "replay", ReplayResult.class, s -> s.replay(), a -> a.replay()));
  }

  private static Arguments call(String name, String answer, String path, Class<?> type,
      Function<StagehandSession, Object> blocking, Function<StagehandSessionAsync, CompletableFuture<?>> async) {
    return Arguments.of(name, answer, path, type, blocking, async);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("calls")
  void theBlockingHandleSendsTheOperationAndReturnsItsType(String name, String answer, String path, Class<?> type,
      Function<StagehandSession, Object> blocking, Function<StagehandSessionAsync, CompletableFuture<?>> async) {
    StagehandSession session = mock.client().sessions().attach("s-1");
    mock.enqueue(answer);

    assertResult(blocking.apply(session), type);

    assertThat(mock.take().getTarget()).isEqualTo("/v1/sessions/s-1/" + path);
    mock.enqueue(END_OK);
    session.end();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("calls")
  void theAsyncHandleSendsTheOperationAndCompletesWithItsType(String name, String answer, String path, Class<?> type,
      Function<StagehandSession, Object> blocking, Function<StagehandSessionAsync, CompletableFuture<?>> async) {
    StagehandSessionAsync session = mock.async().sessions().attach("s-1");
    mock.enqueue(answer);

    assertResult(async.apply(session).join(), type);

    assertThat(mock.take().getTarget()).isEqualTo("/v1/sessions/s-1/" + path);
    mock.enqueue(END_OK);
    session.end().join();
  }

  /** {@code type} is the value's class; for a list or an optional, that of its elements. */
  private static void assertResult(Object value, Class<?> type) {
    if (value instanceof List) {
      assertThat((List<?>) value).isNotEmpty().allSatisfy(element -> assertThat(element).isInstanceOf(type));
    } else {
      assertThat(value).isInstanceOf(type);
    }
  }
}
