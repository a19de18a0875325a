package com.browserbase.stagehand.internal.http;

/** Waits between retries; tests replace it so that they never sleep. Not API. */
public interface Sleeper {
  /** The real one: {@link Thread#sleep(long)}. */
  Sleeper SYSTEM = Thread::sleep;

  /** Waits {@code millis} milliseconds. */
  void sleep(long millis) throws InterruptedException;
}
