package com.browserbase.stagehand.internal.session;

import com.browserbase.stagehand.internal.http.ApiRequest;
import com.browserbase.stagehand.internal.http.ResponseType;
import com.browserbase.stagehand.internal.runtime.Json;
import com.browserbase.stagehand.internal.schema.JsonSchemas;
import com.browserbase.stagehand.internal.schema.ReservedResultNames;
import com.browserbase.stagehand.internal.schema.TypedResults;
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
import com.browserbase.stagehand.models.sessions.SessionActParams;
import com.browserbase.stagehand.models.sessions.SessionEndParams;
import com.browserbase.stagehand.models.sessions.SessionEndResponse;
import com.browserbase.stagehand.models.sessions.SessionExecuteAgentParams;
import com.browserbase.stagehand.models.sessions.SessionExtractParams;
import com.browserbase.stagehand.models.sessions.SessionNavigateParams;
import com.browserbase.stagehand.models.sessions.SessionObserveParams;
import com.browserbase.stagehand.models.sessions.SessionReplayParams;
import com.browserbase.stagehand.models.sessions.SessionReplayResponse;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The calls a session handle makes: for each operation, the request, and how its value is read from
 * the blocking answer or from a stream's {@code finished} event; {@code frameId} is the tab or frame a call
 * aims at ({@code null}: the server's active tab). The blocking and the asynchronous handle both take them
 * from here. Not API.
 */
public final class SessionCalls {
  private SessionCalls() {}

  /**
   * One call of a handle.
   *
   * @param <R> the operation's response class
   * @param <V> what the handle returns
   */
  public static final class Call<R, V> {
    public final ApiRequest request;
    public final ResponseType<R> type;
    public final Function<R, V> fromAnswer;
    /** Reads the value from a {@code finished} event's result; {@code null} for an operation that does not stream. */
    public final Function<JsonNode, V> fromResult;

    private <P> Call(Operation<P, R> operation, P params, Function<R, V> fromAnswer, Function<JsonNode, V> fromResult) {
      this.request = operation.request(params);
      this.type = operation.type;
      this.fromAnswer = fromAnswer;
      this.fromResult = fromResult;
    }

    public boolean streams() {
      return fromResult != null;
    }
  }

  public static Call<?, Optional<JsonNode>> navigate(String id, String frameId, String url, NavigateOptions options) {
    SessionNavigateParams.Builder params = SessionNavigateParams.builder().id(id).url(url);
    if (frameId != null) {
      params.frameId(frameId);
    }
    if (options != null) {
      params.options(options);
    }
    return new Call<>(Operation.NAVIGATE, params.build(),
        answer -> answer.data().result(),
        result -> result.isNull() || result.isMissingNode() ? Optional.<JsonNode>empty() : Optional.of(result));
  }

  public static Call<?, ActResultData> act(String id, String frameId, String instruction, Action action,
      ActOptions options) {
    SessionActParams.Builder params = SessionActParams.builder().id(id);
    if (frameId != null) {
      params.frameId(frameId);
    }
    if (action != null) {
      params.input(action);
    } else {
      params.input(instruction);
    }
    if (options != null) {
      params.options(options);
    }
    return new Call<>(Operation.ACT, params.build(),
        answer -> answer.data().result(), result -> Json.convert(result, ActResultData.class));
  }

  public static Call<?, List<Action>> observe(String id, String frameId, String instruction, ObserveOptions options) {
    SessionObserveParams.Builder params = SessionObserveParams.builder().id(id);
    if (frameId != null) {
      params.frameId(frameId);
    }
    if (instruction != null) {
      params.instruction(instruction);
    }
    if (options != null) {
      params.options(options);
    }
    return new Call<>(Operation.OBSERVE, params.build(),
        answer -> answer.data().result(), result -> Json.convertList(result, Action.class));
  }

  public static Call<?, JsonNode> extract(String id, String frameId, String instruction, ExtractOptions options) {
    return new Call<>(Operation.EXTRACT, extractParams(id, frameId, instruction, null, options),
        answer -> answer.data().result(), result -> result);
  }

  /**
   * An extract whose schema is made from {@code type}, read into it; an unusable type throws here, before
   * any call: one without a schema, or one with a top-level property the server takes for itself.
   */
  public static <T> Call<?, T> extract(String id, String frameId, String instruction, JavaType type,
      ExtractOptions options) {
    ObjectNode schema = JsonSchemas.of(type);
    ReservedResultNames.check(type, schema);
    return new Call<>(Operation.EXTRACT, extractParams(id, frameId, instruction, schema, options),
        answer -> TypedResults.<T>read(answer.data().result(), type), result -> TypedResults.<T>read(result, type));
  }

  private static SessionExtractParams extractParams(String id, String frameId, String instruction, JsonNode schema,
      ExtractOptions options) {
    SessionExtractParams.Builder params = SessionExtractParams.builder().id(id);
    if (frameId != null) {
      params.frameId(frameId);
    }
    if (instruction != null) {
      params.instruction(instruction);
    }
    if (schema != null) {
      params.schema(schema);
    }
    if (options != null) {
      params.options(options);
    }
    return params.build();
  }

  public static Call<?, AgentResultData> execute(String id, String frameId, AgentConfig config,
      AgentExecuteOptions options) {
    SessionExecuteAgentParams.Builder params = SessionExecuteAgentParams.builder()
        .id(id).agentConfig(config).executeOptions(options);
    if (frameId != null) {
      params.frameId(frameId);
    }
    return new Call<>(Operation.EXECUTE_AGENT, params.build(),
        answer -> answer.data().result(), result -> Json.convert(result, AgentResultData.class));
  }

  public static Call<SessionReplayResponse, ReplayResult> replay(String id) {
    return new Call<>(Operation.REPLAY, SessionReplayParams.builder().id(id).build(),
        SessionReplayResponse::data, null);
  }

  public static Call<SessionEndResponse, SessionEndResponse> end(String id) {
    return new Call<>(Operation.END, SessionEndParams.builder().id(id).build(),
        answer -> answer, null);
  }
}
