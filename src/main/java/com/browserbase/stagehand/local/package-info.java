/**
 * Local mode: the client starts a Stagehand server on this machine, with a local Chromium, and stops
 * it when it is closed.
 *
 * <pre>{@code
 * try (StagehandClient client = StagehandOkHttpClient.builder()
 *     .localServer(LocalServer.builder().server(Paths.get("/opt/stagehand/stagehand-server-v3")).build())
 *     .build()) {
 *   String id = client.sessions().start(SessionStartParams.builder().modelName("openai/gpt-5-nano").build())
 *       .data().sessionId();   // a local, headless Chromium: no Browserbase key needed
 * }
 * }</pre>
 */
package com.browserbase.stagehand.local;
