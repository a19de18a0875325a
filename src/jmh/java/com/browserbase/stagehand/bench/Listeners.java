package com.browserbase.stagehand.bench;

import com.browserbase.stagehand.client.StagehandOkHttpClient;
import com.browserbase.stagehand.core.events.CallEnded;
import com.browserbase.stagehand.core.events.CallListener;
import com.browserbase.stagehand.core.events.StreamEventReceived;
import java.util.concurrent.atomic.LongAdder;

/**
 * The {@code listener} parameter of {@link ActBenchmark} and {@link StreamBenchmark}: what the SDK side's client is
 * told of its calls. The baseline never has one.
 *
 * <ul>
 *   <li>{@code none}: no listener, the default (the client allocates no events and starts no thread);
 *   <li>{@code noop}: a listener that overrides nothing, so every event is made, queued and delivered to the
 *       interface's empty default methods on the client's listener thread;
 *   <li>{@code counting}: counts the ends of calls and the stream events in a {@link LongAdder}, about the least a
 *       metrics listener does.
 * </ul>
 */
final class Listeners {
  /** Events {@code counting} listeners saw; checked after a trial so that a listener that heard nothing fails it. */
  static final LongAdder COUNTED = new LongAdder();

  private Listeners() {}

  /** Sets the listener named {@code name} on {@code builder} (none for {@code none}). */
  static StagehandOkHttpClient.Builder apply(StagehandOkHttpClient.Builder builder, String name) {
    switch (name) {
      case "none":
        return builder;
      case "noop":
        return builder.callListener(new CallListener() {});
      case "counting":
        return builder.callListener(new CallListener() {
          @Override
          public void callEnded(CallEnded event) {
            COUNTED.increment();
          }

          @Override
          public void streamEventReceived(StreamEventReceived event) {
            COUNTED.increment();
          }
        });
      default:
        throw new IllegalArgumentException("listener must be none, noop or counting, not " + name);
    }
  }

  /** After the client closed (which delivers what is queued): fails unless a {@code counting} listener heard calls. */
  static void checkHeard(String name) {
    if ("counting".equals(name) && COUNTED.sumThenReset() == 0) {
      throw new IllegalStateException("the counting listener heard no event");
    }
  }
}
