package com.browserbase.stagehand.internal.cache;

import static com.browserbase.stagehand.internal.cache.FakeBrowser.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Which page a session is on: the browser's page targets over one kept CDP connection, kept up to date by the
 * browser's target events, else the last URL navigated to.
 */
class PageUrlsTest {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private final OkHttpClient http = CdpConnection.client(new OkHttpClient());
  private final FakeBrowser browser = new FakeBrowser("P1", "https://example.com/a");
  private MockWebServer server;
  private volatile boolean refused;
  private CdpConnection cdp;
  private Logger cacheLogger;
  private ListAppender<ILoggingEvent> log;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return refused ? new MockResponse.Builder().code(404).build() : browser.upgrade();
      }
    });
    server.start();
    cacheLogger = (Logger) LoggerFactory.getLogger("com.browserbase.stagehand.cache");
    log = new ListAppender<>();
    log.start();
    cacheLogger.addAppender(log);
    cacheLogger.setLevel(Level.DEBUG);
  }

  @AfterEach
  void stop() {
    if (cdp != null) {
      cdp.close();
    }
    cacheLogger.detachAppender(log);
    cacheLogger.setLevel(null);
    server.close();
  }

  private String cdpUrl() {
    return "ws://" + server.getHostName() + ":" + server.getPort() + "/devtools/browser/x?signingKey=secret";
  }

  private PageUrls urls(long budgetMs) {
    cdp = new CdpConnection(cdpUrl(), http, budgetMs);
    return new PageUrls(cdp);
  }

  private PageUrls urls() {
    return urls(CdpConnection.BUDGET_MS);
  }

  private List<String> messages() {
    return log.list.stream().map(ILoggingEvent::getFormattedMessage).collect(Collectors.toList());
  }

  @Test
  void thePageIsTheBrowsersOnlyPageAsTheFirstAnswerSays() {
    assertThat(urls().currentBlocking(null)).isEqualTo("https://example.com/a");
    assertThat(browser.asked("Target.getTargets")).isEqualTo(1);
  }

  @Test
  void eventsKeepTheUrlUpToDateWithNoFurtherQuestion() {
    PageUrls urls = urls();
    assertThat(urls.currentBlocking(null)).isEqualTo("https://example.com/a");
    eventually(() -> browser.asked("Target.setDiscoverTargets") == 1);

    browser.navigate("P1", "https://example.com/b", true);
    eventually(() -> "https://example.com/b".equals(urls.currentBlocking(null)));
    browser.open("P2", "https://example.com/popup"); // listed first, yet the newest
    eventually(() -> "https://example.com/popup".equals(urls.currentBlocking(null)));
    assertThat(urls.currentBlocking("P1")).isEqualTo("https://example.com/b");
    browser.close("P2"); // back to the first tab
    eventually(() -> "https://example.com/b".equals(urls.currentBlocking(null)));
    for (int i = 0; i < 100; i++) {
      assertThat(urls.current(null).isDone()).isTrue(); // answered at once
    }

    assertThat(browser.asked("Target.getTargets")).isEqualTo(1);
    assertThat(browser.connections.get()).isEqualTo(1);
  }

  @Test
  void aCallAimedAtATabIsKeyedByThatTabsUrlNotTheNewest() {
    browser.open("P2", "https://example.com/b");
    PageUrls urls = urls();
    assertThat(urls.currentBlocking(null)).isEqualTo("https://example.com/a"); // first seen: Chrome's order

    assertThat(urls.currentBlocking("P1")).isEqualTo("https://example.com/a");
    assertThat(urls.currentBlocking("P2")).isEqualTo("https://example.com/b");
    assertThat(urls.currentBlocking("GONE")).isNull(); // no such tab: unknown, the cache is not used
    assertThat(urls.target("P2")).isEqualTo("P2");
    assertThat(urls.target("GONE")).isNull();
  }

  @Test
  void aBrowserThatSendsNoEventsIsAskedEachTimeOnTheSameConnection() {
    browser.noDiscovery = true;
    PageUrls urls = urls();
    assertThat(urls.currentBlocking(null)).isEqualTo("https://example.com/a");
    eventually(() -> browser.asked("Target.setDiscoverTargets") == 1);

    browser.navigate("P1", "https://example.com/b", false);
    eventually(() -> "https://example.com/b".equals(urls.currentBlocking(null))); // once the refusal is in
    int asked = browser.asked("Target.getTargets");
    browser.open("P2", "https://example.com/popup");
    assertThat(urls.currentBlocking(null)).isEqualTo("https://example.com/popup");

    assertThat(browser.asked("Target.getTargets")).isEqualTo(asked + 1);
    assertThat(browser.connections.get()).isEqualTo(1);
  }

  @Test
  void aLostConnectionIsOpenedAgainOnTheNextAct() {
    PageUrls urls = urls();
    assertThat(urls.currentBlocking(null)).isEqualTo("https://example.com/a");
    eventually(() -> browser.asked("Target.setDiscoverTargets") == 1);

    browser.drop();
    eventually(() -> !cdp.isOpen());
    browser.navigate("P1", "https://example.com/while-away", false); // no connection to tell
    assertThat(browser.connections.get()).as("none until an act asks").isEqualTo(1);

    assertThat(urls.currentBlocking(null)).isEqualTo("https://example.com/while-away");
    assertThat(browser.connections.get()).isEqualTo(2);
    assertThat(messages()).anySatisfy(m -> assertThat(m).startsWith("The CDP connection to ws://").contains("was lost")
        .doesNotContain("secret"));
  }

  @Test
  void aConnectionLostForGoodEndsInTheLastUrlNavigatedTo() {
    PageUrls urls = urls();
    urls.navigated("https://example.com/asked", Optional.<JsonNode>empty(), null);
    assertThat(urls.currentBlocking(null)).isEqualTo("https://example.com/a");

    server.close(); // the browser is gone: the one try to connect again fails, and no other follows
    eventually(() -> !cdp.isOpen());
    assertThat(urls.currentBlocking(null)).isEqualTo("https://example.com/asked");
    // The failed reconnect is heard on OkHttp's thread, which may come after the fallback above was answered.
    eventually(() -> !cdp.usable());
    assertThat(urls.currentBlocking(null)).isEqualTo("https://example.com/asked");
    assertThat(String.join("\n", messages())).doesNotContain("secret");
  }

  @Test
  void closingClosesTheSocketAndNothingIsAskedAfter() {
    PageUrls urls = urls();
    urls.navigated("https://example.com/asked", Optional.<JsonNode>empty(), null);
    assertThat(urls.currentBlocking(null)).isEqualTo("https://example.com/a");

    // OkHttp names the thread reading the socket after its URL while it reads
    String reader = "OkHttp http://" + server.getHostName() + ":" + server.getPort() + "/";
    assertThat(Thread.getAllStackTraces().keySet()).anySatisfy(t -> assertThat(t.getName()).startsWith(reader));

    cdp.close();
    eventually(() -> browser.closedByClient.get() == 1);
    eventually(() -> Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().startsWith(reader)));
    assertThat(urls.currentBlocking(null)).isEqualTo("https://example.com/asked");
    assertThat(browser.connections.get()).isEqualTo(1);
    cdp.close(); // again: nothing
  }

  @Test
  void aTabTheBrowserCannotTellFallsBackToTheLastUrlNavigatedToInThatTab() throws Exception {
    server.close();
    PageUrls urls = urls();
    urls.navigated("https://example.com/active", Optional.<JsonNode>empty(), null);
    urls.navigated("https://example.com/in-p1", Optional.<JsonNode>empty(), "P1");

    assertThat(urls.currentBlocking("P1")).isEqualTo("https://example.com/in-p1");
    assertThat(urls.current("P2").get()).isNull();
    assertThat(urls.currentBlocking(null)).isEqualTo("https://example.com/active");
  }

  @Test
  void noPageTargetMeansTheLastUrlNavigatedTo() {
    browser.close("P1");
    PageUrls urls = urls();
    urls.navigated("https://example.com/asked", Optional.<JsonNode>of(NODES.objectNode().put("url", "https://example.com/reached")), null);

    assertThat(urls.currentBlocking(null)).isEqualTo("https://example.com/reached");
  }

  @Test
  void aBrowserThatDoesNotAnswerInTimeIsNotAskedAgain() throws Exception {
    browser.silent = true;
    PageUrls urls = urls(300);
    urls.navigated("https://example.com/asked", Optional.<JsonNode>empty(), null);

    long started = System.nanoTime();
    assertThat(urls.current(null).get(5, TimeUnit.SECONDS)).isEqualTo("https://example.com/asked");
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(3_000);
    assertThat(urls.current(null).get(1, TimeUnit.SECONDS)).isEqualTo("https://example.com/asked");
    assertThat(browser.connections.get()).isEqualTo(1);
    eventually(() -> browser.closedByClient.get() == 1 || !cdp.isOpen());
  }

  @Test
  void aBrowserThatRefusesTheConnectionIsNotAskedAgainAndItsSigningKeyIsNotLogged() throws Exception {
    refused = true;
    PageUrls urls = urls();

    assertThat(urls.currentBlocking(null)).isNull(); // nothing navigated to either: unknown
    urls.navigated("https://example.com/asked", Optional.<JsonNode>empty(), null);
    assertThat(urls.current(null).isDone()).isTrue();
    assertThat(urls.current(null).get()).isEqualTo("https://example.com/asked");
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(messages()).singleElement().satisfies(m -> assertThat(m)
        .startsWith("Cannot read the page URL over CDP (ws://" + server.getHostName() + ":" + server.getPort()
            + "/devtools/browser/x?...): ")
        .contains("HTTP 404")
        .doesNotContain("secret"));
  }

  @Test
  void withoutACdpUrlOrClientOnlyNavigationsCount() {
    PageUrls urls = new PageUrls(new CdpConnection(null, http, CdpConnection.BUDGET_MS));
    assertThat(urls.currentBlocking(null)).isNull();
    urls.navigated("https://example.com/x", Optional.<JsonNode>empty(), null);
    assertThat(urls.currentBlocking(null)).isEqualTo("https://example.com/x");
    assertThat(new PageUrls(new CdpConnection(cdpUrl(), null, CdpConnection.BUDGET_MS)).current(null).isDone()).isTrue();
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void aUrlOkHttpCannotUseIsNeverAskedAndNotLoggedWithItsQuery() {
    cdp = new CdpConnection("mailto:someone?signingKey=secret", http, CdpConnection.BUDGET_MS);
    PageUrls urls = new PageUrls(cdp);
    urls.navigated("https://example.com/x", Optional.<JsonNode>empty(), null);

    assertThat(urls.currentBlocking(null)).isEqualTo("https://example.com/x");
    assertThat(cdp.usable()).isFalse();
    assertThat(String.join("\n", messages())).contains("mailto:someone?...").doesNotContain("secret");
  }

  @Test
  void aSignedUrlIsLoggedWithoutItsQuery() {
    assertThat(CdpConnection.redacted("wss://connect.example/?signingKey=abc#x")).isEqualTo("wss://connect.example/?...");
    assertThat(CdpConnection.redacted("ws://127.0.0.1:9222/devtools/browser/1")).isEqualTo("ws://127.0.0.1:9222/devtools/browser/1");
  }
}
