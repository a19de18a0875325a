package com.browserbase.stagehand.springai;

import com.browserbase.stagehand.client.StagehandSession;
import com.browserbase.stagehand.tools.StagehandToolkit;
import com.browserbase.stagehand.tools.ToolDescriptions;
import java.lang.reflect.Type;
import org.springframework.ai.support.ToolCallbacks;
import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.annotation.Tool;
import org.springframework.ai.tool.annotation.ToolParam;
import org.springframework.ai.tool.execution.ToolCallResultConverter;

/**
 * A browser for a Spring AI agent: the Spring AI {@link Tool @Tool} methods {@code navigate}, {@code act},
 * {@code observe}, {@code extract} and {@code pageText} on one {@link StagehandSession}.
 *
 * <pre>{@code
 * try (StagehandSession session = client.sessions().open(params)) {
 *   String answer = chatClient.prompt()
 *       .user("Find the price of the Pro plan on https://example.com/pricing")
 *       .tools(new StagehandTools(session))
 *       .call()
 *       .content();
 * }
 * }</pre>
 *
 * <p>Each tool returns text for the model as it is (not as a JSON string), bounded in size ({@link
 * StagehandToolkit#DEFAULT_MAX_RESULT_CHARS} characters unless the {@link StagehandToolkit} given says
 * otherwise); a failure (a refused request, an action that was not done, a timeout, an ended session) is returned
 * as a line starting with {@code ERROR:} or {@code FAILED:} and logged, so the agent goes on. The descriptions the
 * model reads are {@link ToolDescriptions}. Works with Spring AI 1.1 (Spring Boot 3) and 2.0 (Spring Boot 4).
 * Thread-safe. The session stays the caller's: these tools never end it.
 */
public final class StagehandTools {
  private final StagehandToolkit toolkit;

  /** Tools on {@code session}, with the default bound and the client's timeouts. */
  public StagehandTools(StagehandSession session) {
    this(StagehandToolkit.of(session));
  }

  /** Tools doing what {@code toolkit} does (its bound, its timeout). */
  public StagehandTools(StagehandToolkit toolkit) {
    if (toolkit == null) {
      throw new NullPointerException("toolkit == null");
    }
    this.toolkit = toolkit;
  }

  /** The toolkit these tools call. */
  public StagehandToolkit toolkit() {
    return toolkit;
  }

  /**
   * These tools as {@link ToolCallback}s, for what takes callbacks rather than tool objects, such as a {@code
   * ToolCallbackProvider.from(tools.toolCallbacks())} bean of an MCP server. A {@code ChatClient} takes the tools
   * object itself: {@code .tools(tools)} or {@code .defaultTools(tools)}.
   */
  public ToolCallback[] toolCallbacks() {
    return ToolCallbacks.from(this);
  }

  /** {@link ToolDescriptions#NAVIGATE}. */
  @Tool(name = "navigate", description = ToolDescriptions.NAVIGATE, resultConverter = PlainText.class)
  public String navigate(@ToolParam(description = ToolDescriptions.NAVIGATE_URL) String url) {
    return toolkit.navigate(url);
  }

  /** {@link ToolDescriptions#ACT}. */
  @Tool(name = "act", description = ToolDescriptions.ACT, resultConverter = PlainText.class)
  public String act(@ToolParam(description = ToolDescriptions.ACT_INSTRUCTION) String instruction) {
    return toolkit.act(instruction);
  }

  /** {@link ToolDescriptions#OBSERVE}. */
  @Tool(name = "observe", description = ToolDescriptions.OBSERVE, resultConverter = PlainText.class)
  public String observe(
      @ToolParam(description = ToolDescriptions.OBSERVE_INSTRUCTION, required = false) String instruction) {
    return toolkit.observe(instruction);
  }

  /** {@link ToolDescriptions#EXTRACT}. */
  @Tool(name = "extract", description = ToolDescriptions.EXTRACT, resultConverter = PlainText.class)
  public String extract(@ToolParam(description = ToolDescriptions.EXTRACT_INSTRUCTION) String instruction) {
    return toolkit.extract(instruction);
  }

  /** {@link ToolDescriptions#PAGE_TEXT}. */
  @Tool(name = "pageText", description = ToolDescriptions.PAGE_TEXT, resultConverter = PlainText.class)
  public String pageText() {
    return toolkit.pageText();
  }

  @Override
  public String toString() {
    return "StagehandTools{session=" + toolkit.session().id() + "}";
  }

  /**
   * Hands a tool's text to the model as it is: Spring AI's default converter would write it as a JSON string,
   * quotes and escaped line breaks included. Public because Spring AI instantiates it by reflection.
   */
  public static final class PlainText implements ToolCallResultConverter {
    /** Made by Spring AI. */
    public PlainText() {}

    @Override
    public String convert(Object result, Type returnType) {
      return result == null ? "" : result.toString();
    }
  }
}
