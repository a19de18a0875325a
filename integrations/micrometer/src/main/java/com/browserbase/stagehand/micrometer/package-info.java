/**
 * Micrometer instrumentation of the Stagehand client, with or without Spring:
 * {@link com.browserbase.stagehand.micrometer.MicrometerCallListener} makes an observation of each call (the timer
 * {@code stagehand.client.requests}, and spans with Micrometer Tracing), counts the action cache's acts
 * ({@code stagehand.cache.acts}) and gauges the open sessions ({@code stagehand.sessions.open}).
 *
 * <pre>{@code
 * MeterRegistry meters = new SimpleMeterRegistry();          // or your application's
 * ObservationRegistry observations = ObservationRegistry.create();
 * observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
 * StagehandClient client = StagehandOkHttpClient.builder()
 *     .fromEnv()
 *     .callListener(MicrometerCallListener.create(observations, meters))
 *     .build();
 * }</pre>
 */
package com.browserbase.stagehand.micrometer;
