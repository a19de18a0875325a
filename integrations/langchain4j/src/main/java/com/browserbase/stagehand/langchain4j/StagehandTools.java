package com.browserbase.stagehand.langchain4j;

import com.browserbase.stagehand.client.StagehandSession;
import com.browserbase.stagehand.tools.StagehandToolkit;
import com.browserbase.stagehand.tools.ToolDescriptions;
import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;

/**
 * A browser for a LangChain4j agent: the LangChain4j {@link Tool @Tool} methods {@code navigate}, {@code act},
 * {@code observe}, {@code extract} and {@code pageText} on one {@link StagehandSession}.
 *
 * <pre>{@code
 * try (StagehandSession session = client.sessions().open(params)) {
 *   Assistant assistant = AiServices.builder(Assistant.class)
 *       .chatModel(model)
 *       .tools(new StagehandTools(session))
 *       .build();
 *   String answer = assistant.chat("Find the price of the Pro plan on https://example.com/pricing");
 * }
 * }</pre>
 *
 * <p>Each tool returns text for the model, bounded in size ({@link StagehandToolkit#DEFAULT_MAX_RESULT_CHARS}
 * characters unless the {@link StagehandToolkit} given says otherwise); a failure (a refused request, an action
 * that was not done, a timeout, an ended session) is returned as a line starting with {@code ERROR:} or {@code
 * FAILED:} and logged, so the agent goes on. The descriptions the model reads are {@link ToolDescriptions}.
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

  /** {@link ToolDescriptions#NAVIGATE}. */
  @Tool(name = "navigate", value = ToolDescriptions.NAVIGATE)
  public String navigate(@P(name = "url", value = ToolDescriptions.NAVIGATE_URL) String url) {
    return toolkit.navigate(url);
  }

  /** {@link ToolDescriptions#ACT}. */
  @Tool(name = "act", value = ToolDescriptions.ACT)
  public String act(@P(name = "instruction", value = ToolDescriptions.ACT_INSTRUCTION) String instruction) {
    return toolkit.act(instruction);
  }

  /** {@link ToolDescriptions#OBSERVE}. */
  @Tool(name = "observe", value = ToolDescriptions.OBSERVE)
  public String observe(
      @P(name = "instruction", value = ToolDescriptions.OBSERVE_INSTRUCTION, required = false) String instruction) {
    return toolkit.observe(instruction);
  }

  /** {@link ToolDescriptions#EXTRACT}. */
  @Tool(name = "extract", value = ToolDescriptions.EXTRACT)
  public String extract(@P(name = "instruction", value = ToolDescriptions.EXTRACT_INSTRUCTION) String instruction) {
    return toolkit.extract(instruction);
  }

  /** {@link ToolDescriptions#PAGE_TEXT}. */
  @Tool(name = "pageText", value = ToolDescriptions.PAGE_TEXT)
  public String pageText() {
    return toolkit.pageText();
  }

  @Override
  public String toString() {
    return "StagehandTools{session=" + toolkit.session().id() + "}";
  }
}
