package com.browserbase.stagehand.internal.session;

import com.browserbase.stagehand.errors.NotFoundException;
import com.browserbase.stagehand.errors.SseException;

/**
 * The retry of a call aimed at a tab the server does not know yet. The server learns of a tab another
 * CDP client opened (Playwright's {@code newPage()}) a few milliseconds after it exists, and until then
 * answers a call with that {@code frameId} {@code 404 Page not found} (an {@code error} event when
 * streamed), before doing anything: such a call is sent again after a short wait, for up to {@link
 * #BUDGET_MS}. Not API.
 */
public final class NewTabs {
  /** The longest a call waits, in all, for the server to know its tab. */
  public static final long BUDGET_MS = 3_000;
  private static final long FIRST_WAIT_MS = 50;
  private static final long MAX_WAIT_MS = 400;
  private static final String PAGE_NOT_FOUND = "Page not found";

  private NewTabs() {}

  /**
   * The wait before sending a failed call again, or {@code -1} to raise its failure: one not aimed at a
   * frame, another failure than the server not knowing the page, or the budget spent.
   *
   * @param waitedMs what the call has waited so far
   */
  public static long retryDelayMs(String frameId, Throwable failure, long waitedMs) {
    boolean pageUnknown = failure instanceof NotFoundException
        ? PAGE_NOT_FOUND.equals(((NotFoundException) failure).message())
        : failure instanceof SseException && PAGE_NOT_FOUND.equals(failure.getMessage());
    if (frameId == null || !pageUnknown || waitedMs >= BUDGET_MS) {
      return -1;
    }
    long wait = FIRST_WAIT_MS;
    for (long spent = FIRST_WAIT_MS; spent <= waitedMs; spent += wait) {
      wait = Math.min(MAX_WAIT_MS, wait * 2);
    }
    return Math.min(wait, BUDGET_MS - waitedMs);
  }
}
