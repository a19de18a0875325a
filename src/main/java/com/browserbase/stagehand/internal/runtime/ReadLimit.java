package com.browserbase.stagehand.internal.runtime;

import java.io.IOException;

/**
 * The client's bound on what it reads from the server in one piece: a response body, or the data of one stream
 * event ({@code maxResponseBytes} of the client's builder). Not API.
 *
 * <p>It counts bytes as they are read, so that it holds before anything is parsed and on every Jackson the SDK runs
 * on (Jackson's own read limits exist only from 2.15); it bounds every string and number of a response too.
 */
public final class ReadLimit {
  /**
   * 64 MiB: large enough for a navigate or extract result holding a whole page's text, or a screenshot in base64
   * (Jackson's own cap on one string, 20,000,000 characters since 2.15.1, still fits at three bytes a character);
   * small enough that a broken or hostile server cannot make the client run out of memory (at most about 128 MB as
   * Java text).
   */
  public static final long DEFAULT_MAX_RESPONSE_BYTES = 64L * 1024 * 1024;
  /** The largest bound that can be set: a body or an event is held in one byte array or string at most. */
  public static final long MAX_MAX_RESPONSE_BYTES = Integer.MAX_VALUE;
  /** The name of the setting, in messages. */
  public static final String SETTING = "maxResponseBytes";

  private ReadLimit() {}

  /** Checks a bound given to the builder, naming the setting. */
  public static long check(long maxResponseBytes) {
    if (maxResponseBytes < 1 || maxResponseBytes > MAX_MAX_RESPONSE_BYTES) {
      throw new IllegalArgumentException(SETTING + " must be between 1 and " + MAX_MAX_RESPONSE_BYTES
          + " (bytes), was " + maxResponseBytes);
    }
    return maxResponseBytes;
  }

  /** {@code 1000 bytes}, {@code 1024 bytes (1 KiB)}, {@code 67108864 bytes (64 MiB)}. */
  public static String bytes(long count) {
    String text = count == 1 ? "1 byte" : count + " bytes";
    if (count >= 1024 * 1024 && count % (1024 * 1024) == 0) {
      return text + " (" + count / (1024 * 1024) + " MiB)";
    }
    if (count >= 1024 && count % 1024 == 0) {
      return text + " (" + count / 1024 + " KiB)";
    }
    return text;
  }

  /**
   * What was too large ({@code what}, such as {@code "The response of POST /v1/sessions/s-1/navigate"}), the bound
   * and how to raise it.
   */
  public static String message(String what, ExceededException exceeded) {
    return what + " is larger than " + SETTING + ", the client's limit of " + bytes(exceeded.limit)
        + (exceeded.declared >= 0 ? " (its Content-Length is " + bytes(exceeded.declared) + ")" : "")
        + ". If the server's answers are that large on purpose, raise the limit with"
        + " StagehandOkHttpClient.builder()." + SETTING + "(bytes), or for some calls with"
        + " client.withOptions(b -> b." + SETTING + "(bytes))";
  }

  /**
   * Thrown by a reader that would read past the bound: an {@link IOException}, so that it passes through Okio and
   * Jackson unchanged; the transport turns it into {@code StagehandInvalidDataException}, closes the response and
   * never retries it.
   */
  public static final class ExceededException extends IOException {
    private static final long serialVersionUID = 1L;

    /** The bound, in bytes. */
    public final long limit;
    /** The length the response declared (its {@code Content-Length}) when that alone exceeds, else -1. */
    public final long declared;

    /** An exceeded bound; {@code declared} is -1 unless a declared length alone exceeds it. */
    public ExceededException(long limit, long declared) {
      super("more than " + bytes(limit) + (declared >= 0 ? " (Content-Length " + declared + ")" : ""));
      this.limit = limit;
      this.declared = declared;
    }
  }
}
