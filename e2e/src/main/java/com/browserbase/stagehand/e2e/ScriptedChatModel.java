package com.browserbase.stagehand.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * An OpenAI-compatible chat model that follows a script, for the agent frameworks' end-to-end tests: the
 * agent's own model (the one that calls tools), not the Stagehand server's (that is {@link FakeModel}). Each
 * {@code POST /v1/chat/completions} gets the next step of the script: a tool call ({@link #thenCall}) or a final
 * answer ({@link #thenAnswer}), which may be made from the request (the tool results the agent sent back). A
 * request past the end of the script, or one asking for a stream, is answered 400 with the reason. Every
 * request is recorded, so a test can check what the model was told.
 *
 * <pre>{@code
 * try (ScriptedChatModel model = new ScriptedChatModel()
 *     .thenCall("navigate", "{\"url\":\"https://example.com\"}")
 *     .thenAnswer(request -> "It says: " + request.lastToolResult())) {
 *   ... an agent whose chat model has baseUrl model.baseUrl() ...
 * }
 * }</pre>
 */
public final class ScriptedChatModel implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final MockWebServer server = new MockWebServer();
  private final List<Function<Request, ObjectNode>> steps = new CopyOnWriteArrayList<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();

  /** One request the agent made. */
  public static final class Request {
    /** The request's JSON body. */
    public final JsonNode body;

    Request(JsonNode body) {
      this.body = body;
    }

    /** The content of the last {@code tool} message: what the last tool call returned. */
    public String lastToolResult() {
      List<String> results = toolResults();
      if (results.isEmpty()) {
        throw new AssertionError("The request has no tool result: " + body);
      }
      return results.get(results.size() - 1);
    }

    /** The content of every {@code tool} message, oldest first. */
    public List<String> toolResults() {
      List<String> results = new ArrayList<>();
      for (JsonNode message : body.path("messages")) {
        if (message.path("role").asText().equals("tool")) {
          results.add(text(message.path("content")));
        }
      }
      return results;
    }

    /** The names of the tools the request offers the model. */
    public List<String> toolNames() {
      List<String> names = new ArrayList<>();
      for (JsonNode tool : body.path("tools")) {
        names.add(tool.path("function").path("name").asText());
      }
      return names;
    }

    private static String text(JsonNode content) {
      if (!content.isArray()) {
        return content.asText();
      }
      StringBuilder text = new StringBuilder();
      for (JsonNode part : content) {
        text.append(part.path("text").asText());
      }
      return text.toString();
    }
  }

  /** Starts the server on loopback. */
  public ScriptedChatModel() throws IOException {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return answer(request);
      }
    });
    server.start(InetAddress.getByName("127.0.0.1"), 0);
  }

  /** {@code http://127.0.0.1:PORT/v1}: the base URL to give an OpenAI chat model. */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.getPort() + "/v1";
  }

  /** Adds a step: the model calls {@code tool} with {@code argumentsJson} (a JSON object, as text). */
  public ScriptedChatModel thenCall(String tool, String argumentsJson) {
    steps.add(request -> {
      ObjectNode message = NODES.objectNode().put("role", "assistant");
      message.putNull("content");
      ObjectNode call = message.putArray("tool_calls").addObject()
          .put("id", "call_" + (requests.size()))
          .put("type", "function");
      call.putObject("function").put("name", tool).put("arguments", argumentsJson);
      return completion(message, "tool_calls");
    });
    return this;
  }

  /** Adds a step: the model answers {@code text} and calls no tool. */
  public ScriptedChatModel thenAnswer(String text) {
    return thenAnswer(request -> text);
  }

  /** Adds a step: the model answers the text {@code answer} makes from the request. */
  public ScriptedChatModel thenAnswer(Function<Request, String> answer) {
    steps.add(request -> completion(NODES.objectNode().put("role", "assistant").put("content", answer.apply(request)), "stop"));
    return this;
  }

  /** The requests so far, oldest first. */
  public List<Request> requests() {
    return requests;
  }

  @Override
  public void close() throws IOException {
    server.close();
  }

  private MockResponse answer(RecordedRequest recorded) {
    JsonNode body;
    try {
      body = JSON.readTree(recorded.getBody() == null ? "{}" : recorded.getBody().utf8());
    } catch (IOException e) {
      return error("not JSON: " + e.getMessage());
    }
    Request request = new Request(body);
    int step = requests.size();
    requests.add(request);
    if (!recorded.getUrl().encodedPath().endsWith("/chat/completions")) {
      return error("the scripted model only answers /v1/chat/completions, not " + recorded.getUrl().encodedPath());
    }
    if (body.path("stream").asBoolean(false)) {
      return error("the scripted model does not stream");
    }
    if (step >= steps.size()) {
      return error("the script has " + steps.size() + " steps; request " + (step + 1) + " is past its end");
    }
    try {
      return json(200, steps.get(step).apply(request));
    } catch (RuntimeException | AssertionError e) {
      return error("step " + (step + 1) + " of the script failed: " + e);
    }
  }

  private ObjectNode completion(ObjectNode message, String finishReason) {
    ObjectNode completion = NODES.objectNode()
        .put("id", "chatcmpl-" + requests.size())
        .put("object", "chat.completion")
        .put("created", System.currentTimeMillis() / 1000)
        .put("model", "scripted");
    completion.putArray("choices").addObject()
        .put("index", 0)
        .put("finish_reason", finishReason)
        .set("message", message);
    completion.putObject("usage").put("prompt_tokens", 1).put("completion_tokens", 1).put("total_tokens", 2);
    return completion;
  }

  private static MockResponse error(String message) {
    ObjectNode error = NODES.objectNode();
    error.putObject("error").put("message", message).put("type", "invalid_request_error");
    return json(400, error);
  }

  private static MockResponse json(int status, JsonNode body) {
    return new MockResponse.Builder().code(status).addHeader("content-type", "application/json").body(body.toString()).build();
  }
}
