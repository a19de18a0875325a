package com.browserbase.stagehand.internal.http;

import com.browserbase.stagehand.models.sessions.SessionActResponse;
import com.browserbase.stagehand.models.sessions.SessionEndResponse;
import com.browserbase.stagehand.models.sessions.SessionExecuteAgentResponse;
import com.browserbase.stagehand.models.sessions.SessionExtractResponse;
import com.browserbase.stagehand.models.sessions.SessionNavigateResponse;
import com.browserbase.stagehand.models.sessions.SessionObserveResponse;
import com.browserbase.stagehand.models.sessions.SessionReplayResponse;
import com.browserbase.stagehand.models.sessions.SessionStartResponse;
import com.browserbase.stagehand.models.sessions.SessionStartResult;

/** The answer of each of the eight operations. Not API. */
public final class Responses {
  public static final ResponseType<SessionStartResponse> START = ResponseType
      .of(SessionStartResponse.class, SessionStartResponse::validate, SessionStartResponse::success)
      .unusableWhen(response -> unavailable(response.data()));
  public static final ResponseType<SessionNavigateResponse> NAVIGATE = ResponseType
      .of(SessionNavigateResponse.class, SessionNavigateResponse::validate, SessionNavigateResponse::success);
  public static final ResponseType<SessionActResponse> ACT = ResponseType
      .of(SessionActResponse.class, SessionActResponse::validate, SessionActResponse::success);
  public static final ResponseType<SessionObserveResponse> OBSERVE = ResponseType
      .of(SessionObserveResponse.class, SessionObserveResponse::validate, SessionObserveResponse::success);
  public static final ResponseType<SessionExtractResponse> EXTRACT = ResponseType
      .of(SessionExtractResponse.class, SessionExtractResponse::validate, SessionExtractResponse::success);
  public static final ResponseType<SessionExecuteAgentResponse> EXECUTE_AGENT = ResponseType
      .of(SessionExecuteAgentResponse.class, SessionExecuteAgentResponse::validate, SessionExecuteAgentResponse::success);
  public static final ResponseType<SessionReplayResponse> REPLAY = ResponseType
      .of(SessionReplayResponse.class, SessionReplayResponse::validate, SessionReplayResponse::success);
  public static final ResponseType<SessionEndResponse> END = ResponseType
      .of(SessionEndResponse.class, SessionEndResponse::validate, SessionEndResponse::success);

  private Responses() {}

  /**
   * The hosted API answers {@code available: false} for a session it will not serve; its id is of no
   * use, so {@code start} raises this instead of returning it.
   */
  private static String unavailable(SessionStartResult started) {
    return started.available()
        ? null
        : "session " + started.sessionId() + " was created but is not available (available: false)";
  }
}
