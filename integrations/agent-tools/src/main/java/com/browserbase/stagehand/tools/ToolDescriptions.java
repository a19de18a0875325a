package com.browserbase.stagehand.tools;

/**
 * What the model reads about each browser tool and its parameters: compile-time constants, so that the
 * LangChain4j and Spring AI annotations ({@code @Tool(ToolDescriptions.ACT)}) and any other framework's
 * tool definitions say the same. Each says what the tool does, when to use it and what it returns.
 */
public final class ToolDescriptions {
  private ToolDescriptions() {}

  /** The {@code navigate} tool. */
  public static final String NAVIGATE = "Opens a web page in the browser by its URL, replacing the current page. "
      + "Use it first, and whenever you know the address of the page you need. "
      + "Returns the URL opened and the HTTP status, or a line starting with ERROR saying what went wrong.";

  /** The {@code url} parameter of {@code navigate}. */
  public static final String NAVIGATE_URL = "The full URL to open, such as https://example.com/pricing "
      + "(https:// is assumed when no scheme is given).";

  /** The {@code act} tool. */
  public static final String ACT = "Performs one action on the current page, described in plain words: "
      + "click a button or link, type text into a field, select an option, press a key, scroll. "
      + "Use one small step per call (\"type 'Ada Lovelace' into the Name field\", then \"click the Submit "
      + "button\"), naming the element as a person sees it. "
      + "Returns what was done, or a line starting with FAILED or ERROR when nothing was done: then call "
      + "observe or pageText to see the page, and retry with a more precise instruction.";

  /** The {@code instruction} parameter of {@code act}. */
  public static final String ACT_INSTRUCTION = "One action in plain words, with the exact text to type in quotes, "
      + "such as: click the 'Sign in' button.";

  /** The {@code observe} tool. */
  public static final String OBSERVE = "Lists the actions that can be performed on the current page (buttons, links, "
      + "fields, ...), optionally only those fitting an instruction. "
      + "Use it to find out what a page offers before acting, or after an action failed. "
      + "Returns one numbered line per action, with its description and method; pass a description to act to "
      + "perform it.";

  /** The {@code instruction} parameter of {@code observe}. */
  public static final String OBSERVE_INSTRUCTION = "What to look for, such as: find the search box. "
      + "Leave it out to list every action on the page.";

  /** The {@code extract} tool. */
  public static final String EXTRACT = "Reads specific information from the current page, as described by an "
      + "instruction, using the page's content: prices, names, a table, the result of a form. "
      + "Use it to answer a question about the page or check that an action had the effect you wanted. "
      + "Returns the information found, as text or JSON.";

  /** The {@code instruction} parameter of {@code extract}. */
  public static final String EXTRACT_INSTRUCTION = "What to read from the page, such as: the price of the cheapest plan.";

  /** The {@code pageText} tool. */
  public static final String PAGE_TEXT = "Returns the visible text of the current page as it is, without interpreting "
      + "it. Use it to see what a page says when you do not yet know what to look for; long pages are cut, "
      + "and the end of the result says how much was left out (then use extract for a specific part).";
}
