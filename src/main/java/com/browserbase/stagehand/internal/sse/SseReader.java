package com.browserbase.stagehand.internal.sse;

import com.browserbase.stagehand.internal.runtime.ReadLimit;
import java.io.IOException;
import okio.Buffer;
import okio.BufferedSource;
import okio.ByteString;

/**
 * Reads Server-Sent Events from a source, one frame at a time, as soon as its bytes arrive. Handles
 * the whole syntax: {@code data} over several lines, comments, {@code event}, {@code id}, {@code
 * retry}, and LF, CRLF or CR line ends. Not API.
 *
 * <p>Written here rather than taken from {@code okhttp-sse}: that module only pushes events to a
 * listener, while a blocking {@code Stream} needs to pull the next frame on the caller's thread.
 *
 * <p>What one frame may hold is bounded: its data (the {@code data} lines joined) at most {@code
 * maxEventBytes} bytes, and so every line of it; another line (a comment, {@code event}, {@code id})
 * at most that bound too. The bound holds while a line is still arriving: a line without its end is
 * never buffered past it, and the data of many lines is counted as it adds up. Beyond it {@link
 * #next()} throws {@link ReadLimit.ExceededException}.
 */
public final class SseReader {
  private static final ByteString LINE_ENDS = ByteString.encodeUtf8("\r\n");
  /** The common line, read straight into its value without copying the line first. */
  private static final ByteString DATA_PREFIX = ByteString.encodeUtf8("data: ");
  private static final ByteString DATA = ByteString.encodeUtf8("data");

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
  private final long maxEventBytes;
  private String lastEventId;
  private long retryMs = -1;
  private boolean skipLineFeed;
  // The frame being read: its event name and its first data line (null before it); only when a second data line
  // comes are they joined, so that the common one-line frame costs no copy of its data.
  private String event;
  private String data;
  private StringBuilder joinedData;
  /** The bytes of the frame's data so far: its lines' values and the line feeds that join them. */
  private long dataBytes;

  /**
   * Reads from {@code source}; the caller closes it.
   *
   * @param maxEventBytes the most bytes one frame's data may have (see the class comment)
   */
  public SseReader(BufferedSource source, long maxEventBytes) {
    this.source = source;
    this.maxEventBytes = maxEventBytes;
  }

  /** The last {@code retry} the server sent, in milliseconds, or -1. */
  public long retryMs() {
    return retryMs;
  }

  /**
   * Blocks until the next frame is complete and returns it, or {@code null} at the end of the
   * stream. A last frame cut off before its blank line is discarded, as the SSE standard says: a
   * connection cut in the middle of an event must not pass for the event.
   *
   * @throws ReadLimit.ExceededException when the frame, or one of its lines, is larger than the bound;
   *     the reader is then unusable
   */
  public Frame next() throws IOException {
    while (true) {
      if (skipLineFeed) {
        skipLineFeed = false;
        if (source.request(1) && source.getBuffer().getByte(0) == '\n') {
          source.skip(1);
        }
      }
      long end = lineEnd();
      if (end == -1) {
        source.skip(source.getBuffer().size()); // a last line without its end: an unfinished frame
        clear();
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
        long valueBytes = end - DATA_PREFIX.size();
        count(valueBytes);
        data(source.readUtf8(valueBytes));
        endOfLine();
      } else {
        String line = source.readUtf8(end);
        endOfLine();
        line(line, end);
      }
    }
  }

  /**
   * The index of the end of the line at the head of the source, reading until it has arrived; -1 at
   * the end of the stream. Reads no further than the longest line the bound allows, and throws
   * beyond it.
   */
  private long lineEnd() throws IOException {
    Buffer buffer = source.getBuffer();
    long from = 0;
    while (true) {
      long end = buffer.indexOfElement(LINE_ENDS, from);
      long length = end != -1 ? end : buffer.size();
      if (length > longestLine(buffer)) {
        throw new ReadLimit.ExceededException(maxEventBytes, -1);
      }
      if (end != -1) {
        return end;
      }
      from = length;
      if (!source.request(from + 1)) {
        return -1;
      }
    }
  }

  /**
   * The longest the line at the head of {@code buffer} may be: a {@code data} line, what is left of
   * the frame's bound (its exact length is checked once it is read, see {@link #count}); any other
   * line, the bound itself. Both with room for the field's name.
   */
  private long longestLine(Buffer buffer) {
    boolean dataLine = buffer.size() >= DATA.size() && buffer.rangeEquals(0, DATA);
    long room = dataLine ? maxEventBytes - dataBytes - (data != null ? 1 : 0) : maxEventBytes;
    return Math.max(room, 0) + DATA_PREFIX.size();
  }

  /** Adds a data value of {@code valueBytes} to the frame's count; throws when the frame would exceed the bound. */
  private void count(long valueBytes) throws ReadLimit.ExceededException {
    long total = dataBytes + (data != null ? 1 : 0) + valueBytes;
    if (total > maxEventBytes) {
      throw new ReadLimit.ExceededException(maxEventBytes, -1);
    }
    dataBytes = total;
  }

  /**
   * A line other than the common {@code data: } one.
   *
   * @param bytes the line's length in bytes
   */
  private void line(String line, long bytes) throws ReadLimit.ExceededException {
    if (line.charAt(0) == ':') {
      return; // a comment, often a keep-alive
    }
    int colon = line.indexOf(':');
    int nameEnd = colon < 0 ? line.length() : colon;
    String value = colon < 0 ? "" : line.substring(colon + (line.startsWith(" ", colon + 1) ? 2 : 1));
    if (line.startsWith("data") && nameEnd == 4) {
      // The name, colon and space before the value are one byte each.
      count(bytes - (line.length() - value.length()));
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
      return;
    }
    if (joinedData == null) {
      joinedData = new StringBuilder(data);
    }
    joinedData.append('\n').append(value);
  }

  private Frame dispatch() {
    Frame frame = new Frame(event, joinedData != null ? joinedData.toString() : data, lastEventId);
    clear();
    return frame;
  }

  private void clear() {
    event = null;
    data = null;
    joinedData = null;
    dataBytes = 0;
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
