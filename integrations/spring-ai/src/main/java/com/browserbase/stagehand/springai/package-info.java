/**
 * Stagehand as Spring AI tools: {@link com.browserbase.stagehand.springai.StagehandTools} gives a
 * {@code ChatClient} agent a browser session to navigate, act on, observe and read.
 */
package com.browserbase.stagehand.springai;
