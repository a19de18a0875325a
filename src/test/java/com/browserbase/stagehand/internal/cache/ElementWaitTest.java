package com.browserbase.stagehand.internal.cache;

import static com.browserbase.stagehand.internal.cache.FakeBrowser.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.browserbase.stagehand.internal.http.RetryScheduler;
import com.browserbase.stagehand.models.sessions.Action;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Before a cached action is replayed, its element is waited for: polled over CDP, within a bound. */
class ElementWaitTest {
  private static final Action BUTTON = Action.builder().selector("xpath=/html[1]/body[1]/button[1]")
      .description("Submit").method("click").build();
  private final FakeBrowser browser = new FakeBrowser("P1", "https://example.com/a");
  private MockWebServer server;
  private CdpConnection cdp;
  private PageUrls pages;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return browser.upgrade();
      }
    });
    server.start();
    cdp = new CdpConnection("ws://" + server.getHostName() + ":" + server.getPort() + "/devtools/browser/x",
        CdpConnection.client(new OkHttpClient()), CdpConnection.BUDGET_MS);
    pages = new PageUrls(cdp);
  }

  @AfterEach
  void stop() {
    cdp.close();
    server.close();
  }

  /** A wait of at most {@code boundMs}, polling every 10 ms, after the page's URL was read (as an act does). */
  private ElementWait elements(long boundMs) {
    ElementWait elements = new ElementWait(cdp, pages, RetryScheduler.SYSTEM, boundMs, 10);
    assertThat(pages.currentBlocking(null)).isEqualTo("https://example.com/a");
    return elements;
  }

  private static Action at(String selector) {
    return BUTTON.toBuilder().selector(selector).build();
  }

  @Test
  void anElementThatShowsUpLateIsPolledForUntilItIsThere() throws Exception {
    browser.elementAfter(3);
    ElementWait elements = elements(30_000);

    assertThat(elements.await(BUTTON, null).get(10, TimeUnit.SECONDS)).isTrue();
    assertThat(browser.expressions).hasSize(4).allSatisfy(e -> assertThat(e)
        .contains("document.evaluate(\"/html[1]/body[1]/button[1]\""));
    assertThat(elements.await(BUTTON, null).get(10, TimeUnit.SECONDS)).isTrue();
    assertThat(browser.asked("Target.attachToTarget")).as("one session, kept").isEqualTo(1);
    assertThat(browser.evaluatedIn).containsOnly("P1");
  }

  @Test
  void anElementThatNeverShowsUpIsGivenUpOnAtTheBound() throws Exception {
    browser.elementAfter(-1);
    ElementWait elements = elements(300);

    long started = System.nanoTime();
    assertThat(elements.await(BUTTON, null).get(10, TimeUnit.SECONDS)).isFalse();
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isGreaterThanOrEqualTo(250);
    assertThat(browser.expressions.size()).isGreaterThan(1);
    int looks = browser.expressions.size();
    Thread.sleep(100);
    assertThat(browser.expressions.size()).as("no look after the bound but one in flight").isLessThanOrEqualTo(looks + 1);
  }

  @Test
  void theWaitLooksInTheTabTheCallAimsAt() throws Exception {
    ElementWait elements = elements(30_000);
    eventually(() -> browser.asked("Target.setDiscoverTargets") == 1);
    browser.open("P2", "https://example.com/b"); // the newest tab
    eventually(() -> "P2".equals(pages.target(null)));

    assertThat(elements.await(BUTTON, "P1").get(10, TimeUnit.SECONDS)).isTrue();
    assertThat(elements.await(BUTTON, null).get(10, TimeUnit.SECONDS)).isTrue();
    assertThat(browser.evaluatedIn).containsExactly("P1", "P2");
    assertThat(elements.await(BUTTON, "GONE").get(10, TimeUnit.SECONDS)).as("no such tab: no wait").isFalse();
  }

  @Test
  void cancellingTheWaitStopsThePolls() throws Exception {
    browser.elementAfter(-1);
    ElementWait elements = elements(30_000);

    CompletableFuture<Boolean> found = elements.await(BUTTON, null);
    eventually(() -> browser.expressions.size() >= 2);
    found.cancel(true);
    Thread.sleep(50);
    int looks = browser.expressions.size();
    Thread.sleep(100);
    assertThat(browser.expressions.size()).isLessThanOrEqualTo(looks + 1);
  }

  @Test
  void anInterruptEndsTheBlockingWaitAndStaysSet() throws Exception {
    browser.elementAfter(-1);
    ElementWait elements = elements(30_000);
    AtomicBoolean interrupted = new AtomicBoolean();
    Thread waiter = new Thread(() -> {
      elements.awaitBlocking(BUTTON, null);
      interrupted.set(Thread.currentThread().isInterrupted());
    });

    waiter.start();
    eventually(() -> browser.expressions.size() >= 2);
    waiter.interrupt();
    waiter.join(10_000);

    assertThat(waiter.isAlive()).isFalse();
    assertThat(interrupted).isTrue();
  }

  @Test
  void aBlockingWaitReturnsOnceTheElementIsThere() {
    browser.elementAfter(2);
    ElementWait elements = elements(30_000);

    elements.awaitBlocking(BUTTON, null);

    assertThat(browser.expressions).hasSize(3);
  }

  @Test
  void aSelectorThePageCannotTakeIsNotWaitedFor() throws Exception {
    browser.evaluateAnswers(NullNode.getInstance());
    ElementWait elements = elements(30_000);

    assertThat(elements.await(at("xpath=/html[1]/body[1]/p[bad"), null).get(10, TimeUnit.SECONDS)).isFalse();
    assertThat(browser.expressions).hasSize(1);
  }

  @Test
  void aSessionThatWentAwayIsAttachedAgain() throws Exception {
    ElementWait elements = elements(30_000);
    assertThat(elements.await(BUTTON, null).get(10, TimeUnit.SECONDS)).isTrue();

    elements.event("Target.detachedFromTarget", com.browserbase.stagehand.internal.runtime.Json.MAPPER
        .createObjectNode().put("targetId", "P1").put("sessionId", "S1"), null);
    assertThat(elements.await(BUTTON, null).get(10, TimeUnit.SECONDS)).isTrue();

    assertThat(browser.asked("Target.attachToTarget")).isEqualTo(2);
  }

  @Test
  void aSessionThatEndedUnannouncedIsAttachedAgain() throws Exception {
    ElementWait elements = elements(30_000);
    assertThat(elements.await(BUTTON, null).get(10, TimeUnit.SECONDS)).isTrue();

    browser.detachAll();
    assertThat(elements.await(BUTTON, null).get(10, TimeUnit.SECONDS)).isTrue();

    assertThat(browser.asked("Target.attachToTarget")).isEqualTo(2);
    assertThat(browser.expressions).hasSize(2); // the refused look is not counted
  }

  @Test
  void aPageTheBrowserDoesNotLetAttachIsNotWaitedFor() throws Exception {
    browser.noAttach = true;
    ElementWait elements = elements(30_000);

    assertThat(elements.await(BUTTON, null).get(10, TimeUnit.SECONDS)).isFalse();
    assertThat(browser.expressions).isEmpty();
  }

  @Test
  void aPageBetweenTwoDocumentsIsLookedAtAgain() throws Exception {
    ElementWait elements = elements(30_000);
    assertThat(elements.await(BUTTON, null).get(10, TimeUnit.SECONDS)).isTrue();
    browser.evaluateFails("Execution context was destroyed.", 2);

    assertThat(elements.await(BUTTON, null).get(10, TimeUnit.SECONDS)).isTrue();
    assertThat(browser.asked("Target.attachToTarget")).isEqualTo(1);
  }

  @Test
  void withoutAConnectionThereIsNoWait() throws Exception {
    ElementWait elements = elements(30_000);
    cdp.close();

    assertThat(elements.await(BUTTON, null).get(1, TimeUnit.SECONDS)).isFalse();
    assertThat(browser.expressions).isEmpty();
  }

  @Test
  void aConnectionLostWhileWaitingEndsTheWait() throws Exception {
    browser.elementAfter(-1);
    ElementWait elements = elements(30_000);

    CompletableFuture<Boolean> found = elements.await(BUTTON, null);
    eventually(() -> browser.expressions.size() >= 2);
    browser.drop();

    assertThat(found.get(10, TimeUnit.SECONDS)).isFalse();
  }

  @Test
  void whatIsLookedForAndWhatIsNot() {
    assertThat(ElementWait.expression("xpath=/html[1]/body[1]/form[1]/button[1]"))
        .isEqualTo("(() => { try { return document.evaluate(\"/html[1]/body[1]/form[1]/button[1]\", document, null, "
            + "XPathResult.FIRST_ORDERED_NODE_TYPE, null).singleNodeValue !== null; } catch (e) { return null; } })()");
    assertThat(ElementWait.expression("/html/body/button")).contains("document.evaluate(\"/html/body/button\"");
    assertThat(ElementWait.expression("XPATH=html/body/button")).contains("document.evaluate(\"/html/body/button\"");
    assertThat(ElementWait.expression("  #submit[name=\"go\"] ")).isEqualTo("(() => { try { return "
        + "document.querySelector(\"#submit[name=\\\"go\\\"]\") !== null; } catch (e) { return null; } })()");
    assertThat(ElementWait.expression("xpath=/html[1]/body[1]/iframe[1]")).as("the iframe element itself").isNotNull();
    assertThat(ElementWait.expression("xpath=/html[1]/body[1]/iframe[1]/html[1]/body[1]/button[1]")).isNull();
    assertThat(ElementWait.expression("xpath=/html/body/FRAME/html/body/a")).isNull();
    assertThat(ElementWait.expression("iframe#pay >> button")).isNull();
    assertThat(ElementWait.expression("xpath=/html[1]/body[1]/my-app[1]//button[1]")).as("a shadow root").isNull();
    assertThat(ElementWait.expression(null)).isNull();
    assertThat(ElementWait.expression(" ")).isNull();
  }
}
