package com.browserbase.stagehand.internal.runtime;

import java.util.concurrent.CompletionException;

/** What the SDK's future chains share. Not API. */
public final class Futures {
  private Futures() {}

  /** The failure itself: the cause of the {@link CompletionException} a dependent stage wraps it in, if it is one. */
  public static Throwable unwrap(Throwable error) {
    return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
  }
}
