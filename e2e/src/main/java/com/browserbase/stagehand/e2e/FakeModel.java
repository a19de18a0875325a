package com.browserbase.stagehand.e2e;

import com.browserbase.stagehand.models.sessions.ModelConfig;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A loopback stand-in for the OpenAI API that the real Stagehand server calls for observe, act by
 * instruction, extract and agents: {@code POST /v1/responses} (the Responses API, what {@code
 * openai/...} model names use) and {@code POST /v1/chat/completions} (what bare names such as {@code
 * gpt-4o-mini} use). Structured-output requests get JSON that fits their {@code json_schema}, filled
 * by {@link FakeBrain} from the page in the prompt; agent requests get a tool call ({@code act} with
 * the agent's goal, then text, then {@code done}). A request for {@link #BROKEN} is refused. Every
 * request is recorded.
 */
public final class FakeModel implements AutoCloseable {
  public static final String API_KEY = "sk-fake-model";
  /** A model name this server answers 400 to (not retried): for the errors of model operations. */
  public static final String BROKEN = "broken-model";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final MockWebServer server = new MockWebServer();
  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private final AtomicInteger ids = new AtomicInteger();
  /** How long each answer takes, as a real model's would; none by default. */
  private volatile long latencyMillis;

  /** One request the server made: the endpoint and its body. */
  public static final class Call {
    public final String path;
    public final JsonNode body;

    Call(String path, JsonNode body) {
      this.path = path;
      this.body = body;
    }

    /** The JSON Schema of a structured-output request, or a missing node. */
    public JsonNode schema() {
      return path.endsWith("/responses")
          ? body.path("text").path("format").path("schema")
          : body.path("response_format").path("json_schema").path("schema");
    }
  }

  public FakeModel() throws IOException {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return answer(request);
      }
    });
    server.start(InetAddress.getByName("127.0.0.1"), 0); // node prefers ::1 for "localhost"
  }

  /** {@code http://127.0.0.1:PORT/v1}: the {@code baseURL} of a model served here. */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.getPort() + "/v1";
  }

  /** A model of the Responses API served here. */
  public ModelConfig model() {
    return model("openai/gpt-4o-mini");
  }

  /** {@code modelName} served here: {@code openai/...} uses the Responses API, a bare name Chat Completions. */
  public ModelConfig model(String modelName) {
    return ModelConfig.builder().modelName(modelName).baseURL(baseUrl()).apiKey(API_KEY).build();
  }

  /** Makes every answer from now on take {@code millis} (0: none), as a real model's does. */
  public void latency(long millis) {
    latencyMillis = millis;
  }

  /** The requests so far, oldest first. */
  public List<Call> calls() {
    return calls;
  }

  @Override
  public void close() throws IOException {
    server.close();
  }

  private MockResponse answer(RecordedRequest request) {
    String path = request.getUrl().encodedPath();
    JsonNode body;
    try {
      body = JSON.readTree(request.getBody() == null ? "{}" : request.getBody().utf8());
    } catch (IOException e) {
      return json(400, error("not JSON: " + e.getMessage()));
    }
    calls.add(new Call(path, body));
    if (latencyMillis > 0) {
      try {
        Thread.sleep(latencyMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return json(500, error("interrupted"));
      }
    }
    if (body.path("model").asText().equals(BROKEN)) {
      return json(400, error("the fake model " + BROKEN + " refuses every request"));
    }
    if (path.endsWith("/responses")) {
      return json(200, responses(body));
    }
    if (path.endsWith("/chat/completions")) {
      return json(200, chat(body));
    }
    return json(404, error("no such endpoint in the fake model: " + path));
  }

  // ---- Responses API ----

  private ObjectNode responses(JsonNode request) {
    FakeBrain brain = new FakeBrain(promptOf(request.path("input")));
    ObjectNode response = NODES.objectNode()
        .put("id", "resp_" + ids.incrementAndGet())
        .put("object", "response")
        .put("created_at", System.currentTimeMillis() / 1000)
        .put("status", "completed")
        .put("model", request.path("model").asText("gpt-4o-mini"));
    response.putNull("incomplete_details");
    ArrayNode output = response.putArray("output");
    JsonNode schema = request.path("text").path("format").path("schema");
    JsonNode tools = request.path("tools");
    if (schema.isObject()) {
      output.add(message(brain.fill(schema).toString()));
    } else if (tools.isArray() && tools.size() > 0) {
      ToolCall call = toolCall(brain, tools, request.path("tool_choice"), hasToolOutput(request.path("input")), false);
      output.add(call == null ? message("The task is done.") : NODES.objectNode()
          .put("type", "function_call")
          .put("id", "fc_" + ids.incrementAndGet())
          .put("call_id", "call_" + ids.incrementAndGet())
          .put("name", call.name)
          .put("arguments", call.arguments.toString())
          .put("status", "completed"));
    } else {
      output.add(message("Hello from the fake model."));
    }
    ObjectNode usage = response.putObject("usage")
        .put("input_tokens", 100)
        .put("output_tokens", 20)
        .put("total_tokens", 120);
    usage.putObject("input_tokens_details").put("cached_tokens", 0);
    usage.putObject("output_tokens_details").put("reasoning_tokens", 0);
    return response;
  }

  private ObjectNode message(String text) {
    ObjectNode message = NODES.objectNode()
        .put("type", "message")
        .put("id", "msg_" + ids.incrementAndGet())
        .put("status", "completed")
        .put("role", "assistant");
    message.putArray("content").addObject()
        .put("type", "output_text")
        .put("text", text)
        .putArray("annotations");
    return message;
  }

  // ---- Chat Completions ----

  private ObjectNode chat(JsonNode request) {
    FakeBrain brain = new FakeBrain(promptOf(request.path("messages")));
    ObjectNode response = NODES.objectNode()
        .put("id", "chatcmpl-" + ids.incrementAndGet())
        .put("object", "chat.completion")
        .put("created", System.currentTimeMillis() / 1000)
        .put("model", request.path("model").asText("gpt-4o-mini"));
    ObjectNode choice = response.putArray("choices").addObject().put("index", 0);
    ObjectNode message = choice.putObject("message").put("role", "assistant");
    JsonNode schema = request.path("response_format").path("json_schema").path("schema");
    JsonNode tools = request.path("tools");
    ToolCall call = null;
    if (!schema.isObject() && tools.isArray() && tools.size() > 0) {
      call = toolCall(brain, tools, request.path("tool_choice"), hasToolOutput(request.path("messages")), true);
    }
    if (call != null) {
      message.putNull("content");
      ObjectNode toolCall = message.putArray("tool_calls").addObject()
          .put("id", "call_" + ids.incrementAndGet())
          .put("type", "function");
      toolCall.putObject("function").put("name", call.name).put("arguments", call.arguments.toString());
      choice.put("finish_reason", "tool_calls");
    } else {
      message.put("content", schema.isObject() ? brain.fill(schema).toString() : "The task is done.");
      choice.put("finish_reason", "stop");
    }
    choice.putNull("logprobs");
    response.putObject("usage").put("prompt_tokens", 100).put("completion_tokens", 20).put("total_tokens", 120);
    return response;
  }

  // ---- agents ----

  private static final class ToolCall {
    final String name;
    final JsonNode arguments;

    ToolCall(String name, JsonNode arguments) {
      this.name = name;
      this.arguments = arguments;
    }
  }

  /**
   * The tool to call: the one {@code tool_choice} forces (the agent's closing {@code done}), else
   * {@code act} with the agent's goal while no tool has answered yet, else none (the agent is done).
   */
  private static ToolCall toolCall(FakeBrain brain, JsonNode tools, JsonNode choice, boolean toolAnswered, boolean chat) {
    String forced = chat ? choice.path("function").path("name").asText("") : choice.path("name").asText("");
    for (JsonNode tool : tools) {
      JsonNode function = chat ? tool.path("function") : tool;
      String name = function.path("name").asText();
      if (name.equals(forced)) {
        return new ToolCall(name, brain.fill(function.path("parameters")));
      }
    }
    if (toolAnswered) {
      return null;
    }
    for (JsonNode tool : tools) {
      JsonNode function = chat ? tool.path("function") : tool;
      if (function.path("name").asText().equals("act")) {
        return new ToolCall("act", NODES.objectNode().put("action", brain.goal()));
      }
    }
    return null;
  }

  private static boolean hasToolOutput(JsonNode messages) {
    for (JsonNode message : messages) {
      if (message.path("type").asText().equals("function_call_output") || message.path("role").asText().equals("tool")) {
        return true;
      }
    }
    return false;
  }

  /** The text of every message, in order: what the model would read. */
  private static String promptOf(JsonNode messages) {
    StringBuilder text = new StringBuilder();
    for (JsonNode message : messages) {
      JsonNode content = message.path("content");
      if (content.isTextual()) {
        text.append(message.path("role").asText()).append(": ").append(content.asText()).append('\n');
      } else if (content.isArray()) {
        for (JsonNode part : content) {
          if (part.has("text")) {
            text.append(message.path("role").asText()).append(": ").append(part.path("text").asText()).append('\n');
          }
        }
      }
    }
    return text.toString();
  }

  private static MockResponse json(int status, JsonNode body) {
    return new MockResponse.Builder()
        .code(status)
        .addHeader("content-type", "application/json")
        .body(body.toString())
        .build();
  }

  private static ObjectNode error(String message) {
    ObjectNode error = NODES.objectNode();
    error.putObject("error").put("message", message).put("type", "invalid_request_error");
    return error;
  }
}
