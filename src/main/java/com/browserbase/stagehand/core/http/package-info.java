/**
 * HTTP-level types of the SDK: {@link com.browserbase.stagehand.core.http.StreamResponse}, the
 * result of the streaming operations.
 */
package com.browserbase.stagehand.core.http;
