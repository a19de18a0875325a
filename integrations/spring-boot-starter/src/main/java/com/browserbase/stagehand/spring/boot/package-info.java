/**
 * The Spring Boot starter of the Stagehand Java SDK: add {@code com.browserbase:stagehand-spring-boot-starter}, set
 * {@code stagehand.*} properties, and inject the client.
 *
 * <pre>{@code
 * stagehand.base-url=https://api.stagehand.browserbase.com
 * stagehand.browserbase-api-key=${BROWSERBASE_API_KEY}
 * stagehand.model-api-key=${MODEL_API_KEY}
 * stagehand.cache.directory=.stagehand-cache
 *
 * @Service
 * class Checkout {
 *   private final StagehandClient stagehand;
 *   Checkout(StagehandClient stagehand) { this.stagehand = stagehand; }
 * }
 * }</pre>
 *
 * <p>{@link com.browserbase.stagehand.spring.boot.StagehandAutoConfiguration} makes the client and the action cache,
 * {@link com.browserbase.stagehand.spring.boot.StagehandHealthAutoConfiguration} the {@code stagehand} health
 * indicator; {@link com.browserbase.stagehand.spring.boot.StagehandProperties} lists the properties and {@link
 * com.browserbase.stagehand.spring.boot.StagehandClientBuilderCustomizer} changes the client's builder.
 */
package com.browserbase.stagehand.spring.boot;
