package com.browserbase.stagehand.spring.boot;

import com.browserbase.stagehand.client.StagehandOkHttpClient;

/**
 * Changes the builder of the auto-configured {@code StagehandClient} after the {@code stagehand.*} properties are
 * applied and before it is built: headers, a proxy, your own {@code OkHttpClient}, {@code fromEnv()}. Declare one or
 * more as beans; they run in {@link org.springframework.core.annotation.Order @Order}.
 *
 * <pre>{@code
 * @Bean
 * StagehandClientBuilderCustomizer stagehandHeaders() {
 *   return builder -> builder.putHeader("x-team", "checkout");
 * }
 * }</pre>
 */
@FunctionalInterface
public interface StagehandClientBuilderCustomizer {
  /** Changes {@code builder}. */
  void customize(StagehandOkHttpClient.Builder builder);
}
