package com.browserbase.stagehand.internal;

import com.browserbase.stagehand.core.http.StreamResponse;
import com.browserbase.stagehand.errors.SseException;
import com.browserbase.stagehand.errors.StagehandException;
import com.browserbase.stagehand.errors.StagehandInvalidDataException;
import com.browserbase.stagehand.errors.StagehandIoException;
import com.browserbase.stagehand.models.sessions.StreamEvent;
import com.browserbase.stagehand.models.sessions.StreamEventData;
import com.browserbase.stagehand.models.sessions.StreamEventStatus;
import com.browserbase.stagehand.models.sessions.StreamEventType;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import okhttp3.Call;
import okhttp3.Response;
import org.slf4j.Logger;

/**
 * The events of one streamed operation, parsed as they arrive. Ends after the {@code finished}
 * event; an {@code error} event raises {@link SseException}; an end of stream before either raises
 * {@link StagehandIoException}. Not API.
 */
public final class EventStream implements StreamResponse<StreamEvent>, Iterator<StreamEvent> {
  private final Call call;
  private final Response response;
  private final SseReader reader;
  private final String description;
  private final Logger log;
  private final StreamEvent jsonResult;
  private final boolean validate;
  private StreamEvent next;
  private boolean finished;
  private boolean closed;
  private boolean consumed;
  private int count;

  private EventStream(
      Call call, Response response, StreamEvent jsonResult, String description, Logger log, boolean validate) {
    this.call = call;
    this.response = response;
    this.reader = jsonResult == null ? new SseReader(response.body().source()) : null;
    this.jsonResult = jsonResult;
    this.description = description;
    this.log = log;
    this.validate = validate;
  }

  /** Streams the events of an {@code text/event-stream} response. */
  static EventStream ofEvents(Call call, Response response, String description, Logger log, boolean validate) {
    return new EventStream(call, response, null, description, log, validate);
  }

  /**
   * Delivers an ordinary JSON response to a streaming request (a server that does not stream) as a
   * single {@code finished} event carrying what a real stream's {@code finished} event carries: the
   * operation's result, {@code data.result} ({@code data}, or the whole body, when that is absent).
   */
  static EventStream ofJson(
      Call call, Response response, JsonNode body, String description, Logger log, boolean validate) {
    JsonNode data = body.has("data") ? body.get("data") : body;
    JsonNode result = data.has("result") ? data.get("result") : data;
    StreamEvent event = StreamEvent.builder()
        .id(UUID.randomUUID().toString())
        .type(StreamEventType.SYSTEM)
        .data(StreamEventData.builder().status(StreamEventStatus.FINISHED).result(result).build())
        .build();
    return new EventStream(call, response, event, description, log, validate);
  }

  @Override
  public Stream<StreamEvent> stream() {
    if (consumed) {
      throw new IllegalStateException("The stream of " + description + " has already been consumed");
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
    if (closed) {
      throw new IllegalStateException("The stream of " + description + " is closed");
    }
    if (jsonResult != null) {
      return end(jsonResult);
    }
    try {
      SseReader.Frame frame = reader.next();
      if (frame == null) {
        close();
        throw new StagehandIoException(
            "The stream of " + description + " ended after " + count + " events without a finished or error event",
            new java.io.EOFException());
      }
      StreamEvent event = parse(frame);
      count++;
      StreamEventStatus status = statusOf(event, frame);
      if (StreamEventStatus.ERROR.equals(status)) {
        close();
        throw new SseException(event.data().error().orElse("The server reported an error in " + description));
      }
      return StreamEventStatus.FINISHED.equals(status) ? end(event) : event;
    } catch (IOException e) {
      close();
      throw new StagehandIoException("The stream of " + description + " failed: " + e.getMessage(), e);
    } catch (StagehandException e) {
      close();
      throw e;
    }
  }

  private StreamEvent end(StreamEvent last) {
    finished = true;
    close();
    return last;
  }

  private static final ObjectReader EVENT_READER = HttpTransport.readerFor(StreamEvent.class);

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
    } catch (IOException e) {
      throw new StagehandInvalidDataException("An event of " + description + " is not valid: "
          + (e instanceof JsonProcessingException ? Json.describe((JsonProcessingException) e) : e.getMessage()), e);
    } catch (StagehandInvalidDataException e) {
      throw new StagehandInvalidDataException("An event of " + description + " is not valid: " + e.getMessage(), e);
    }
    if (log.isTraceEnabled()) {
      log.trace("{} event {}: {}", description, frame.event, Redactor.redact(frame.data));
    }
    return event;
  }

  /** The event's {@code data.status}, or else the frame's {@code event} name. */
  private StreamEventStatus statusOf(StreamEvent event, SseReader.Frame frame) {
    try {
      return event.data().status();
    } catch (StagehandInvalidDataException missing) {
      if (frame.event == null) {
        throw new StagehandInvalidDataException(
            "An event of " + description + " has neither a data.status nor an event name: " + frame.data, missing);
      }
      return StreamEventStatus.of(frame.event);
    }
  }

  /**
   * Releases an unread stream without cancelling its call: a body that has fully arrived lets OkHttp
   * reuse the connection; one still running is cut off after OkHttp's brief discard.
   */
  void release() {
    if (!closed) {
      closed = true;
      response.close();
    }
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      if (!finished) {
        call.cancel();
      }
      response.close();
    }
  }
}
