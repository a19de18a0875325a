package com.browserbase.stagehand.bench;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** A 200 response: a content type and a body, sent whole or as one HTTP chunk per element. */
final class CannedResponse {
  final String contentType;
  final List<String> chunks;

  private CannedResponse(String contentType, List<String> chunks) {
    this.contentType = contentType;
    this.chunks = chunks;
  }

  /** A JSON body with a Content-Length. */
  static CannedResponse json(String body) {
    return new CannedResponse("application/json; charset=utf-8", List.of(body));
  }

  /** An event stream, chunked, one chunk per event as a server flushing each event sends it. */
  static CannedResponse eventStream(List<String> events) {
    return new CannedResponse("text/event-stream", events);
  }

  /** The whole response as HTTP/1.1 bytes. */
  byte[] toHttp11() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StringBuilder head = new StringBuilder("HTTP/1.1 200 OK\r\n")
        .append("Content-Type: ").append(contentType).append("\r\n");
    if (contentType.startsWith("text/event-stream")) {
      head.append("Cache-Control: no-cache\r\nTransfer-Encoding: chunked\r\n\r\n");
      out.writeBytes(head.toString().getBytes(StandardCharsets.US_ASCII));
      for (String chunk : chunks) {
        byte[] bytes = chunk.getBytes(StandardCharsets.UTF_8);
        out.writeBytes((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(bytes);
        out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
      }
      out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    } else {
      byte[] body = String.join("", chunks).getBytes(StandardCharsets.UTF_8);
      head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
      out.writeBytes(head.toString().getBytes(StandardCharsets.US_ASCII));
      out.writeBytes(body);
    }
    return out.toByteArray();
  }
}
