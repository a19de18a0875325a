/**
 * The entry point of the SDK: build a {@link com.browserbase.stagehand.client.StagehandClient} with
 * {@link com.browserbase.stagehand.client.StagehandOkHttpClient}, then open a {@link
 * com.browserbase.stagehand.client.StagehandSession} and work with it.
 *
 * <pre>{@code
 * try (StagehandClient client = StagehandOkHttpClient.fromEnv();
 *      StagehandSession session = client.sessions().open(
 *          SessionStartParams.builder().modelName("openai/gpt-5-nano").build())) {
 *   session.navigate("https://example.com");
 *   session.act("click the 'More information' link");
 * }
 * }</pre>
 */
package com.browserbase.stagehand.client;
