/**
 * What a client's calls do, told to a {@link com.browserbase.stagehand.core.events.CallListener} set with
 * {@code StagehandOkHttpClient.Builder.callListener}: each call's start and end, its retries, the events of its
 * stream, and how the action cache served an act. For metrics, traces and logs of your own; the Micrometer
 * instrumentation ({@code stagehand-java-micrometer}) is one such listener.
 *
 * <pre>{@code
 * StagehandClient client = StagehandOkHttpClient.builder()
 *     .fromEnv()
 *     .callListener(new CallListener() {
 *       public void callEnded(CallEnded call) {
 *         log.info("{} {} in {} ms", call.operation(), call.outcome(), call.duration().toMillis());
 *       }
 *     })
 *     .build();
 * }</pre>
 */
package com.browserbase.stagehand.core.events;
