/**
 * The entry point of the SDK: build a {@link com.browserbase.stagehand.client.StagehandClient} with
 * {@link com.browserbase.stagehand.client.StagehandOkHttpClient}.
 *
 * <pre>{@code
 * StagehandClient client = StagehandOkHttpClient.builder()
 *     .fromEnv()
 *     .baseUrl("http://127.0.0.1:3000")
 *     .build();
 * }</pre>
 */
package com.browserbase.stagehand.client;
