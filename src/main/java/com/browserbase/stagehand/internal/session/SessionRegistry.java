package com.browserbase.stagehand.internal.session;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
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
   * Ends every session still open, all at once, waiting at most {@code limit}. Failures are logged,
   * never thrown: this runs while a client closes.
   */
  public void endAll(Duration limit) {
    List<S> sessions = all();
    if (sessions.isEmpty()) {
      return;
    }
    List<CompletableFuture<Void>> ends = new ArrayList<>(sessions.size());
    for (S session : sessions) {
      ends.add(session.endWhileClosing());
    }
    try {
      CompletableFuture.allOf(ends.toArray(new CompletableFuture<?>[0])).get(limit.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException someFailed) {
      // each failure is logged below
    } catch (TimeoutException late) {
      LOG.warn("Ending {} open sessions took longer than {}; closing anyway", sessions.size(), limit);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (int i = 0; i < sessions.size(); i++) {
      CompletableFuture<Void> end = ends.get(i);
      if (end.isCompletedExceptionally()) {
        try {
          end.join();
        } catch (RuntimeException e) {
          Throwable cause = e.getCause() != null ? e.getCause() : e;
          LOG.warn("Could not end session {} while closing the client: {}", sessions.get(i).id, cause.getMessage());
        }
      } else if (!end.isDone()) {
        end.cancel(true);
        LOG.warn("Session {} was not ended in time while closing the client", sessions.get(i).id);
      }
    }
  }
}
