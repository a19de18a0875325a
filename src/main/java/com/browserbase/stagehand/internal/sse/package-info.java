/** A reader of Server-Sent Events that pulls one event at a time from a response body. Not API. */
package com.browserbase.stagehand.internal.sse;
