package com.browserbase.stagehand.internal.cache;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Which page a session is on: the browser's page targets over CDP, else the last URL navigated to. */
class PageUrlsTest {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private final OkHttpClient http = PageUrls.client(new OkHttpClient());
  private MockWebServer browser;
  /** The page targets the browser reports, as {id, url}, in its order. */
  private final List<String[]> pages = new CopyOnWriteArrayList<>();
  private final AtomicInteger connections = new AtomicInteger();
  private volatile boolean silent;

  @BeforeEach
  void start() throws IOException {
    browser = new MockWebServer();
    browser.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        connections.incrementAndGet();
        return new MockResponse.Builder().webSocketUpgrade(new WebSocketListener() {
          @Override
          public void onMessage(WebSocket socket, String text) {
            if (silent) {
              return;
            }
            ObjectNode answer = NODES.objectNode().put("id", 1);
            ArrayNode targets = answer.putObject("result").putArray("targetInfos");
            targets.addObject().put("targetId", "W").put("type", "service_worker").put("url", "https://example.com/sw.js");
            for (String[] page : pages) {
              targets.addObject().put("targetId", page[0]).put("type", "page").put("url", page[1]);
            }
            socket.send(answer.toString());
          }

          @Override
          public void onClosing(WebSocket socket, int code, String reason) {
            socket.close(1000, null); // as a browser answers the client's close
          }
        }).build();
      }
    });
    browser.start();
  }

  @AfterEach
  void stop() {
    browser.close();
  }

  private String cdpUrl() {
    return "ws://" + browser.getHostName() + ":" + browser.getPort() + "/devtools/browser/x?signingKey=secret";
  }

  @Test
  void thePageIsTheBrowsersOnlyPage() {
    pages.add(new String[] {"P1", "https://example.com/a"});

    assertThat(new PageUrls(cdpUrl(), http, PageUrls.CDP_BUDGET_MS).currentBlocking(null))
        .isEqualTo("https://example.com/a");
  }

  @Test
  void withSeveralTabsThePageIsTheNewestSeen() {
    PageUrls urls = new PageUrls(cdpUrl(), http, PageUrls.CDP_BUDGET_MS);
    pages.add(new String[] {"P1", "https://example.com/a"});
    assertThat(urls.currentBlocking(null)).isEqualTo("https://example.com/a");

    pages.add(0, new String[] {"P2", "https://example.com/popup"}); // Chrome's order is no creation order
    assertThat(urls.currentBlocking(null)).isEqualTo("https://example.com/popup");

    pages.remove(0); // the popup closed: back to the first tab
    assertThat(urls.currentBlocking(null)).isEqualTo("https://example.com/a");
  }

  @Test
  void aCallAimedAtATabIsKeyedByThatTabsUrlNotTheNewest() {
    PageUrls urls = new PageUrls(cdpUrl(), http, PageUrls.CDP_BUDGET_MS);
    pages.add(new String[] {"P1", "https://example.com/a"});
    pages.add(new String[] {"P2", "https://example.com/b"});
    assertThat(urls.currentBlocking(null)).isEqualTo("https://example.com/b");

    assertThat(urls.currentBlocking("P1")).isEqualTo("https://example.com/a");
    assertThat(urls.currentBlocking("P2")).isEqualTo("https://example.com/b");
    assertThat(urls.currentBlocking("GONE")).isNull(); // no such tab: unknown, the cache is not used
  }

  @Test
  void aTabTheBrowserCannotTellFallsBackToTheLastUrlNavigatedToInThatTab() throws Exception {
    browser.close();
    PageUrls urls = new PageUrls(cdpUrl(), http, PageUrls.CDP_BUDGET_MS);
    urls.navigated("https://example.com/active", Optional.<JsonNode>empty(), null);
    urls.navigated("https://example.com/in-p1", Optional.<JsonNode>empty(), "P1");

    assertThat(urls.currentBlocking("P1")).isEqualTo("https://example.com/in-p1");
    assertThat(urls.current("P2").get()).isNull();
    assertThat(urls.currentBlocking(null)).isEqualTo("https://example.com/active");
  }

  @Test
  void noPageTargetMeansTheLastUrlNavigatedTo() {
    PageUrls urls = new PageUrls(cdpUrl(), http, PageUrls.CDP_BUDGET_MS);
    urls.navigated("https://example.com/asked", Optional.<JsonNode>of(NODES.objectNode().put("url", "https://example.com/reached")), null);

    assertThat(urls.currentBlocking(null)).isEqualTo("https://example.com/reached");
  }

  @Test
  void aBrowserThatDoesNotAnswerInTimeIsNotAskedAgain() throws Exception {
    silent = true;
    PageUrls urls = new PageUrls(cdpUrl(), http, 300);
    urls.navigated("https://example.com/asked", Optional.<JsonNode>empty(), null);

    long started = System.nanoTime();
    assertThat(urls.current(null).get(5, TimeUnit.SECONDS)).isEqualTo("https://example.com/asked");
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(3_000);
    assertThat(urls.current(null).get(1, TimeUnit.SECONDS)).isEqualTo("https://example.com/asked");
    assertThat(connections.get()).isEqualTo(1);
  }

  @Test
  void aBrowserThatCannotBeReachedIsNotAskedAgain() throws Exception {
    browser.close();
    PageUrls urls = new PageUrls(cdpUrl(), http, PageUrls.CDP_BUDGET_MS);

    assertThat(urls.currentBlocking(null)).isNull(); // nothing navigated to either: unknown
    urls.navigated("https://example.com/asked", Optional.<JsonNode>empty(), null);
    assertThat(urls.current(null).isDone()).isTrue();
    assertThat(urls.current(null).get()).isEqualTo("https://example.com/asked");
  }

  @Test
  void withoutACdpUrlOrClientOnlyNavigationsCount() {
    PageUrls urls = new PageUrls(null, http, PageUrls.CDP_BUDGET_MS);
    assertThat(urls.currentBlocking(null)).isNull();
    urls.navigated("https://example.com/x", Optional.<JsonNode>empty(), null);
    assertThat(urls.currentBlocking(null)).isEqualTo("https://example.com/x");
    assertThat(new PageUrls(cdpUrl(), null, PageUrls.CDP_BUDGET_MS).current(null).isDone()).isTrue();
  }

  @Test
  void aSignedUrlIsLoggedWithoutItsQuery() {
    assertThat(PageUrls.redacted("wss://connect.example/?signingKey=abc#x")).isEqualTo("wss://connect.example/?...");
    assertThat(PageUrls.redacted("ws://127.0.0.1:9222/devtools/browser/1")).isEqualTo("ws://127.0.0.1:9222/devtools/browser/1");
  }
}
