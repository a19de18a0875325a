package com.browserbase.stagehand.internal.sse;

import java.io.IOException;
import okio.BufferedSource;
import okio.ByteString;

/**
 * Reads Server-Sent Events from a source, one frame at a time, as soon as its bytes arrive. Handles
 * the whole syntax: {@code data} over several lines, comments, {@code event}, {@code id}, {@code
 * retry}, and LF, CRLF or CR line ends. Not API.
 *
 * <p>Written here rather than taken from {@code okhttp-sse}: that module only pushes events to a
 * listener, while a blocking {@code Stream} needs to pull the next frame on the caller's thread.
 */
public final class SseReader {
  private static final ByteString LINE_ENDS = ByteString.encodeUtf8("\r\n");
  /** The common line, read straight into its value without copying the line first. */
  private static final ByteString DATA_PREFIX = ByteString.encodeUtf8("data: ");

  /** One dispatched event. */
  public static final class Frame {
    /** The {@code event} field, or {@code null} when the frame had none. */
    public final String event;
    /** The {@code data} lines joined with {@code \n}. */
    public final String data;
    /** The last event id seen, or {@code null}. */
    public final String id;

    Frame(String event, String data, String id) {
      this.event = event;
      this.data = data;
      this.id = id;
    }
  }

  private final BufferedSource source;
  private String lastEventId;
  private long retryMs = -1;
  private boolean skipLineFeed;
  // The frame being read.
  private String event;
  private String data;
  private StringBuilder moreData;

  /** Reads from {@code source}; the caller closes it. */
  public SseReader(BufferedSource source) {
    this.source = source;
  }

  /** The last {@code retry} the server sent, in milliseconds, or -1. */
  public long retryMs() {
    return retryMs;
  }

  /**
   * Blocks until the next frame is complete and returns it, or {@code null} at the end of the
   * stream. A last frame cut off before its blank line is discarded, as the SSE standard says: a
   * connection cut in the middle of an event must not pass for the event.
   */
  public Frame next() throws IOException {
    while (true) {
      if (skipLineFeed) {
        skipLineFeed = false;
        if (source.request(1) && source.getBuffer().getByte(0) == '\n') {
          source.skip(1);
        }
      }
      long end = source.indexOfElement(LINE_ENDS);
      if (end == -1) {
        source.skip(source.getBuffer().size()); // a last line without its end: an unfinished frame
        event = null;
        data = null;
        moreData = null;
        return null;
      }
      if (end == 0) {
        endOfLine();
        if (data != null) {
          return dispatch();
        }
        event = null;
      } else if (end >= DATA_PREFIX.size() && source.rangeEquals(0, DATA_PREFIX)) {
        source.skip(DATA_PREFIX.size());
        data(source.readUtf8(end - DATA_PREFIX.size()));
        endOfLine();
      } else {
        String line = source.readUtf8(end);
        endOfLine();
        line(line);
      }
    }
  }

  private void line(String line) {
    if (line.charAt(0) == ':') {
      return; // a comment, often a keep-alive
    }
    int colon = line.indexOf(':');
    int nameEnd = colon < 0 ? line.length() : colon;
    String value = colon < 0 ? "" : line.substring(colon + (line.startsWith(" ", colon + 1) ? 2 : 1));
    if (line.startsWith("data") && nameEnd == 4) {
      data(value);
    } else if (line.startsWith("event") && nameEnd == 5) {
      event = value;
    } else if (line.startsWith("id") && nameEnd == 2) {
      if (value.indexOf('\0') < 0) {
        lastEventId = value;
      }
    } else if (line.startsWith("retry") && nameEnd == 5) {
      if (!value.isEmpty() && value.chars().allMatch(Character::isDigit)) {
        retryMs = Long.parseLong(value);
      }
    }
    // other fields are ignored, as the SSE standard says
  }

  private void data(String value) {
    if (data == null) {
      data = value;
    } else {
      if (moreData == null) {
        moreData = new StringBuilder(data);
      }
      moreData.append('\n').append(value);
    }
  }

  private Frame dispatch() {
    Frame frame = new Frame(event, moreData != null ? moreData.toString() : data, lastEventId);
    event = null;
    data = null;
    moreData = null;
    return frame;
  }

  /** Consumes the line end at the head of the source. */
  private void endOfLine() throws IOException {
    byte terminator = source.readByte();
    if (terminator == '\r') {
      // A CR may be followed by the LF of a CRLF; look at it only when the next line is wanted,
      // so that a lone CR does not hold back a frame.
      if (source.getBuffer().size() > 0) {
        if (source.getBuffer().getByte(0) == '\n') {
          source.skip(1);
        }
      } else {
        skipLineFeed = true;
      }
    }
  }
}
