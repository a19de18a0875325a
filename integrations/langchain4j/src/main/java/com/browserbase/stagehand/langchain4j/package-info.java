/**
 * Stagehand as LangChain4j tools: {@link com.browserbase.stagehand.langchain4j.StagehandTools} gives an
 * {@code AiServices} agent a browser session to navigate, act on, observe and read.
 */
package com.browserbase.stagehand.langchain4j;
