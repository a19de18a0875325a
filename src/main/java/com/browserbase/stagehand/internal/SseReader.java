package com.browserbase.stagehand.internal;

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
   * stream. A last frame cut off before its blank line is still returned: no data is dropped.
   */
  public Frame next() throws IOException {
    String event = null;
    StringBuilder data = null;
    String line;
    while ((line = readLine()) != null) {
      if (line.isEmpty()) {
        if (data != null) {
          return new Frame(event, data.toString(), lastEventId);
        }
        event = null;
        continue;
      }
      if (line.charAt(0) == ':') {
        continue; // a comment, often a keep-alive
      }
      int colon = line.indexOf(':');
      String field = colon < 0 ? line : line.substring(0, colon);
      String value = colon < 0 ? "" : line.substring(colon + (line.startsWith(" ", colon + 1) ? 2 : 1));
      switch (field) {
        case "data":
          data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
          break;
        case "event":
          event = value;
          break;
        case "id":
          if (value.indexOf('\0') < 0) {
            lastEventId = value;
          }
          break;
        case "retry":
          if (!value.isEmpty() && value.chars().allMatch(Character::isDigit)) {
            retryMs = Long.parseLong(value);
          }
          break;
        default:
          break; // unknown fields are ignored, as the SSE standard says
      }
    }
    return data != null ? new Frame(event, data.toString(), lastEventId) : null;
  }

  /** The next line without its end, or {@code null} at the end of the stream. */
  private String readLine() throws IOException {
    if (skipLineFeed) {
      skipLineFeed = false;
      if (source.request(1) && source.getBuffer().getByte(0) == '\n') {
        source.skip(1);
      }
    }
    long end = source.indexOfElement(LINE_ENDS);
    if (end == -1) {
      return source.exhausted() ? null : source.readUtf8();
    }
    String line = source.readUtf8(end);
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
    return line;
  }
}
