package com.browserbase.stagehand.bench;

import java.nio.charset.StandardCharsets;

/** Finds where an HTTP/1.1 request ends in raw bytes, for the benchmarks' own servers. */
final class RequestHeads {
  private static final byte[] CONTENT_LENGTH = "content-length:".getBytes(StandardCharsets.US_ASCII);

  private RequestHeads() {}

  /** The index just past the blank line that ends the request head, or -1. */
  static int headEnd(byte[] buf, int len) {
    for (int i = 3; i < len; i++) {
      if (buf[i] == '\n' && buf[i - 1] == '\r' && buf[i - 2] == '\n' && buf[i - 3] == '\r') {
        return i + 1;
      }
    }
    return -1;
  }

  /** The request's Content-Length (0 when absent), parsed in place. */
  static int contentLength(byte[] buf, int headEnd) {
    for (int line = 0; line < headEnd; ) {
      if (startsWithIgnoreCase(buf, line, headEnd, CONTENT_LENGTH)) {
        int value = 0;
        for (int i = line + CONTENT_LENGTH.length; i < headEnd && buf[i] != '\r'; i++) {
          if (buf[i] >= '0' && buf[i] <= '9') {
            value = value * 10 + (buf[i] - '0');
          }
        }
        return value;
      }
      while (line < headEnd && buf[line] != '\n') {
        line++;
      }
      line++;
    }
    return 0;
  }

  private static boolean startsWithIgnoreCase(byte[] buf, int from, int end, byte[] prefix) {
    if (from + prefix.length > end) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (Character.toLowerCase(buf[from + i]) != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
