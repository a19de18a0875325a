/**
 * Playwright for Java on a Stagehand session's browser: {@link com.browserbase.stagehand.playwright.StagehandPlaywright}
 * connects Playwright over the session's CDP URL and aims the session's AI calls at a Playwright page or frame.
 */
package com.browserbase.stagehand.playwright;
