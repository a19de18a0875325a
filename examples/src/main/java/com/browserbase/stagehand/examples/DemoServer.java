package com.browserbase.stagehand.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Closeable;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import okio.BufferedSink;

/**
 * A stand-in for a Stagehand server, used by the examples when no real server is configured. It
 * answers the eight operations with responses shaped like the real API's (session ids are UUIDs,
 * {@code observe} returns actions that {@code act} accepts, {@code extract} follows the requested
 * JSON Schema, streaming requests get Server-Sent Events, each session's {@code cdpUrl} answers the
 * CDP question of the action cache), but it drives no browser and calls no model: every answer is
 * made up.
 *
 * <p>Not part of the SDK and not needed to use it; it lives with the examples only.
 */
public final class DemoServer implements Closeable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  /** Pause between two streamed events, so that you can watch them arrive. */
  private static final long EVENT_PAUSE_MILLIS = 250;
  /** Kept here so that the logger, and its level, are not garbage-collected. */
  private static final Logger MOCK_WEB_SERVER_LOG = Logger.getLogger(MockWebServer.class.getName());

  private final MockWebServer server = new MockWebServer();
  private final Map<String, DemoSession> sessions = new ConcurrentHashMap<String, DemoSession>();

  private DemoServer() {}

  /** Starts a demo server on a free local port, after printing a banner saying that it is one. */
  public static DemoServer start() {
    MOCK_WEB_SERVER_LOG.setLevel(Level.WARNING); // no "received request" lines from MockWebServer
    DemoServer demo = new DemoServer();
    demo.server.setDispatcher(demo.new Routes());
    try {
      demo.server.start(InetAddress.getLoopbackAddress(), 0);
    } catch (IOException e) {
      throw new IllegalStateException("Could not start the demo server", e);
    }
    printBanner(demo.baseUrl());
    return demo;
  }

  private static void printBanner(String url) {
    String line = "==============================================================================";
    System.out.println(line);
    System.out.println("  DEMO MODE: no Stagehand server is configured, so this example talks to an");
    System.out.println("  in-process DEMO server at " + url);
    System.out.println("  It drives no browser and calls no model: every answer below is made up.");
    System.out.println();
    System.out.println("  To use a real server, set one of these and run again:");
    System.out.println("    STAGEHAND_BASE_URL=http://127.0.0.1:3000     a self-hosted Stagehand server");
    System.out.println("    BROWSERBASE_API_KEY=bb_... MODEL_API_KEY=... the hosted API (Browserbase)");
    System.out.println("  (or the system properties -Dstagehand.baseUrl=... / -Dstagehand.browserbaseApiKey=...)");
    System.out.println(line);
    System.out.flush();
  }

  /** Where the demo server listens, such as {@code http://127.0.0.1:41234/}. */
  public String baseUrl() {
    return server.url("/").toString();
  }

  /** Stops the server and its threads. */
  @Override
  public void close() {
    server.close();
  }

  /** What the demo server remembers of a session: the page it is on and what was done there. */
  private static final class DemoSession {
    final String id;
    volatile String url = "about:blank";
    final List<ObjectNode> pages = new ArrayList<ObjectNode>();

    DemoSession(String id) {
      this.id = id;
    }
  }

  /** Routes each request to its operation, like the real server's {@code /v1/sessions/...} routes. */
  private final class Routes extends Dispatcher {
    @Override
    public MockResponse dispatch(RecordedRequest request) {
      try {
        return route(request);
      } catch (IOException e) {
        return error(400, "Request body is not valid JSON: " + e.getMessage(), "INVALID_ARGUMENT");
      } catch (RuntimeException e) {
        return error(500, "Demo server failure: " + e, "INTERNAL_ERROR");
      }
    }

    private MockResponse route(RecordedRequest request) throws IOException {
      if (request.getUrl().encodedPath().startsWith("/devtools/browser/")) {
        return browser(request.getUrl().encodedPath().substring("/devtools/browser/".length()));
      }
      String[] path = request.getUrl().encodedPath().split("/");
      // "/v1/sessions/start" -> ["", "v1", "sessions", "start"]; "/v1/sessions/{id}/act" -> 5 parts
      boolean sessionsPath = path.length >= 4 && path[1].equals("v1") && path[2].equals("sessions");
      if (sessionsPath && path.length == 4 && path[3].equals("start") && request.getMethod().equals("POST")) {
        return json(startSession());
      }
      if (!sessionsPath || path.length != 5) {
        return error(404, "Route " + request.getMethod() + " " + request.getUrl().encodedPath() + " not found", "NOT_FOUND");
      }
      String id = path[3];
      String operation = path[4];
      DemoSession session = sessions.get(id);
      if (session == null) {
        return error(404, "Session not found: " + id, "SESSION_NOT_FOUND");
      }
      if (operation.equals("replay") && request.getMethod().equals("GET")) {
        synchronized (session) {
          return json(success(replay(session)));
        }
      }
      if (!request.getMethod().equals("POST")) {
        return error(404, "Route " + request.getMethod() + " " + request.getUrl().encodedPath() + " not found", "NOT_FOUND");
      }
      if (operation.equals("end")) {
        sessions.remove(id);
        ObjectNode ended = NODES.objectNode();
        ended.put("success", true);
        return json(ended);
      }
      JsonNode body = request.getBody() == null || request.getBody().size() == 0
          ? NODES.objectNode() : JSON.readTree(request.getBody().utf8());
      boolean streaming = "true".equals(request.getHeaders().get("x-stream-response"));
      Operation op;
      synchronized (session) {
        op = perform(operation, session, body);
      }
      if (op == null) {
        return error(404, "Route POST " + request.getUrl().encodedPath() + " not found", "NOT_FOUND");
      }
      if (op.invalid != null) {
        return validationError(op.invalid);
      }
      if (streaming) {
        return eventStream(op);
      }
      ObjectNode data = NODES.objectNode();
      data.set("result", op.result);
      if (!operation.equals("agentExecute")) {
        data.put("actionId", UUID.randomUUID().toString());
      }
      return json(success(data));
    }
  }

  // ---------------------------------------------------------------------------------------------
  // The operations. Each returns the result and the log lines a real server would stream.

  /** The result of one operation, and the log lines streamed while it "runs". */
  private static final class Operation {
    JsonNode result;
    final List<ObjectNode> logs = new ArrayList<ObjectNode>();
    String invalid; // the name of a missing required property

    Operation log(String category, String message, int level, String... auxiliary) {
      ObjectNode line = NODES.objectNode();
      line.put("category", category);
      line.put("message", message);
      line.put("level", level);
      ObjectNode aux = line.putObject("auxiliary");
      for (int i = 0; i + 1 < auxiliary.length; i += 2) {
        ObjectNode value = aux.putObject(auxiliary[i]);
        value.put("value", auxiliary[i + 1]);
        value.put("type", "string");
      }
      logs.add(line);
      return this;
    }

    static Operation missing(String property) {
      Operation op = new Operation();
      op.invalid = property;
      return op;
    }
  }

  private ObjectNode startSession() {
    String id = UUID.randomUUID().toString();
    sessions.put(id, new DemoSession(id));
    ObjectNode data = NODES.objectNode();
    data.put("sessionId", id);
    // The session's "browser": a WebSocket here that answers the one CDP question the SDK asks.
    data.put("cdpUrl", "ws://" + server.getHostName() + ":" + server.getPort() + "/devtools/browser/" + id);
    data.put("available", true);
    return success(data);
  }

  /**
   * The CDP WebSocket of a session's "browser". It answers {@code Target.getTargets} (what the SDK's
   * action cache asks to learn which page the session is on) with one page, the session's, and every
   * other method with a CDP error.
   */
  private MockResponse browser(final String sessionId) {
    if (!sessions.containsKey(sessionId)) {
      return new MockResponse.Builder().code(404).body("No such browser").build();
    }
    return new MockResponse.Builder().webSocketUpgrade(new WebSocketListener() {
      @Override
      public void onMessage(WebSocket socket, String text) {
        ObjectNode answer = NODES.objectNode();
        try {
          JsonNode request = JSON.readTree(text);
          answer.set("id", request.path("id"));
          DemoSession session = sessions.get(sessionId);
          if (request.path("method").asText().equals("Target.getTargets") && session != null) {
            ObjectNode page = answer.putObject("result").putArray("targetInfos").addObject();
            page.put("targetId", session.id);
            page.put("type", "page");
            page.put("title", "Example Domain");
            page.put("url", session.url);
            page.put("attached", true);
          } else {
            answer.putObject("error").put("code", -32601).put("message", "The demo browser does not know " + request.path("method"));
          }
        } catch (IOException e) {
          answer.putObject("error").put("code", -32700).put("message", "Message is not JSON");
        }
        socket.send(answer.toString());
      }

      @Override
      public void onClosing(WebSocket socket, int code, String reason) {
        socket.close(1000, null);
      }
    }).build();
  }

  private Operation perform(String operation, DemoSession session, JsonNode body) {
    if (operation.equals("navigate")) {
      return navigate(session, body);
    } else if (operation.equals("observe")) {
      return observe(session, body);
    } else if (operation.equals("act")) {
      return act(session, body);
    } else if (operation.equals("extract")) {
      return extract(session, body);
    } else if (operation.equals("agentExecute")) {
      return agentExecute(session, body);
    }
    return null;
  }

  private Operation navigate(DemoSession session, JsonNode body) {
    if (!body.path("url").isTextual()) {
      return Operation.missing("url");
    }
    HttpUrl canonical = HttpUrl.parse(body.get("url").asText()); // a browser reports https://example.com/
    session.url = canonical != null ? canonical.toString() : body.get("url").asText();
    Operation op = new Operation()
        .log("navigate", "navigating to page", 1, "url", session.url)
        .log("dom", "waiting for DOM to settle", 2);
    ObjectNode response = NODES.objectNode();
    response.put("url", session.url);
    response.put("status", 200);
    response.put("statusText", "OK");
    response.put("ok", true);
    op.result = response;
    record(currentPage(session), "navigate", body, response, 0);
    return op;
  }

  /** The demo page has one link, like https://example.com: observe always finds it. */
  private static ObjectNode linkAction() {
    ObjectNode action = NODES.objectNode();
    action.put("selector", "xpath=/html[1]/body[1]/div[1]/p[2]/a[1]");
    action.put("description", "'Learn more' link pointing to the IANA page about example domains");
    action.put("backendNodeId", 14);
    action.put("method", "click");
    action.putArray("arguments");
    return action;
  }

  private Operation observe(DemoSession session, JsonNode body) {
    String instruction = body.path("instruction").asText("find the actions available on the page");
    ArrayNode actions = NODES.arrayNode();
    actions.add(linkAction());
    Operation op = new Operation()
        .log("observation", "starting observation", 1, "instruction", instruction)
        .log("observation", "Getting accessibility tree data", 2)
        .log("observation", "found elements", 1, "elements", "1");
    op.result = actions;
    record(currentPage(session), "observe", body, resultObject(actions), 840);
    return op;
  }

  private Operation act(DemoSession session, JsonNode body) {
    JsonNode input = body.get("input");
    if (input == null || !(input.isTextual() || input.isObject())) {
      return Operation.missing("input");
    }
    // An instruction in words is "resolved" to the link; an Action from observe is used as it is.
    ObjectNode action = input.isObject() ? (ObjectNode) input.deepCopy() : linkAction();
    String selector = action.path("selector").asText();
    String method = action.path("method").asText("click");
    Operation op = new Operation();
    if (input.isTextual()) {
      op.log("action", "Attempting to perform action", 1, "instruction", input.asText());
    }
    op.log("action", "performing understudy method", 2, "selector", selector, "method", method,
        "arguments", action.path("arguments").toString());
    op.log("action", "action completed", 1, "description", action.path("description").asText());

    ObjectNode result = NODES.objectNode();
    result.put("success", true);
    result.put("message", "Action [" + method + "] performed successfully on selector: " + selector);
    result.put("actionDescription", action.path("description").asText());
    result.putArray("actions").add(action);
    op.result = result;
    record(currentPage(session), "act", body, result, 1530);
    if (method.equals("click") && selector.equals(linkAction().get("selector").asText())) {
      session.url = "https://www.iana.org/help/example-domains"; // the link was "followed"
    }
    return op;
  }

  private Operation extract(DemoSession session, JsonNode body) {
    JsonNode schema = body.get("schema");
    JsonNode data;
    if (schema != null && schema.isObject()) {
      data = sample(schema, "value", session);
    } else {
      ObjectNode text = NODES.objectNode(); // with no schema, the real server answers { extraction }
      text.put("extraction", "Example Domain. This domain is for use in documentation examples.");
      data = text;
    }
    Operation op = new Operation()
        .log("extraction", "starting extraction", 1, "instruction", body.path("instruction").asText(""))
        .log("extraction", "received extraction response", 2, "prompt_tokens", "1843", "completion_tokens", "37")
        .log("extraction", "extraction completed successfully", 1);
    op.result = data;
    record(currentPage(session), "extract", body, resultObject(data), 1210);
    return op;
  }

  /** A value that fits the JSON Schema {@code schema} "loosely", made up from the property names. */
  private static JsonNode sample(JsonNode schema, String name, DemoSession session) {
    String type = schema.path("type").asText(schema.has("properties") ? "object" : "string");
    if (type.equals("object")) {
      ObjectNode object = NODES.objectNode();
      JsonNode properties = schema.path("properties");
      for (Iterator<String> names = properties.fieldNames(); names.hasNext(); ) {   // works on any Jackson 2.12+
        String property = names.next();
        object.set(property, sample(properties.get(property), property, session));
      }
      return object;
    } else if (type.equals("array")) {
      ArrayNode array = NODES.arrayNode();
      array.add(sample(schema.path("items"), name, session));
      array.add(sample(schema.path("items"), name, session));
      return array;
    } else if (type.equals("number") || type.equals("integer")) {
      return NODES.numberNode(42);
    } else if (type.equals("boolean")) {
      return NODES.booleanNode(true);
    }
    String lower = name.toLowerCase();
    if (lower.contains("url") || lower.contains("link") || lower.contains("href")) {
      return NODES.textNode(session.url);
    } else if (lower.contains("title") || lower.contains("heading") || lower.contains("name")) {
      return NODES.textNode("Example Domain");
    }
    return NODES.textNode("This domain is for use in documentation examples without needing permission.");
  }

  private Operation agentExecute(DemoSession session, JsonNode body) {
    JsonNode options = body.get("executeOptions");
    if (options == null || !options.path("instruction").isTextual()) {
      return Operation.missing("executeOptions.instruction");
    }
    String instruction = options.get("instruction").asText();
    Operation op = new Operation()
        .log("agent", "Executing agent task", 1, "instruction", instruction)
        .log("agent", "step 1: ariaTree", 2)
        .log("agent", "step 2: act", 1, "action", "click the 'Learn more' link")
        .log("agent", "step 3: extract", 1)
        .log("agent", "Task completed", 1);

    ArrayNode actions = NODES.arrayNode();
    actions.add(agentStep("ariaTree", "I need to see what is on the page first.", false, session.url, 912));
    actions.add(agentStep("act", "The 'Learn more' link leads to the page the task asks for.", false, session.url, 1874));
    session.url = "https://www.iana.org/help/example-domains";
    actions.add(agentStep("extract", "The page explains what example domains are for.", false, session.url, 1320));
    actions.add(agentStep("close", "The task is done.", true, session.url, 4));

    ObjectNode result = NODES.objectNode();
    result.put("success", true);
    result.put("message", "Opened the 'Learn more' page: example.com, example.net and example.org are reserved "
        + "by IANA for use in documentation (RFC 2606).");
    result.set("actions", actions);
    result.put("completed", true);
    result.putObject("metadata");
    ObjectNode usage = result.putObject("usage");
    usage.put("input_tokens", 12_480);
    usage.put("output_tokens", 612);
    usage.put("reasoning_tokens", 256);
    usage.put("cached_input_tokens", 8_192);
    usage.put("inference_time_ms", 4_110);
    op.result = result;
    record(currentPage(session), "agentExecute", body, resultObject(result), 4_110);
    return op;
  }

  private static ObjectNode agentStep(String type, String reasoning, boolean done, String url, int millis) {
    ObjectNode step = NODES.objectNode();
    step.put("type", type);
    step.put("reasoning", reasoning);
    step.put("taskCompleted", done);
    step.put("pageUrl", url);
    step.put("timeMs", millis);
    return step;
  }

  private static ObjectNode replay(DemoSession session) {
    ObjectNode data = NODES.objectNode();
    ArrayNode pages = data.putArray("pages");
    long now = System.currentTimeMillis();
    for (ObjectNode page : session.pages) {
      ObjectNode copy = page.deepCopy();
      copy.put("duration", now - page.path("timestamp").asLong());
      pages.add(copy);
    }
    data.put("clientLanguage", "java");
    return data;
  }

  // --- bookkeeping for replay ---

  /** The replay record of the page the session is on; a new one after each change of URL. */
  private static ObjectNode currentPage(DemoSession session) {
    ObjectNode last = session.pages.isEmpty() ? null : session.pages.get(session.pages.size() - 1);
    if (last != null && last.path("url").asText().equals(session.url)) {
      return last;
    }
    ObjectNode page = NODES.objectNode();
    page.put("url", session.url);
    page.put("timestamp", System.currentTimeMillis());
    page.put("duration", 0);
    page.putArray("actions");
    session.pages.add(page);
    return page;
  }

  private static void record(ObjectNode page, String method, JsonNode parameters, JsonNode result, int millis) {
    long now = System.currentTimeMillis();
    ObjectNode action = ((ArrayNode) page.get("actions")).addObject();
    action.put("method", method);
    action.set("parameters", parameters.isObject() ? parameters : NODES.objectNode());
    action.set("result", result.isObject() ? result : resultObject(result));
    action.put("timestamp", now);
    action.put("endTime", now + millis);
    if (millis > 0) {
      ObjectNode usage = action.putObject("tokenUsage");
      usage.put("inputTokens", 1843);
      usage.put("outputTokens", 37);
      usage.put("timeMs", millis);
      usage.put("cost", 0.00021);
    }
  }

  private static ObjectNode resultObject(JsonNode value) {
    ObjectNode wrapper = NODES.objectNode();
    wrapper.set("result", value);
    return wrapper;
  }

  // ---------------------------------------------------------------------------------------------
  // HTTP: JSON bodies, errors and Server-Sent Events, as the real server sends them.

  private static ObjectNode success(JsonNode data) {
    ObjectNode body = NODES.objectNode();
    body.put("success", true);
    body.set("data", data);
    return body;
  }

  private static MockResponse json(JsonNode body) {
    return json(200, body);
  }

  private static MockResponse json(int code, JsonNode body) {
    String reason = code == 200 ? "OK" : code == 400 ? "Bad Request" : code == 404 ? "Not Found" : "Internal Server Error";
    return new MockResponse.Builder()
        .status("HTTP/1.1 " + code + " " + reason)
        .setHeader("Content-Type", "application/json; charset=utf-8")
        .body(body.toString())
        .build();
  }

  private static MockResponse error(int code, String message, String errorCode) {
    ObjectNode body = NODES.objectNode();
    body.put("success", false);
    body.put("error", message);
    body.put("code", errorCode);
    return json(code, body);
  }

  private static MockResponse validationError(String property) {
    ObjectNode issue = NODES.objectNode();
    issue.put("path", property);
    issue.put("message", "Required");
    ObjectNode body = NODES.objectNode();
    body.putArray("error").add(issue);
    return json(400, body);
  }

  /** {@code starting}, {@code connected}, the log lines, then {@code finished} with the result. */
  private static MockResponse eventStream(Operation op) {
    List<String> events = new ArrayList<String>();
    events.add(event("starting", "system", status("starting")));
    events.add(event("connected", "system", status("connected")));
    for (ObjectNode line : op.logs) {
      ObjectNode data = status("running");
      data.set("message", line);
      events.add(event("running", "log", data));
    }
    ObjectNode finished = status("finished");
    finished.set("result", op.result);
    events.add(event("finished", "system", finished));
    return new MockResponse.Builder()
        .setHeader("Content-Type", "text/event-stream")
        .setHeader("Cache-Control", "no-cache, no-transform")
        .body(new PacedBody(events))
        .build();
  }

  private static ObjectNode status(String status) {
    ObjectNode data = NODES.objectNode();
    data.put("status", status);
    return data;
  }

  private static String event(String name, String type, ObjectNode data) {
    ObjectNode payload = NODES.objectNode();
    payload.set("data", data);
    payload.put("type", type);
    payload.put("id", UUID.randomUUID().toString());
    return "event: " + name + "\ndata: " + payload + "\n\n";
  }

  /** Writes one event at a time with a pause between them, as a server doing real work would. */
  private static final class PacedBody implements MockResponseBody {
    private final List<byte[]> events = new ArrayList<byte[]>();

    PacedBody(List<String> events) {
      for (String event : events) {
        this.events.add(event.getBytes(StandardCharsets.UTF_8));
      }
    }

    @Override
    public long getContentLength() {
      long length = 0;
      for (byte[] event : events) {
        length += event.length;
      }
      return length;
    }

    @Override
    public void writeTo(BufferedSink sink) throws IOException {
      for (int i = 0; i < events.size(); i++) {
        if (i > 0) {
          try {
            Thread.sleep(EVENT_PAUSE_MILLIS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("demo server stopped");
          }
        }
        sink.write(events.get(i));
        sink.flush();
      }
    }
  }
}
