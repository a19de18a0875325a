package com.browserbase.stagehand.tools;

import com.browserbase.stagehand.client.StagehandSession;
import com.browserbase.stagehand.core.RequestOptions;
import com.browserbase.stagehand.errors.NotFoundException;
import com.browserbase.stagehand.errors.PermissionDeniedException;
import com.browserbase.stagehand.errors.RateLimitException;
import com.browserbase.stagehand.errors.StagehandException;
import com.browserbase.stagehand.errors.StagehandInvalidDataException;
import com.browserbase.stagehand.errors.StagehandIoException;
import com.browserbase.stagehand.errors.StagehandServiceException;
import com.browserbase.stagehand.errors.UnauthorizedException;
import com.browserbase.stagehand.models.sessions.ActResultData;
import com.browserbase.stagehand.models.sessions.Action;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The browser tools of an AI agent on one {@link StagehandSession}, for any agent framework: each method is
 * a tool the model calls, and returns what the model reads next — concise text, at most {@link
 * Builder#maxResultChars} characters, longer results cut with a marker saying how much was left out.
 *
 * <pre>{@code
 * StagehandToolkit tools = StagehandToolkit.builder(session)
 *     .maxResultChars(4_000)
 *     .timeout(Duration.ofMinutes(1))
 *     .build();
 * String seen = tools.navigate("https://example.com");
 * }</pre>
 *
 * <p>A tool never throws for what the model can act on: a refused request (4xx), an action that did not
 * succeed, a timeout, a server error or an ended session comes back as a line starting with {@code ERROR:}
 * (or {@code FAILED:} for an action that was tried and not done) saying what happened and what to do next,
 * and is logged under this class's logger with the session id and the SDK's message (which never shows a
 * secret), never the arguments. Only an interrupt of the calling thread is thrown, so that cancelling an
 * agent still cancels it.
 *
 * <p>The LangChain4j and Spring AI integrations annotate these methods with {@link ToolDescriptions}; use this
 * class directly for another framework. Thread-safe; it never ends the session, which stays its owner's.
 */
public final class StagehandToolkit {
  /** The default bound of a result, in characters (about 2,000 tokens). */
  public static final int DEFAULT_MAX_RESULT_CHARS = 8_000;
  /** The smallest bound {@link Builder#maxResultChars} accepts: room for a useful start and the marker. */
  public static final int MIN_MAX_RESULT_CHARS = 200;

  private static final Logger log = LoggerFactory.getLogger(StagehandToolkit.class);
  private static final int MAX_LOGGED_CHARS = 1_000;
  /** {@code example.com/pricing}, {@code localhost:8080}: a URL without its scheme, to which https:// is added. */
  private static final Pattern HOST_FIRST = Pattern.compile("^(localhost|[\\w-]+(\\.[\\w-]+)+)(:\\d+)?([/?#]\\S*)?$");

  private final StagehandSession session;
  private final StagehandSession calls;
  private final int maxResultChars;

  private StagehandToolkit(Builder builder) {
    this.session = builder.session;
    this.calls = builder.timeout == null
        ? builder.session
        : builder.session.withOptions(RequestOptions.builder().timeout(builder.timeout).build());
    this.maxResultChars = builder.maxResultChars;
  }

  /** Tools on {@code session} with the default bound and the client's timeouts. */
  public static StagehandToolkit of(StagehandSession session) {
    return builder(session).build();
  }

  /** A builder of tools on {@code session}. */
  public static Builder builder(StagehandSession session) {
    return new Builder(session);
  }

  /** The session the tools work on. */
  public StagehandSession session() {
    return session;
  }

  /** The bound of every result, in characters. */
  public int maxResultChars() {
    return maxResultChars;
  }

  /** The {@code navigate} tool ({@link ToolDescriptions#NAVIGATE}): opens {@code url}. */
  public String navigate(String url) {
    if (isBlank(url)) {
      return bound("ERROR: navigate needs a url, such as https://example.com.");
    }
    String target = HOST_FIRST.matcher(url.trim()).matches() ? "https://" + url.trim() : url.trim();
    return run("navigate", () -> {
      Optional<JsonNode> result = calls.navigate(target);
      if (!result.isPresent() || result.get().isNull()) {
        return "Opened " + target + ", but no HTTP response came back: the address may be wrong or the site "
            + "unreachable. Call pageText to see what the browser shows.";
      }
      JsonNode response = result.get().path("response");
      int status = response.path("status").asInt(result.get().path("status").asInt(0));
      String at = response.path("url").asText("");
      String moved = at.isEmpty() || at.equals(target) ? "" : ", now at " + at;
      if (status >= 400) {
        return "Opened " + target + moved + ", but the site answered HTTP " + status + ": the page may not exist "
            + "or be unavailable.";
      }
      return "Opened " + target + (status > 0 ? " (HTTP " + status + moved + ")" : moved) + ".";
    });
  }

  /** The {@code act} tool ({@link ToolDescriptions#ACT}): performs one action described in words. */
  public String act(String instruction) {
    if (isBlank(instruction)) {
      return bound("ERROR: act needs an instruction, such as: click the 'Sign in' button.");
    }
    return run("act", () -> {
      ActResultData result = calls.act(instruction);
      if (!result.success()) {
        log.info("Stagehand tool act on session {} did not succeed: {}", session.id(), forLog(result.message()));
        return "FAILED: the action was not done: " + orDash(result.message()).replaceAll("\\.$", "")
            + ". Call observe or pageText to see what the page offers, then retry with a more precise instruction.";
      }
      StringBuilder text = new StringBuilder("Done: ").append(orDash(result.message()));
      List<Action> actions = result.actions();
      for (Action action : actions) {
        text.append("\n- ").append(describe(action));
      }
      return text.toString();
    });
  }

  /**
   * The {@code observe} tool ({@link ToolDescriptions#OBSERVE}): the actions possible on the page, those fitting
   * {@code instruction} when it is given (null or blank: all). Actions past the bound are counted, not shown.
   */
  public String observe(String instruction) {
    return run("observe", () -> {
      List<Action> found = isBlank(instruction) ? calls.observe() : calls.observe(instruction);
      if (found.isEmpty()) {
        return "No matching action found on the page. Call pageText to read the page, or observe with another instruction.";
      }
      String head = "Found " + found.size() + (found.size() == 1 ? " action" : " actions")
          + " (pass a description to act to perform it):";
      StringBuilder text = new StringBuilder(head);
      for (int i = 0; i < found.size(); i++) {
        String line = "\n" + (i + 1) + ". " + describe(found.get(i));
        String more = "\n[" + (found.size() - i) + " more not shown: observe with a narrower instruction]";
        boolean last = i == found.size() - 1;
        if (i > 0 && text.length() + line.length() + (last ? 0 : more.length()) > maxResultChars) {
          return text.append(more).toString();
        }
        text.append(line);
      }
      return text.toString();
    });
  }

  /** The {@code extract} tool ({@link ToolDescriptions#EXTRACT}): what {@code instruction} asks for, read from the page. */
  public String extract(String instruction) {
    if (isBlank(instruction)) {
      return bound("ERROR: extract needs an instruction saying what to read, such as: the price of the cheapest plan."
          + " Call pageText for the whole text of the page.");
    }
    return run("extract", () -> {
      JsonNode result = calls.extract(instruction);
      JsonNode extraction = result.path("extraction");
      return result.size() == 1 && extraction.isTextual() ? extraction.asText() : result.toString();
    });
  }

  /** The {@code pageText} tool ({@link ToolDescriptions#PAGE_TEXT}): the page's text, without a model call. */
  public String pageText() {
    return run("pageText", () -> {
      JsonNode result = calls.extract();
      JsonNode text = result.path("pageText");
      String page = text.isTextual() ? text.asText() : result.toString();
      return page.trim().isEmpty() ? "The page has no text." : page;
    });
  }

  /**
   * Cuts {@code text} to the bound: its start, then {@code [truncated: N of M characters left out]}, together at
   * most {@link #maxResultChars()} characters. Never splits a surrogate pair.
   */
  public String bound(String text) {
    if (text.length() <= maxResultChars) {
      return text;
    }
    int total = text.length();
    int keep = maxResultChars - marker(total, total).length();
    for (int room; (room = maxResultChars - marker(total - keep, total).length()) > keep; ) {
      keep = room; // a shorter count leaves room for more of the text
    }
    while (Character.isHighSurrogate(text.charAt(keep - 1)) || keep + marker(total - keep, total).length() > maxResultChars) {
      keep--;
    }
    return text.substring(0, keep) + marker(total - keep, total);
  }

  private static String marker(int cut, int total) {
    return String.format(Locale.ROOT, "\n[truncated: %,d of %,d characters left out]", cut, total);
  }

  private String run(String tool, Supplier<String> call) {
    long start = System.nanoTime();
    try {
      if (session.isEnded()) {
        return ended(tool);
      }
      String result = bound(call.get());
      log.debug("Stagehand tool {} on session {}: {} characters in {} ms", tool, session.id(), result.length(),
          (System.nanoTime() - start) / 1_000_000);
      return result;
    } catch (RuntimeException e) {
      if (Thread.currentThread().isInterrupted()) {
        throw e; // the agent is being cancelled: let it stop
      }
      if (session.isEnded()) {
        return ended(tool);
      }
      String text = failure(tool, e);
      if (e instanceof StagehandException) {
        log.warn("Stagehand tool {} failed on session {}: {}", tool, session.id(), forLog(e.getMessage()));
      } else {
        log.warn("Stagehand tool {} failed on session {}", tool, session.id(), e);
      }
      return bound(text);
    }
  }

  /** A message cut to {@value #MAX_LOGGED_CHARS} characters: a server's error page does not belong in a log line. */
  private static String forLog(String message) {
    return message == null || message.length() <= MAX_LOGGED_CHARS
        ? message
        : message.substring(0, MAX_LOGGED_CHARS) + "... (" + (message.length() - MAX_LOGGED_CHARS) + " more characters)";
  }

  private String ended(String tool) {
    log.warn("Stagehand tool {} called on session {}, which has ended", tool, session.id());
    return "ERROR: the browser session has ended, so no browser tool can be used any more. "
        + "Finish without the browser, and say that the browser session was closed.";
  }

  private static String failure(String tool, RuntimeException e) {
    String detail = String.valueOf(e.getMessage());
    if (e instanceof NotFoundException && detail.toLowerCase(Locale.ROOT).contains("session not found")) {
      return "ERROR: the browser session no longer exists (" + detail + "): it has ended or expired. "
          + "No browser tool can be used any more; finish without the browser.";
    }
    if (e instanceof UnauthorizedException || e instanceof PermissionDeniedException) {
      return "ERROR: the browser service refused the credentials (" + detail + "). Retrying will not help; "
          + "finish without the browser and say so.";
    }
    if (e instanceof RateLimitException) {
      return "ERROR: the browser service is rate limited (" + detail + "). Wait before the next browser call, "
          + "or finish with what you have.";
    }
    if (e instanceof StagehandServiceException) {
      int status = ((StagehandServiceException) e).statusCode();
      if (status >= 400 && status < 500) {
        return "ERROR: " + tool + " was refused (" + detail + "). " + hint(tool);
      }
      return "ERROR: " + tool + " failed in the browser service (" + detail + "). " + hint(tool);
    }
    if (e instanceof StagehandIoException) {
      return "ERROR: " + tool + " did not complete (" + detail + "). The page may be slow or unreachable: try once "
          + "more, or continue without it.";
    }
    if (e instanceof StagehandInvalidDataException) {
      return "ERROR: " + tool + " got an answer it could not read (" + detail + "). Try once more, or continue "
          + "without it.";
    }
    if (e instanceof IllegalArgumentException) {
      return "ERROR: " + tool + " cannot be called with these arguments (" + detail + ").";
    }
    return "ERROR: " + tool + " failed (" + e.getClass().getSimpleName() + ": " + detail + ").";
  }

  /** What the model can do about a refused or failed call of {@code tool}. */
  private static String hint(String tool) {
    switch (tool) {
      case "navigate":
        return "Check that the URL is complete and correct (such as https://example.com/page), then try again.";
      case "act":
        return "Call observe or pageText to see the page, then try again with other words.";
      case "pageText":
        return "Try once more, or continue without it.";
      default:
        return "Try again with other words, or call pageText to read the page.";
    }
  }

  /** {@code button Submit (click)}, {@code textbox Name (fill "Ada")}. */
  private static String describe(Action action) {
    StringBuilder line = new StringBuilder(orDash(descriptionOf(action)));
    Optional<String> method = action.method();
    if (method.isPresent()) {
      line.append(" (").append(method.get());
      for (String argument : action.arguments()) {
        line.append(" \"").append(argument).append('"');
      }
      line.append(')');
    }
    return line.toString();
  }

  private static String descriptionOf(Action action) {
    try {
      return action.description();
    } catch (RuntimeException e) { // a server that left it out
      return null;
    }
  }

  private static String orDash(String text) {
    return isBlank(text) ? "-" : text.trim();
  }

  private static boolean isBlank(String text) {
    return text == null || text.trim().isEmpty();
  }

  /** Settings of a {@link StagehandToolkit}. */
  public static final class Builder {
    private final StagehandSession session;
    private int maxResultChars = DEFAULT_MAX_RESULT_CHARS;
    private Duration timeout;

    private Builder(StagehandSession session) {
      if (session == null) {
        throw new NullPointerException("session == null");
      }
      this.session = session;
    }

    /**
     * The most characters a tool returns (default {@value StagehandToolkit#DEFAULT_MAX_RESULT_CHARS}, at least {@value
     * StagehandToolkit#MIN_MAX_RESULT_CHARS}); a longer result is cut, with a marker saying how much was left out.
     */
    public Builder maxResultChars(int maxResultChars) {
      if (maxResultChars < MIN_MAX_RESULT_CHARS) {
        throw new IllegalArgumentException("maxResultChars must be at least " + MIN_MAX_RESULT_CHARS + ": " + maxResultChars);
      }
      this.maxResultChars = maxResultChars;
      return this;
    }

    /**
     * The longest a tool call may take (default: the client's, 5 minutes); one that takes longer returns an
     * {@code ERROR:} result saying so.
     */
    public Builder timeout(Duration timeout) {
      if (timeout == null) {
        throw new NullPointerException("timeout == null");
      }
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("timeout must be positive: " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /** The tools. */
    public StagehandToolkit build() {
      return new StagehandToolkit(this);
    }
  }
}
