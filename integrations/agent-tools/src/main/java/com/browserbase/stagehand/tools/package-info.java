/**
 * Browser tools for AI agents on a Stagehand session, for any agent framework:
 * {@link com.browserbase.stagehand.tools.StagehandToolkit} does the calls (navigate, act, observe, extract, the
 * page's text), bounds each result and turns failures into text the model can act on;
 * {@link com.browserbase.stagehand.tools.ToolDescriptions} holds what the model reads about each tool, as
 * constants that annotations can use. The LangChain4j and Spring AI integrations are built on both.
 */
package com.browserbase.stagehand.tools;
