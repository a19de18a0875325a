package com.browserbase.stagehand.bench;

import java.io.Closeable;
import java.io.IOException;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/** A loopback server answering every request with one canned response. */
interface CannedServer extends Closeable {
  /** Such as {@code http://127.0.0.1:41234}. */
  String baseUrl();

  /** Starts (or stops) keeping the raw bytes of the last request, for the setup's sanity check. */
  void capture(boolean on);

  /** The last request's head and body as received, or {@code null} when not captured. */
  byte[] lastRequest();

  /** {@code raw} ({@link LoopbackServer}) or {@code mockwebserver}. */
  static CannedServer start(String kind, CannedResponse canned) throws IOException {
    switch (kind) {
      case "raw":
        return new LoopbackServer(canned);
      case "mockwebserver":
        return new Mock(canned);
      default:
        throw new IllegalArgumentException("server must be raw or mockwebserver, was " + kind);
    }
  }

  /** MockWebServer with a dispatcher that returns the same response to every request. */
  final class Mock implements CannedServer {
    private final MockWebServer server = new MockWebServer();

    Mock(CannedResponse canned) throws IOException {
      MockResponse.Builder builder = new MockResponse.Builder().addHeader("Content-Type", canned.contentType);
      if (canned.chunks.size() > 1) {
        builder.chunkedBody(String.join("", canned.chunks), 1024);
      } else {
        builder.body(canned.chunks.get(0));
      }
      MockResponse response = builder.build();
      server.setDispatcher(new Dispatcher() {
        @Override
        public MockResponse dispatch(RecordedRequest request) {
          return response;
        }
      });
      server.start(java.net.InetAddress.getLoopbackAddress(), 0);
    }

    @Override
    public String baseUrl() {
      return "http://127.0.0.1:" + server.getPort();
    }

    @Override
    public void capture(boolean on) {}

    @Override
    public byte[] lastRequest() {
      return null;
    }

    @Override
    public void close() {
      server.close();
    }
  }
}
