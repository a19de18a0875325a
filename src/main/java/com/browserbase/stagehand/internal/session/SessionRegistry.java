package com.browserbase.stagehand.internal.session;

import com.browserbase.stagehand.errors.StagehandIoException;
import com.browserbase.stagehand.internal.runtime.Futures;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sessions a client opened or attached and that have not ended, oldest first. A session leaves
 * when it ends, so the registry holds none forever. Thread-safe. Not API.
 */
public final class SessionRegistry<S extends OpenSession> {
  private static final Logger LOG = LoggerFactory.getLogger("com.browserbase.stagehand.sessions");

  private final Map<String, S> open = new LinkedHashMap<>();

  /** Adds {@code session}, or returns the one already registered under its id. */
  public synchronized S add(S session) {
    S known = open.get(session.id);
    if (known != null) {
      return known;
    }
    open.put(session.id, session);
    return session;
  }

  /** The session registered under {@code id}, or {@code null}. */
  public synchronized S get(String id) {
    return open.get(id);
  }

  /** Removes {@code session}, when it is the one registered under its id. */
  synchronized void remove(OpenSession session) {
    open.remove(session.id, session);
  }

  /** The sessions not ended yet, oldest first: a copy. */
  public synchronized List<S> all() {
    return new ArrayList<>(open.values());
  }

  /**
   * Ends every session still open, all at once, each end retried where that can help ({@link
   * OpenSession#endWhileClosing(Duration)}), waiting at most {@code limit} in all; an end still under way then
   * is cancelled. Never throws: this runs while a client closes. An interrupt cuts the wait short and stays set.
   *
   * @return why each session that could not be ended was not, by id, oldest first; empty when all ended. They
   *     are logged at WARN too, in one line naming them.
   */
  public Map<String, Throwable> endAll(Duration limit) {
    Map<String, Throwable> left = new LinkedHashMap<>();
    List<S> sessions = all();
    if (sessions.isEmpty()) {
      return left;
    }
    List<CompletableFuture<Void>> ends = new ArrayList<>(sessions.size());
    for (S session : sessions) {
      ends.add(session.endWhileClosing(limit));
    }
    boolean interrupted = false;
    try {
      CompletableFuture.allOf(ends.toArray(new CompletableFuture<?>[0])).get(limit.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException someFailed) {
      // each failure is collected below
    } catch (TimeoutException late) {
      // each end still under way is cancelled below
    } catch (InterruptedException e) {
      interrupted = true;
    }
    for (int i = 0; i < sessions.size(); i++) {
      String id = sessions.get(i).id;
      CompletableFuture<Void> end = ends.get(i);
      if (!end.isDone() && end.cancel(true)) {
        left.put(id, new StagehandIoException("Ending session " + id + " was cancelled: "
            + (interrupted ? "closing the client was interrupted" : "not done within " + text(limit)),
            new InterruptedIOException(interrupted ? "interrupted" : "timeout")));
      } else if (end.isCompletedExceptionally()) {
        try {
          end.join();
        } catch (CompletionException | CancellationException e) {
          left.put(id, e.getCause() != null ? e.getCause() : e);
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    if (!left.isEmpty()) {
      StringBuilder why = new StringBuilder();
      left.forEach((id, failure) -> why.append(why.length() == 0 ? "" : "; ").append(id).append(": ")
          .append(failure.getMessage()));
      LOG.warn("Could not end {} while closing the client, left running until the server ends them: {}. {}",
          left.size() == 1 ? "1 session" : left.size() + " sessions", String.join(", ", left.keySet()), why);
    }
    return left;
  }

  /**
   * Logs at WARN when {@code end}, the end of a session nobody holds a handle of (it started after its client
   * closed, or its opening was cancelled), fails: nobody else would know it is still running.
   */
  public static void warnIfNotEnded(String id, CompletableFuture<Void> end) {
    end.whenComplete((done, failure) -> {
      if (failure != null) {
        Throwable cause = Futures.unwrap(failure);
        LOG.warn("Could not end session {}, left running until the server ends it: {}", id, cause.getMessage());
      }
    });
  }

  private static String text(Duration duration) {
    long ms = duration.toMillis();
    return ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
  }
}
