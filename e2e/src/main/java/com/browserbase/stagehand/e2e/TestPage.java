package com.browserbase.stagehand.e2e;

import java.io.IOException;
import java.net.InetAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * The page the integration tests drive, served on loopback: a form with a text field ("Name") and a
 * button ("Submit"), and a result line that the button's script rewrites to {@code Submitted: <name>}
 * without leaving the page; and, on request, a page with an iframe ({@link #framed()}). Tests may serve
 * pages of their own beside them ({@link #serve}).
 */
public final class TestPage implements AutoCloseable {
  public static final String HTML = "<!doctype html>\n"
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

  /**
   * {@link #HTML} changed as a site changes: the button renamed "Send" and moved out of the form, into
   * a toolbar above it (it still submits the form), so that a selector of the original page no
   * longer matches.
   */
  public static final String MOVED_HTML = HTML
      .replace("<form id=\"form\">\n", "<div id=\"toolbar\"><button id=\"send\" type=\"submit\" form=\"form\">Send</button></div>\n"
          + "<form id=\"form\">\n")
      .replace("  <button id=\"submit\" type=\"submit\">Submit</button>\n", "");

  /** A page with a heading and an iframe ({@code name="inner"}) showing {@link #INNER_HTML}: see {@link #framed()}. */
  public static final String FRAMED_HTML = "<!doctype html>\n"
      + "<html><head><title>Stagehand Java SDK framed page</title></head><body>\n"
      + "<h1>Outer heading</h1>\n"
      + "<iframe name=\"inner\" src=\"/inner\" width=\"600\" height=\"200\"></iframe>\n"
      + "</body></html>\n";

  /** The iframe's document: a plan line and a button that rewrites it. */
  public static final String INNER_HTML = "<!doctype html>\n"
      + "<html><head><title>Inner</title></head><body>\n"
      + "<p id=\"plan\">Inner plan: Pro</p>\n"
      + "<button id=\"upgrade\" onclick=\"document.getElementById('plan').textContent = 'Inner plan: Team'\">Upgrade"
      + "</button>\n"
      + "</body></html>\n";

  private final MockWebServer server = new MockWebServer();
  /** The pages besides {@code /form}, by path; a test may change one while it runs. */
  private final Map<String, String> pages = new ConcurrentHashMap<>();

  public TestPage() throws IOException {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        String html = path.equals("/form") ? HTML : pages.get(path);
        if (html == null) {
          return new MockResponse.Builder().code(404).build();
        }
        return new MockResponse.Builder()
            .addHeader("content-type", "text/html; charset=utf-8")
            .body(html)
            .build();
      }
    });
    server.start(InetAddress.getByName("127.0.0.1"), 0); // node prefers ::1 for "localhost"
  }

  /** {@code http://127.0.0.1:PORT/form}. */
  public String url() {
    return "http://127.0.0.1:" + server.getPort() + "/form";
  }

  /** Serves {@link #FRAMED_HTML} at {@code /framed} and its iframe at {@code /inner}; returns the framed page's URL. */
  public String framed() {
    serve("/inner", INNER_HTML);
    return serve("/framed", FRAMED_HTML);
  }

  /** Serves {@code html} at {@code path} from now on (replacing what was there); returns its URL. */
  public String serve(String path, String html) {
    pages.put(path, html);
    return "http://127.0.0.1:" + server.getPort() + path;
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
