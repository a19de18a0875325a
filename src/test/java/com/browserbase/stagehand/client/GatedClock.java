package com.browserbase.stagehand.client;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A fixed clock whose first reading waits, after saying so in {@link #reached}, until {@link #release} opens
 * (30 s at most: under load a close() held open at that moment can take seconds). The client reads its clock
 * once when it registers a session a start answered, so a test can hold that moment open, after the answer and
 * before the caller has the session, and do something there.
 */
final class GatedClock extends Clock {
  final CountDownLatch reached = new CountDownLatch(1);
  final CountDownLatch release = new CountDownLatch(1);
  private final Instant now;

  GatedClock(Instant now) {
    this.now = now;
  }

  @Override
  public Instant instant() {
    if (reached.getCount() > 0) {
      reached.countDown();
      try {
        release.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
