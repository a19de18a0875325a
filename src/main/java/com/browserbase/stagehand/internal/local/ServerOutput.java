package com.browserbase.stagehand.internal.local;

import com.browserbase.stagehand.internal.runtime.Json;
import com.browserbase.stagehand.internal.runtime.Redactor;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * The standard output and error of a local Stagehand server: each line goes to SLF4J under {@code
 * com.browserbase.stagehand.local} as it arrives, and the last ones are kept, shortened to level, message and error,
 * for error messages. The server's JSON lines (pino) keep their level, but routine {@code info} goes to DEBUG, and
 * their secrets are masked. Read by one daemon thread per stream; thread-safe. Not API.
 */
final class ServerOutput {
  static final Logger LOG = LoggerFactory.getLogger("com.browserbase.stagehand.local");
  private static final int KEPT_LINES = 40;
  private static final int KEPT_ERRORS = 20;
  private static final int MAX_LINE = 1_000;
  /** Fastify's line once the server's socket is bound. */
  private static final Pattern LISTENING = Pattern.compile("^Server listening at (https?://\\S+)$");

  private final String name;
  private final ArrayDeque<String> lines = new ArrayDeque<>();
  /** Errors the server logged, by the sequence number of their line. */
  private final TreeMap<Long, String> errors = new TreeMap<>();
  private final List<Thread> readers = new CopyOnWriteArrayList<>();
  private long sequence;
  /** When the last line was read ({@link System#nanoTime()}), for {@link #settle}. */
  private long lastLineNanos;
  private volatile boolean stopping;
  /** What the server said it listens at ({@code http://127.0.0.1:41234}), or {@code null} before it said so. */
  private volatile String listeningAt;
  /** The server's process id, as its {@link Supervisor} said, or -1. */
  private volatile long serverPid = -1;

  /** {@code name} (such as {@code stagehand-server-12345}) names the reader threads. */
  ServerOutput(String name) {
    this.name = name;
  }

  /** Starts reading {@code stream} on a daemon thread; lines that are not JSON count as errors when {@code stderr}. */
  void read(InputStream stream, boolean stderr) {
    Thread reader = new Thread(() -> pump(stream, stderr), name + (stderr ? "-stderr" : "-stdout"));
    reader.setDaemon(true);
    readers.add(reader);
    reader.start();
  }

  /** From now on every line is logged at DEBUG: the complaints of a server being stopped are noise. */
  void stopping() {
    stopping = true;
  }

  /** Waits up to {@code millis} for the streams to end, so that a dead server's last words are in. */
  void awaitEnd(long millis) throws InterruptedException {
    long deadline = System.nanoTime() + millis * 1_000_000;
    for (Thread thread : readers) {
      thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
    }
  }

  /**
   * The address the server itself said it listens at, from its {@code Server listening at <url>} line, or
   * {@code null} before that line: only the process that bound the port can say so.
   */
  String listeningAt() {
    return listeningAt;
  }

  /** The server's process id, once its {@link Supervisor} has said it (its first line), or -1. */
  long serverPid() {
    return serverPid;
  }

  /** The last lines, shortened, oldest first. */
  synchronized List<String> lastLines(int count) {
    return lines.stream().skip(Math.max(0, lines.size() - count)).collect(Collectors.toList());
  }

  /** A mark for {@link #errorsSince(long)}: the number of lines read so far. */
  synchronized long mark() {
    return sequence;
  }

  /**
   * Waits until the server has been quiet for {@code quietMs} (at most {@code maxMs}): lines it wrote
   * just before answering may still be on their way through the pipe and the reader thread.
   */
  synchronized void settle(long quietMs, long maxMs) {
    long start = System.nanoTime();
    long deadline = start + TimeUnit.MILLISECONDS.toNanos(maxMs);
    long quiet = TimeUnit.MILLISECONDS.toNanos(quietMs);
    try {
      while (true) {
        long quietUntil = Math.max(lastLineNanos, start) + quiet;
        long wait = Math.min(quietUntil, deadline) - System.nanoTime();
        if (wait <= 0) {
          return;
        }
        TimeUnit.NANOSECONDS.timedWait(this, wait);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The errors logged after {@code mark}, shortened, oldest first. */
  synchronized List<String> errorsSince(long mark) {
    return new ArrayList<>(errors.tailMap(mark, false).values());
  }

  private void pump(InputStream stream, boolean stderr) {
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        accept(line, stderr);
      }
    } catch (IOException closed) {
      // the process is gone
    }
  }

  void accept(String line, boolean stderr) {
    if (line.trim().isEmpty()) {
      return;
    }
    Matcher supervisor = Supervisor.SERVER_PID.matcher(line);
    if (!stderr && serverPid < 0 && supervisor.matches()) {
      serverPid = Long.parseLong(supervisor.group(1));
      LOG.debug(line);
      return;
    }
    JsonNode json = parse(line);
    Matcher listening = LISTENING.matcher(json != null ? json.path("msg").asText("") : line);
    if (listeningAt == null && listening.find()) {
      listeningAt = listening.group(1);
    }
    Level level;
    String text;
    boolean error;
    if (json != null) {
      String label = label(json.path("level"));
      level = level(label);
      error = level == Level.ERROR;
      text = shorten(label, json);
    } else {
      level = stderr ? Level.WARN : Level.DEBUG;
      error = stderr;
      text = line.length() > MAX_LINE ? line.substring(0, MAX_LINE) + "..." : line;
    }
    synchronized (this) {
      long number = ++sequence;
      lastLineNanos = System.nanoTime();
      notifyAll();
      lines.addLast(text);
      if (lines.size() > KEPT_LINES) {
        lines.removeFirst();
      }
      if (error) {
        errors.put(number, text);
        if (errors.size() > KEPT_ERRORS) {
          errors.pollFirstEntry();
        }
      }
    }
    log(stopping ? Level.DEBUG : level, line, json != null);
  }

  private static JsonNode parse(String line) {
    if (!line.startsWith("{")) {
      return null;
    }
    try {
      JsonNode node = Json.MAPPER.readTree(line);
      return node != null && node.isObject() ? node : null;
    } catch (IOException notJson) {
      return null;
    }
  }

  /** pino's level, as a label ({@code info}) or a number ({@code 30}). */
  private static String label(JsonNode level) {
    if (!level.isNumber()) {
      return level.asText("info");
    }
    int value = level.asInt();
    return value >= 50 ? "error" : value >= 40 ? "warn" : value >= 30 ? "info" : value >= 20 ? "debug" : "trace";
  }

  private static Level level(String label) {
    return label.equals("fatal") || label.equals("error") ? Level.ERROR : label.equals("warn") ? Level.WARN
        : label.equals("trace") ? Level.TRACE : Level.DEBUG; // info, debug: the server's routine chatter
  }

  /** {@code error: Uncaught Exception: (spawn /usr/bin/chromium ENOENT)}. */
  private static String shorten(String label, JsonNode json) {
    String message = json.path("msg").asText("");
    String error = json.path("err").path("message").asText("");
    StringBuilder text = new StringBuilder(label).append(": ").append(message);
    if (!error.isEmpty() && !error.equals(message)) {
      text.append(message.isEmpty() ? "" : " ").append('(').append(error).append(')');
    }
    return text.length() > MAX_LINE ? text.substring(0, MAX_LINE) + "..." : text.toString();
  }

  /** Logs a line; a JSON line is logged with its secrets masked, and only parsed again when it is logged. */
  private static void log(Level level, String line, boolean json) {
    boolean enabled = level == Level.ERROR ? LOG.isErrorEnabled() : level == Level.WARN ? LOG.isWarnEnabled()
        : level == Level.DEBUG ? LOG.isDebugEnabled() : LOG.isTraceEnabled();
    if (!enabled) {
      return;
    }
    String text = json ? Redactor.redact(line) : line;
    if (level == Level.ERROR) {
      LOG.error(text);
    } else if (level == Level.WARN) {
      LOG.warn(text);
    } else if (level == Level.DEBUG) {
      LOG.debug(text);
    } else {
      LOG.trace(text);
    }
  }
}
