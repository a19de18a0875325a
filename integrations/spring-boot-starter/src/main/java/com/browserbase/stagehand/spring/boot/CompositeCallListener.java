package com.browserbase.stagehand.spring.boot;

import com.browserbase.stagehand.core.events.CachedActEnded;
import com.browserbase.stagehand.core.events.CallEnded;
import com.browserbase.stagehand.core.events.CallEvent;
import com.browserbase.stagehand.core.events.CallListener;
import com.browserbase.stagehand.core.events.CallStarted;
import com.browserbase.stagehand.core.events.RetryScheduled;
import com.browserbase.stagehand.core.events.StreamEventReceived;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@link CallListener} that tells every listener of the application, in order. Each listener gets back the
 * context it captured itself: {@link #captureContext()} captures all of them, and each event is handed to listener
 * {@code i} as a copy carrying context {@code i}. A listener that throws does not keep the others from hearing.
 */
final class CompositeCallListener implements CallListener {
  private static final Logger LOG = LoggerFactory.getLogger(CompositeCallListener.class);

  private final List<CallListener> listeners;
  private final AtomicBoolean captureFailed = new AtomicBoolean();

  private CompositeCallListener(List<CallListener> listeners) {
    this.listeners = listeners;
  }

  /** {@code listeners} as one: null when there is none, the listener itself when there is one. */
  static CallListener of(List<CallListener> listeners) {
    if (listeners.isEmpty()) {
      return null;
    }
    return listeners.size() == 1 ? listeners.get(0) : new CompositeCallListener(new ArrayList<>(listeners));
  }

  /** Each listener's context; one whose capture throws gets none (logged once), and the others keep theirs. */
  @Override
  public Object captureContext() {
    Object[] contexts = new Object[listeners.size()];
    for (int i = 0; i < contexts.length; i++) {
      try {
        contexts[i] = listeners.get(i).captureContext();
      } catch (RuntimeException | Error e) {
        if (captureFailed.compareAndSet(false, true)) {
          LOG.warn("The call listener {} threw from captureContext(); its events get no context (logged once)",
              listeners.get(i).getClass().getName(), e);
        }
      }
    }
    return new Contexts(contexts);
  }

  @Override
  public void callStarted(CallStarted e) {
    tell(e, (listener, context) -> listener.callStarted(
        new CallStarted(e.callId(), e.operation(), e.sessionId().orElse(null), context, e.streaming())));
  }

  @Override
  public void retryScheduled(RetryScheduled e) {
    tell(e, (listener, context) -> listener.retryScheduled(new RetryScheduled(e.callId(), e.operation(),
        e.sessionId().orElse(null), context, e.retry(), e.delay(), boxed(e.status()), e.failure().orElse(null))));
  }

  @Override
  public void streamEventReceived(StreamEventReceived e) {
    tell(e, (listener, context) -> listener.streamEventReceived(new StreamEventReceived(e.callId(), e.operation(),
        e.sessionId().orElse(null), context, e.type(), e.status().orElse(null))));
  }

  @Override
  public void callEnded(CallEnded e) {
    tell(e, (listener, context) -> listener.callEnded(new CallEnded(e.callId(), e.operation(),
        e.sessionId().orElse(null), context, e.streaming(), e.attempts(), boxed(e.status()), e.duration(),
        e.outcome(), e.failure().orElse(null))));
  }

  @Override
  public void cachedActEnded(CachedActEnded e) {
    tell(e, (listener, context) -> listener.cachedActEnded(new CachedActEnded(e.callId(), e.sessionId().orElse(null),
        context, e.cacheStatus(), e.duration(), e.failure().orElse(null))));
  }

  @Override
  public String toString() {
    return "CompositeCallListener" + listeners;
  }

  /** Hands {@code event} to each listener with its own context; one that throws is reported once all have heard. */
  private void tell(CallEvent event, BiConsumer<CallListener, Object> delivery) {
    Object[] contexts = event.context().filter(Contexts.class::isInstance).map(c -> ((Contexts) c).values).orElse(null);
    Throwable failure = null;
    for (int i = 0; i < listeners.size(); i++) {
      try {
        delivery.accept(listeners.get(i), contexts != null ? contexts[i] : null);
      } catch (RuntimeException | Error e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    // The client logs it at WARN, as for a single listener.
    if (failure instanceof Error) {
      throw (Error) failure;
    } else if (failure != null) {
      throw (RuntimeException) failure;
    }
  }

  private static Integer boxed(OptionalInt status) {
    return status.isPresent() ? status.getAsInt() : null;
  }

  /** The contexts the listeners captured, by position; a type of its own, so that no listener's context is mistaken for it. */
  private static final class Contexts {
    private final Object[] values;

    Contexts(Object[] values) {
      this.values = values;
    }
  }
}
