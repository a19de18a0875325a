package com.browserbase.stagehand.integration;

import java.io.IOException;
import java.net.InetAddress;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * The page the integration tests drive, served on loopback: a form with a text field ("Name") and a
 * button ("Submit"), and a result line that the button's script rewrites to {@code Submitted: <name>}
 * without leaving the page.
 */
final class TestPage implements AutoCloseable {
  static final String HTML = "<!doctype html>\n"
      + "<html><head><title>Stagehand Java SDK test form</title></head><body>\n"
      + "<form id=\"form\">\n"
      + "  <label for=\"name\">Name</label> <input id=\"name\" name=\"name\" type=\"text\">\n"
      + "  <button id=\"submit\" type=\"submit\">Submit</button>\n"
      + "</form>\n"
      + "<p id=\"result\">Nothing submitted</p>\n"
      + "<script>\n"
      + "  document.getElementById('form').addEventListener('submit', function (event) {\n"
      + "    event.preventDefault();\n"
      + "    document.getElementById('result').textContent = 'Submitted: ' + document.getElementById('name').value;\n"
      + "  });\n"
      + "</script>\n"
      + "</body></html>\n";

  private final MockWebServer server = new MockWebServer();

  TestPage() throws IOException {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        if (!request.getUrl().encodedPath().equals("/form")) {
          return new MockResponse.Builder().code(404).build();
        }
        return new MockResponse.Builder()
            .addHeader("content-type", "text/html; charset=utf-8")
            .body(HTML)
            .build();
      }
    });
    server.start(InetAddress.getByName("127.0.0.1"), 0); // node prefers ::1 for "localhost"
  }

  /** {@code http://127.0.0.1:PORT/form}. */
  String url() {
    return "http://127.0.0.1:" + server.getPort() + "/form";
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
