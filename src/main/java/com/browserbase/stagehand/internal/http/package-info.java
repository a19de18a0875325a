/** The transport: requests, retries, timeouts, interrupts, error mapping, streams and raw responses, over OkHttp. Not API. */
package com.browserbase.stagehand.internal.http;
