package com.browserbase.stagehand.internal.cache;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

/**
 * A browser's CDP endpoint, scripted, for a MockWebServer dispatcher ({@link #upgrade()}): page targets the test
 * opens, navigates and closes (with Chrome's target events to the connections that asked for them), {@code
 * Target.getTargets}, {@code Target.setDiscoverTargets}, {@code Target.attachToTarget} (flattened sessions) and a
 * {@code Runtime.evaluate} whose element shows up after {@link #elementAfter} looks. It counts what it is asked.
 */
public final class FakeBrowser {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The page targets as {id, url}, in the order Chrome lists them. */
  private final List<String[]> pages = new CopyOnWriteArrayList<>();
  private final List<Connection> open = new CopyOnWriteArrayList<>();
  private final Map<String, AtomicInteger> asked = new ConcurrentHashMap<>();
  /** The connections made. */
  public final AtomicInteger connections = new AtomicInteger();
  /** The connections the client closed (a close frame). */
  public final AtomicInteger closedByClient = new AtomicInteger();
  /** The target of each {@code Runtime.evaluate}, in order, and its expression. */
  public final List<String> evaluatedIn = new CopyOnWriteArrayList<>();
  public final List<String> expressions = new CopyOnWriteArrayList<>();
  /** No answer to anything. */
  public volatile boolean silent;
  /** {@code Target.setDiscoverTargets} is refused, as by a proxy that does not forward it. */
  public volatile boolean noDiscovery;
  /** {@code Target.attachToTarget} is refused. */
  public volatile boolean noAttach;
  private volatile int elementAfter;
  private volatile JsonNode evaluateValue;
  private final AtomicInteger sessions = new AtomicInteger();
  private volatile String evaluateError;
  private final AtomicInteger evaluateErrors = new AtomicInteger();

  public FakeBrowser(String... idThenUrl) {
    for (int i = 0; i < idThenUrl.length; i += 2) {
      pages.add(new String[] {idThenUrl[i], idThenUrl[i + 1]});
    }
  }

  /** Waits (generously) until {@code condition} holds: what a browser sends arrives on another thread. */
  public static void eventually(java.util.function.BooleanSupplier condition) {
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("still not so after 10 s");
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
    }
  }

  /** The answer to a WebSocket upgrade: a new connection. */
  public MockResponse upgrade() {
    connections.incrementAndGet();
    return new MockResponse.Builder().webSocketUpgrade(new Connection()).build();
  }

  /** How often {@code method} was asked and answered. */
  public int asked(String method) {
    AtomicInteger count = asked.get(method);
    return count == null ? 0 : count.get();
  }

  /** The element is absent for the first {@code looks} evaluations, then present; negative: never. */
  public void elementAfter(int looks) {
    elementAfter = looks;
  }

  /** The value every {@code Runtime.evaluate} answers from now on ({@code null}: as {@link #elementAfter} says). */
  public void evaluateAnswers(JsonNode value) {
    evaluateValue = value;
  }

  /** The next {@code times} evaluations fail with {@code message}, as in a page between two documents. */
  public void evaluateFails(String message, int times) {
    evaluateError = message;
    evaluateErrors.set(times);
  }

  /** The sessions attached so far end, without an event. */
  public void detachAll() {
    for (Connection connection : open) {
      connection.attached.clear();
    }
  }

  /** A new tab, listed first (Chrome's order is no creation order), announced to the connections. */
  public void open(String id, String url) {
    pages.add(0, new String[] {id, url});
    announce("Target.targetCreated", target(id, url));
  }

  /** A tab moves to {@code url}; {@code announce}: with the event. */
  public void navigate(String id, String url, boolean announce) {
    for (int i = 0; i < pages.size(); i++) {
      if (pages.get(i)[0].equals(id)) {
        pages.set(i, new String[] {id, url});
      }
    }
    if (announce) {
      announce("Target.targetInfoChanged", target(id, url));
    }
  }

  /** A tab closes. */
  public void close(String id) {
    pages.removeIf(page -> page[0].equals(id));
    ObjectNode params = NODES.objectNode().put("targetId", id);
    for (Connection connection : open) {
      if (connection.discover) {
        connection.send(NODES.objectNode().put("method", "Target.targetDestroyed").set("params", params));
      }
    }
  }

  /** The browser ends every connection (a close frame), as when it restarts. */
  public void drop() {
    for (Connection connection : open) {
      open.remove(connection);
      connection.socket.close(1001, "going away");
    }
  }

  private void announce(String method, ObjectNode target) {
    for (Connection connection : open) {
      if (connection.discover) {
        connection.send(NODES.objectNode().put("method", method).set("params", NODES.objectNode().set("targetInfo", target)));
      }
    }
  }

  private static ObjectNode target(String id, String url) {
    return NODES.objectNode().put("targetId", id).put("type", "page").put("url", url).put("attached", false);
  }

  /** One client's connection. */
  private final class Connection extends WebSocketListener {
    volatile WebSocket socket;
    volatile boolean discover;
    final Map<String, String> attached = new ConcurrentHashMap<>();

    void send(JsonNode message) {
      socket.send(message.toString());
    }

    @Override
    public void onOpen(WebSocket webSocket, okhttp3.Response response) {
      socket = webSocket;
      open.add(this);
    }

    @Override
    public void onMessage(WebSocket webSocket, String text) {
      socket = webSocket;
      if (silent) {
        return;
      }
      JsonNode request;
      try {
        request = JSON.readTree(text);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      String method = request.path("method").asText();
      ObjectNode answer = NODES.objectNode().put("id", request.path("id").asInt());
      ObjectNode result = NODES.objectNode();
      String session = request.path("sessionId").asText(null);
      switch (method) {
        case "Target.getTargets":
          ArrayNode targets = result.putArray("targetInfos");
          targets.addObject().put("targetId", "W").put("type", "service_worker").put("url", "https://example.com/sw.js");
          for (String[] page : pages) {
            targets.add(target(page[0], page[1]));
          }
          break;
        case "Target.setDiscoverTargets":
          if (noDiscovery) {
            error(answer, "'Target.setDiscoverTargets' wasn't found");
            break;
          }
          for (String[] page : pages) { // as Chrome: the targets there are, before the answer
            send(NODES.objectNode().put("method", "Target.targetCreated")
                .set("params", NODES.objectNode().set("targetInfo", target(page[0], page[1]))));
          }
          discover = true;
          break;
        case "Target.attachToTarget":
          String targetId = request.path("params").path("targetId").asText();
          if (noAttach || pages.stream().noneMatch(page -> page[0].equals(targetId))) {
            error(answer, "No target with given id found");
            break;
          }
          String id = "S" + sessions.incrementAndGet();
          attached.put(id, targetId);
          result.put("sessionId", id);
          break;
        case "Runtime.evaluate":
          if (session == null || !attached.containsKey(session)) {
            error(answer, "Session with given id not found.");
            break;
          }
          if (evaluateErrors.getAndDecrement() > 0) {
            error(answer, evaluateError);
            break;
          }
          evaluatedIn.add(attached.get(session));
          expressions.add(request.path("params").path("expression").asText());
          int looks = expressions.size();
          JsonNode value = evaluateValue;
          ObjectNode remote = result.putObject("result");
          if (value == null) {
            remote.put("type", "boolean").put("value", elementAfter >= 0 && looks > elementAfter);
          } else {
            remote.set("value", value);
          }
          if (session != null) {
            answer.put("sessionId", session);
          }
          break;
        default:
          error(answer, "'" + method + "' wasn't found");
      }
      if (!answer.has("error")) {
        answer.set("result", result);
      }
      asked.computeIfAbsent(method, m -> new AtomicInteger()).incrementAndGet(); // counted once handled
      send(answer);
    }

    private void error(ObjectNode answer, String message) {
      answer.putObject("error").put("code", -32000).put("message", message);
    }

    @Override
    public void onClosing(WebSocket webSocket, int code, String reason) {
      closedByClient.incrementAndGet();
      open.remove(this);
      webSocket.close(1000, null); // as a browser answers the client's close
    }

    @Override
    public void onFailure(WebSocket webSocket, Throwable t, okhttp3.Response response) {
      open.remove(this);
    }
  }
}
