/**
 * Options and base types shared across the SDK: {@link com.browserbase.stagehand.core.RequestOptions}
 * for one call, {@link com.browserbase.stagehand.core.OpenEnum} for enumerations that accept values
 * newer servers send.
 *
 * <pre>{@code
 * sessions.act(params, RequestOptions.builder().timeout(Duration.ofMinutes(2)).maxRetries(0).build());
 * }</pre>
 */
package com.browserbase.stagehand.core;
