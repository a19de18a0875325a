package com.browserbase.stagehand.internal.http;

import com.browserbase.stagehand.core.events.CallOutcome;
import com.browserbase.stagehand.core.http.StreamResponse;
import com.browserbase.stagehand.errors.SseException;
import com.browserbase.stagehand.errors.StagehandException;
import com.browserbase.stagehand.errors.StagehandInvalidDataException;
import com.browserbase.stagehand.errors.StagehandIoException;
import com.browserbase.stagehand.internal.runtime.Json;
import com.browserbase.stagehand.internal.runtime.ReadLimit;
import com.browserbase.stagehand.internal.runtime.Redactor;
import com.browserbase.stagehand.internal.sse.SseReader;
import com.browserbase.stagehand.models.sessions.StreamEvent;
import com.browserbase.stagehand.models.sessions.StreamEventStatus;
import com.browserbase.stagehand.models.sessions.StreamEventType;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import okhttp3.Call;
import okhttp3.Response;

/**
 * The events of one streamed operation, parsed as they arrive. Ends after the {@code finished}
 * event; an {@code error} event raises {@link SseException}; an end of stream before either raises
 * {@link StagehandIoException}. Not API.
 *
 * <p>One thread reads; any thread may close. A close while a read is blocked cancels the call, which
 * ends the read; the reading thread then releases the response, so that the two threads never use
 * the connection's source at the same time.
 *
 * <p>The stream reports each event to the call's {@link CallTrace}, and the call's end: read to its {@code finished}
 * event, or closed before by the caller, is a success; an {@code error} event, a cut, an event it cannot read, or an
 * interrupt ends it as its exception says.
 */
public final class EventStream implements StreamResponse<StreamEvent>, Iterator<StreamEvent> {
  private static final ObjectReader EVENT_READER = Json.MAPPER.readerFor(StreamEvent.class);

  private final Exchange exchange;
  private final Call call;
  private final Response response;
  private final SseReader reader;
  private final StreamEvent onlyEvent;
  private final boolean validate;
  private final Object lock = new Object();
  // Guarded by lock: whether a read is under way, whether close() was called, whether the response is released.
  private boolean reading;
  private boolean closed;
  private boolean released;
  private volatile boolean finished;
  private StreamEvent next;
  private boolean consumed;
  private int count;

  private EventStream(Exchange exchange, Call call, Response response, StreamEvent onlyEvent, boolean validate) {
    this.exchange = exchange;
    this.call = call;
    this.response = response;
    this.reader = response != null ? new SseReader(response.body().source(), exchange.config.maxResponseBytes) : null;
    this.onlyEvent = onlyEvent;
    this.validate = validate;
  }

  /**
   * Streams the events of a {@code text/event-stream} response, none larger than {@code maxResponseBytes};
   * the stream owns the call and response.
   */
  static EventStream ofEvents(Exchange exchange, Call call, Response response, boolean validate) {
    return new EventStream(exchange, call, response, null, validate);
  }

  /**
   * A stream of one {@code finished} event: how an ordinary JSON answer to a streaming request (a
   * server that does not stream) is delivered. The answer was read and checked already.
   */
  static EventStream ofResult(Exchange exchange, StreamEvent finished) {
    return new EventStream(exchange, null, null, finished, false);
  }

  @Override
  public Stream<StreamEvent> stream() {
    if (consumed) {
      throw new IllegalStateException(streamOf() + " has already been consumed");
    }
    consumed = true;
    Spliterator<StreamEvent> spliterator =
        Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED | Spliterator.NONNULL);
    return StreamSupport.stream(spliterator, false).onClose(this::close);
  }

  @Override
  public boolean hasNext() {
    if (next == null && !finished) {
      next = read();
    }
    return next != null;
  }

  @Override
  public StreamEvent next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    StreamEvent event = next;
    next = null;
    return event;
  }

  private StreamEvent read() {
    if (onlyEvent != null) {
      finished = true;
      exchange.trace.streamEvent(StreamEventType.SYSTEM.value(), StreamEventStatus.FINISHED.value());
      exchange.trace.succeeded(null);
      return onlyEvent;
    }
    synchronized (lock) {
      if (closed) {
        throw new IllegalStateException(streamOf() + " is closed");
      }
      reading = true;
    }
    SseReader.Frame frame = null;
    IOException failure = null;
    try {
      frame = reader.next();
    } catch (IOException e) {
      failure = e;
    } finally {
      boolean closedMeanwhile;
      synchronized (lock) {
        reading = false;
        closedMeanwhile = closed;
      }
      if (closedMeanwhile) {
        release(); // close() left the response to this thread
      }
    }
    try {
      if (failure instanceof ReadLimit.ExceededException) {
        throw new StagehandInvalidDataException(ReadLimit.message("Event " + (count + 1) + " of the stream of "
            + exchange.description() + Failures.requestId(response), (ReadLimit.ExceededException) failure), failure);
      }
      if (failure != null) {
        throw failed(failure);
      }
      if (frame == null) {
        throw new StagehandIoException(streamOf() + " ended after " + Failures.events(count)
            + " without a finished or error event" + Failures.requestId(response), new EOFException());
      }
      StreamEvent event = parse(frame);
      count++;
      StreamEventStatus status = statusOf(event, frame);
      exchange.trace.streamEvent(typeOf(event), status.value());
      if (StreamEventStatus.ERROR.equals(status)) {
        throw new SseException(
            exchange.mask(event.data().error().orElse("The server reported an error in " + exchange.description())));
      }
      if (StreamEventStatus.FINISHED.equals(status)) {
        finished = true;
        exchange.trace.succeeded(null);
        close();
      }
      return event;
    } catch (StagehandException e) {
      exchange.trace.failed(e);
      close();
      throw e;
    }
  }

  /** The exception of a read that failed: the stream was closed, the reader interrupted, or the network failed. */
  private StagehandException failed(IOException failure) {
    boolean closedByCaller;
    synchronized (lock) {
      closedByCaller = closed;
    }
    String after = " after " + Failures.events(count);
    if (closedByCaller) {
      return new StagehandIoException(streamOf() + " was closed" + after, failure);
    }
    if (Thread.currentThread().isInterrupted() || exchange.clientClosed()) {
      exchange.trace.failsAs(CallOutcome.CANCELLED);
    }
    if (Thread.currentThread().isInterrupted()) {
      InterruptedIOException cause = new InterruptedIOException("interrupted");
      cause.initCause(failure);
      return new StagehandIoException(streamOf() + " was interrupted" + after, cause);
    }
    String what = Failures.isTimeout(failure)
        ? "no event within the " + Failures.duration(exchange.timeoutMs) + " timeout"
        : Failures.text(failure);
    return new StagehandIoException(streamOf() + " failed" + after + ": " + what + Failures.requestId(response), failure);
  }

  private String streamOf() {
    return "The stream of " + exchange.description();
  }

  private StreamEvent parse(SseReader.Frame frame) {
    StreamEvent event;
    try {
      if (validate) {
        JsonNode tree = EVENT_READER.readTree(frame.data);
        JsonTypes.check(tree, StreamEvent.class);
        event = EVENT_READER.<StreamEvent>readValue(tree).validate();
      } else {
        event = EVENT_READER.readValue(frame.data);
      }
    } catch (IOException | StagehandInvalidDataException e) {
      String why = e instanceof JsonProcessingException ? Json.describe((JsonProcessingException) e) : e.getMessage();
      throw new StagehandInvalidDataException(
          "An event of " + exchange.description() + " is not valid: " + exchange.mask(why), e);
    }
    if (Exchange.LOG.isTraceEnabled()) {
      Exchange.LOG.trace("{} event {}: {}", exchange.description(), frame.event, Redactor.redact(frame.data, exchange.secrets()));
    }
    return event;
  }

  /** The event's {@code type} as sent, for its report; {@code unknown} when it has none (not validated). */
  private static String typeOf(StreamEvent event) {
    try {
      return event.type().value();
    } catch (StagehandInvalidDataException missing) {
      return "unknown";
    }
  }

  /** The event's {@code data.status}, or else the frame's {@code event} name. */
  private StreamEventStatus statusOf(StreamEvent event, SseReader.Frame frame) {
    try {
      return event.data().status();
    } catch (StagehandInvalidDataException missing) {
      if (frame.event == null) {
        throw new StagehandInvalidDataException("An event of " + exchange.description()
            + " has neither a data.status nor an event name: " + Redactor.redact(frame.data, exchange.secrets()), missing);
      }
      return StreamEventStatus.of(frame.event);
    }
  }

  /**
   * Releases an unread stream without cancelling its call: a body that has fully arrived lets OkHttp
   * reuse the connection; one still running is cut off after OkHttp's brief discard.
   */
  void release() {
    exchange.trace.closedEarly(); // unless it ended already: the caller is done with it before its end
    synchronized (lock) {
      closed = true;
      if (released || reading) {
        return;
      }
      released = true;
    }
    if (response != null) {
      response.close();
      exchange.done(call);
    }
  }

  /** Closes the stream, cancelling the call unless it finished. Safe from any thread, at any time. */
  @Override
  public void close() {
    exchange.trace.closedEarly(); // unless it ended already: the caller closed it before its end
    boolean readerBusy;
    synchronized (lock) {
      if (closed && (released || reading)) {
        return;
      }
      closed = true;
      readerBusy = reading;
    }
    if (call != null && !finished) {
      call.cancel(); // ends a blocked read at once
    }
    if (!readerBusy) {
      release();
    }
  }
}
