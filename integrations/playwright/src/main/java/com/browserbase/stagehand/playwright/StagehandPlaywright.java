package com.browserbase.stagehand.playwright;

import com.browserbase.stagehand.client.StagehandSession;
import com.google.gson.JsonObject;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Frame;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.PlaywrightException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.WeakHashMap;

/**
 * Playwright for Java attached to a Stagehand session's browser, so that code and AI work on the same
 * page: write the steps you know with Playwright, and aim {@code act}, {@code observe} and {@code extract}
 * at a Playwright {@link Page} or {@link Frame} with {@link #on(Page)} and {@link #on(Frame)}.
 *
 * <pre>{@code
 * try (StagehandSession session = client.sessions().open(params);
 *      StagehandPlaywright pw = StagehandPlaywright.connect(session)) {
 *   Page page = pw.page();
 *   page.fill("#email", "ada@example.com");
 *   pw.on(page).act("click the sign-in button");
 * }
 * }</pre>
 *
 * <p>Connects over the session's {@link StagehandSession#cdpUrl() cdpUrl}: a local-mode session's
 * Chromium or a Browserbase session's (whose URL carries a key: never logged, never in a message). Never
 * downloads a browser. {@link #close()} disconnects, and stops the Playwright driver when this object
 * started it; it never closes the session's browser, which the session owns: end the session before or
 * after, as you like. Like Playwright itself, not thread-safe: use it from one thread at a time.
 */
public final class StagehandPlaywright implements AutoCloseable {
  private final StagehandSession session;
  private final Playwright playwright;
  private final boolean ownsPlaywright;
  private final Browser browser;
  private final BrowserContext context;
  private final Page page;
  /** The main frame id of each page seen: a tab keeps its id for its whole life. */
  private final Map<Page, String> pageIds = Collections.synchronizedMap(new WeakHashMap<>());
  private boolean closed;

  private StagehandPlaywright(StagehandSession session, Playwright playwright, boolean ownsPlaywright,
      Browser browser) {
    this.session = session;
    this.playwright = playwright;
    this.ownsPlaywright = ownsPlaywright;
    this.browser = browser;
    List<BrowserContext> contexts = browser.contexts();
    if (contexts.isEmpty() || contexts.get(0).pages().isEmpty()) {
      throw new IllegalStateException("The browser of session " + session.id() + " has no open tab to attach to");
    }
    this.context = contexts.get(0);
    List<Page> pages = context.pages();
    this.page = pages.get(pages.size() - 1); // the server works on the newest tab
  }

  /**
   * Starts a Playwright driver (never a browser download) and connects it to the session's browser.
   * {@link #close()} stops that driver. The driver runs on the machine's Node.js, found as the README's
   * "Node.js or the bundle" says.
   *
   * @throws IllegalArgumentException when the session has no CDP URL (one attached by id: the server
   *     reports the URL only when the session starts)
   * @throws IllegalStateException when the session is ended
   * @throws PlaywrightException when the driver cannot start or the browser cannot be reached, with the
   *     URL's query masked
   */
  public static StagehandPlaywright connect(StagehandSession session) {
    String cdpUrl = cdpUrlOf(session);
    Playwright playwright = PlaywrightDriver.create();
    try {
      return new StagehandPlaywright(session, playwright, true, CdpUrls.connect(playwright, cdpUrl));
    } catch (RuntimeException e) {
      playwright.close();
      throw e;
    }
  }

  /**
   * Connects the caller's {@code playwright} to the session's browser; several sessions may share one
   * Playwright. {@link #close()} then disconnects only, and leaves {@code playwright} open.
   *
   * @throws IllegalArgumentException when the session has no CDP URL
   * @throws IllegalStateException when the session is ended
   */
  public static StagehandPlaywright connect(Playwright playwright, StagehandSession session) {
    Objects.requireNonNull(playwright, "playwright");
    String cdpUrl = cdpUrlOf(session);
    return new StagehandPlaywright(session, playwright, false, CdpUrls.connect(playwright, cdpUrl));
  }

  private static String cdpUrlOf(StagehandSession session) {
    Objects.requireNonNull(session, "session");
    if (session.isEnded()) {
      throw new IllegalStateException("Session " + session.id() + " is ended: its browser is gone");
    }
    return session.cdpUrl().orElseThrow(() -> new IllegalArgumentException("Session " + session.id()
        + " has no CDP URL to connect Playwright over: the server reports it when a session starts, so a"
        + " session attached by id has none; open the session with this client instead"));
  }

  /** The session's browser, as connected over CDP. */
  public Browser browser() {
    return browser;
  }

  /** The session's browser context: its tabs, cookies and storage; {@code newPage()} opens a tab in it. */
  public BrowserContext context() {
    return context;
  }

  /**
   * The tab the session was working on when Playwright connected (its newest). The server works on the
   * newest tab unless a call names one: after {@code context().newPage()}, aim calls with {@link #on(Page)}.
   */
  public Page page() {
    return page;
  }

  /** The session, with {@code navigate}, {@code act}, {@code observe}, {@code extract} and {@code execute} aimed at {@code page}. */
  public StagehandSession on(Page page) {
    Objects.requireNonNull(page, "page");
    return session.onFrame(pageIds.computeIfAbsent(page, StagehandPlaywright::frameId));
  }

  /**
   * The session aimed at {@code frame}. A tab's main frame is the tab ({@link #on(Page)}). For an iframe,
   * the Stagehand server takes only a tab's frame id, so the view aims at the iframe's tab and scopes
   * {@code observe} and {@code extract} to the iframe with the XPath of its element as their {@code
   * selector} (unless the call's options give a selector of their own); {@code act} and {@code execute}
   * work on the whole tab, iframes included; {@code navigate} is refused: navigate an iframe with {@link
   * Frame#navigate}. Same-origin iframes only: a cross-origin one runs in a process the tab's CDP
   * session does not see.
   */
  public StagehandSession on(Frame frame) {
    Objects.requireNonNull(frame, "frame");
    if (frame.parentFrame() == null) {
      return on(frame.page());
    }
    return new IframeSession(on(frame.page()), FrameXPaths.of(frame));
  }

  /** The CDP frame id of {@code page}'s main frame, the API's {@code frameId} for that tab. One CDP round trip. */
  public static String frameId(Page page) {
    Objects.requireNonNull(page, "page");
    return FrameTrees.mainFrameId(frameTree(page));
  }

  /**
   * The CDP frame id of {@code frame}: its page's main frame id, or the id of the iframe, found in the
   * page's CDP frame tree by its place among its parent's frames, its name and its URL.
   *
   * @throws IllegalArgumentException when the frame is not in its page's frame tree (a cross-origin iframe)
   */
  public static String frameId(Frame frame) {
    Objects.requireNonNull(frame, "frame");
    List<FrameTrees.Step> path = new ArrayList<>();
    for (Frame f = frame; f.parentFrame() != null; f = f.parentFrame()) {
      path.add(0, new FrameTrees.Step(f.parentFrame().childFrames().indexOf(f), f.name(), f.url()));
    }
    return FrameTrees.find(frameTree(frame.page()), path);
  }

  private static JsonObject frameTree(Page page) {
    CDPSession cdp = page.context().newCDPSession(page);
    try {
      return cdp.send("Page.getFrameTree").getAsJsonObject("frameTree");
    } finally {
      cdp.detach();
    }
  }

  /**
   * Disconnects from the session's browser, which keeps running, and stops the driver this object
   * started. Idempotent. The session and its handles stay usable.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      browser.close(); // over CDP: a disconnect, the browser stays
    } finally {
      if (ownsPlaywright) {
        playwright.close();
      }
    }
  }

  @Override
  public String toString() {
    return "StagehandPlaywright{session=" + session.id() + (closed ? ", closed" : "") + "}";
  }
}
