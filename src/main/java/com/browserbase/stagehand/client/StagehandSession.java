package com.browserbase.stagehand.client;

import com.browserbase.stagehand.core.RequestOptions;
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
import com.browserbase.stagehand.models.sessions.StreamEvent;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One browser session: the operations of the API on it, without repeating its id, returning the
 * useful value rather than the {@code {success, data}} envelope. From {@code
 * client.sessions().open(...)} or {@code attach(id)}.
 *
 * <pre>{@code
 * try (StagehandSession session = client.sessions().open(
 *     SessionStartParams.builder().modelName("openai/gpt-5-nano").build())) {
 *   session.navigate("https://example.com");
 *   session.act("click the 'More information' link");
 *   Title title = session.extract("the page title", Title.class);
 * } // ends the session, also when the body throws
 * }</pre>
 *
 * <p>Whoever opens a session must end it ({@link #close()}, ideally in try-with-resources): the
 * browser runs, and costs, until then. {@link StagehandClient#close()} ends the sessions still open.
 * Thread-safe: several threads may call one handle (the server serialises what it must). Once the
 * session is ended, every call throws {@link IllegalStateException} naming its id. Errors are those of
 * {@link com.browserbase.stagehand.services.SessionService}.
 */
public interface StagehandSession extends AutoCloseable {
  /** The session id. */
  String id();

  /** The CDP WebSocket URL of the session's browser, when the server reported one at the start. */
  Optional<String> cdpUrl();

  /** When this client opened or attached the session. */
  Instant openedAt();

  /** Whether the session was ended through this client. */
  boolean isEnded();

  /**
   * This session, with {@code options} (timeout, retries, headers...) applied to every call made
   * through the returned view. The view shares the session: ending either ends both.
   */
  StagehandSession withOptions(RequestOptions options);

  /**
   * This session, with every call made through the returned view sent as its streaming variant and
   * each event (log lines, status changes, the final {@code finished}) handed to {@code progress} as
   * it arrives, on the calling thread. The methods still return their usual value, and an {@code
   * error} event still raises its exception. {@code replay} and {@code end} have no events.
   *
   * <pre>{@code
   * AgentResultData run = session
   *     .withProgress(e -> log.info("{}", e.data().message().orElse(e.data().status().value())))
   *     .execute("find the pricing page and read the cheapest plan");
   * }</pre>
   */
  StagehandSession withProgress(Consumer<? super StreamEvent> progress);

  /**
   * This session, with {@code navigate}, {@code act}, {@code observe}, {@code extract} and {@code execute}
   * aimed at the tab whose main frame is {@code frameId} (a CDP frame id, the API's {@code frameId})
   * rather than at the server's active tab (the newest tab, or the one an {@code act} last worked on).
   * With the action cache, an {@code act} through the view is keyed by that tab's URL. The view shares
   * the session, its options and its listener. The Playwright integration gives the id of a {@code Page}.
   *
   * @throws IllegalArgumentException when {@code frameId} is null or empty
   */
  StagehandSession onFrame(String frameId);

  /** Opens {@code url}; returns the navigation's result (the server's response details), if any. */
  Optional<JsonNode> navigate(String url);

  /** Opens {@code url} with options (when to consider it loaded, timeout, ...). */
  Optional<JsonNode> navigate(String url, NavigateOptions options);

  /**
   * Performs an action described in words. A failed action is {@code success() == false}, not an
   * exception. With the client's {@link com.browserbase.stagehand.cache.ActionCache} the actions the
   * model chose are stored, and replayed with no model call the next time this instruction runs on
   * the same page; {@link com.browserbase.stagehand.cache.ActionCache#status} says how it was served.
   */
  ActResultData act(String instruction);

  /**
   * Performs an action described in words, with options (variables, timeout, model, ...); through the
   * client's action cache as {@link #act(String)}, keyed by the variables' names, never their values.
   */
  ActResultData act(String instruction, ActOptions options);

  /** Performs an action that {@link #observe} returned, as it is: no model call. */
  ActResultData act(Action action);

  /** Performs an action that {@link #observe} returned, with options. */
  ActResultData act(Action action, ActOptions options);

  /** The actions the model finds possible on the page. */
  List<Action> observe();

  /** The actions the model finds possible on the page, with options (a {@code selector} to look within, a timeout, ...). */
  List<Action> observe(ObserveOptions options);

  /** The actions that fit {@code instruction}, such as {@code find the login button}. */
  List<Action> observe(String instruction);

  /** The actions that fit {@code instruction}, with options. */
  List<Action> observe(String instruction, ObserveOptions options);

  /** The page's text, without a model call ({@code {"pageText": "..."}}). */
  JsonNode extract();

  /** The page's text, without a model call, with options (a {@code selector} to read within, ...). */
  JsonNode extract(ExtractOptions options);

  /** What {@code instruction} asks for, as the model gives it ({@code {"extraction": "..."}}). */
  JsonNode extract(String instruction);

  /** What {@code instruction} asks for, with options. */
  JsonNode extract(String instruction, ExtractOptions options);

  /**
   * What {@code instruction} asks for, as a {@code type}: the JSON Schema sent is made from the type
   * (fields or getters, records, enums, collections, {@code Map<String, V>}, nested types, Jackson
   * annotations), and the result is read into it. A map is asked for as a list of key/value entries
   * (the server would drop the keys of an object) and read back as a map.
   *
   * @throws IllegalArgumentException before anything is sent, when the type has no fixed JSON shape
   *     ({@code Object}, a raw {@code Map}), refers to itself, or has a top-level property the server
   *     takes for its own figures and removes from the result ({@code metadata}, {@code prompt_tokens},
   *     {@code completion_tokens}, {@code reasoning_tokens}, {@code cached_input_tokens},
   *     {@code inference_time_ms}): rename it with {@code @JsonProperty}
   * @throws com.browserbase.stagehand.errors.StagehandInvalidDataException when the result does not
   *     fit the type, naming where
   */
  <T> T extract(String instruction, Class<T> type);

  /** {@link #extract(String, Class)} with options. */
  <T> T extract(String instruction, Class<T> type, ExtractOptions options);

  /** {@link #extract(String, Class)} for a generic type, such as {@code new TypeReference<List<Item>>() {}}. */
  <T> T extract(String instruction, TypeReference<T> type);

  /** {@link #extract(String, TypeReference)} with options. */
  <T> T extract(String instruction, TypeReference<T> type, ExtractOptions options);

  /** Runs an agent on {@code instruction} until it is done, with the session's model. Takes minutes. */
  AgentResultData execute(String instruction);

  /** Runs an agent configured by {@code config}, with {@code options} (instruction, maxSteps, ...). */
  AgentResultData execute(AgentConfig config, AgentExecuteOptions options);

  /** What the session did: its pages and their actions. */
  ReplayResult replay();

  /**
   * Ends the session and releases its browser, once: later calls do nothing. A session the server
   * no longer knows counts as ended. Thread-safe.
   */
  void end();

  /**
   * {@link #end()}. In try-with-resources, an exception of the body stays the one thrown, and a
   * failure to end is added to it as suppressed.
   */
  @Override
  void close();
}
