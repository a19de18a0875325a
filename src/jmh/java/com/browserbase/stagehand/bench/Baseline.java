package com.browserbase.stagehand.bench;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;

/**
 * The baseline's side: one shared, default {@link ObjectMapper} (nulls left out, as the SDK does)
 * and plain public-field classes, the cheapest way Jackson binds JSON.
 */
final class Baseline {
  static final ObjectMapper MAPPER = JsonMapper.builder()
      .serializationInclusion(JsonInclude.Include.NON_NULL)
      .build();

  /**
   * The baseline's HTTP client, with the timeouts the SDK sets on its own (connect 10 s, write 60 s,
   * no socket read timeout: a blocking call is bounded by a 5-minute call timeout instead, a stream
   * by a 5-minute read timeout). OkHttp's defaults differ (10 s read and write timeouts on every
   * socket operation, each one scheduled on Okio's watchdog thread), and that difference is
   * OkHttp's, not the SDK's, so it is kept out of the ratio.
   */
  static OkHttpClient httpClient() {
    return new OkHttpClient.Builder()
        .connectTimeout(10, TimeUnit.SECONDS)
        .readTimeout(0, TimeUnit.MILLISECONDS)
        .writeTimeout(60, TimeUnit.SECONDS)
        .build();
  }

  /** The stream's client: an idle timeout instead of a call timeout. */
  static OkHttpClient streamClient(OkHttpClient http) {
    return http.newBuilder().readTimeout(5, TimeUnit.MINUTES).build();
  }

  /** The timeout of a blocking call. */
  static final long CALL_TIMEOUT_MINUTES = 5;

  private Baseline() {}

  /** The body of {@code POST /v1/sessions/{id}/act}. */
  @JsonPropertyOrder({"input", "options", "streamResponse"})
  static final class ActRequest {
    public String input;
    public ActOptions options;
    public Boolean streamResponse;
  }

  @JsonPropertyOrder({"variables", "timeout"})
  static final class ActOptions {
    public Map<String, String> variables;
    public Integer timeout;
  }

  static final class ActResponse {
    public boolean success;
    public ActData data;
  }

  static final class ActData {
    public ActResult result;
    public String actionId;
  }

  static final class ActResult {
    public boolean success;
    public String message;
    public String actionDescription;
    public List<Action> actions;
  }

  static final class Action {
    public String selector;
    public String description;
    public Integer backendNodeId;
    public String method;
    public List<String> arguments;
  }

  /** One stream event; {@code message}, {@code result} and {@code error} stay trees, as in the SDK. */
  static final class Event {
    public String id;
    public String type;
    public EventData data;
  }

  static final class EventData {
    public String status;
    public JsonNode message;
    public JsonNode result;
    public JsonNode error;
  }
}
