package com.browserbase.stagehand.spring.boot;

import com.browserbase.stagehand.cache.ActionCache;
import com.browserbase.stagehand.cache.redis.RedisActionCacheStore;
import com.browserbase.stagehand.client.StagehandClient;
import com.browserbase.stagehand.client.StagehandOkHttpClient;
import com.browserbase.stagehand.core.events.CallListener;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configures a {@link StagehandClient} from the {@code stagehand.*} properties ({@link StagehandProperties}),
 * closed when the application stops so that its open sessions end, and an {@link ActionCache} when {@code
 * stagehand.cache.directory} or {@code stagehand.cache.redis.uri} is set. Your own beans of either type win. The
 * client also gets every {@link CallListener} bean and is changed by every {@link StagehandClientBuilderCustomizer}
 * bean. See the starter's README.
 */
@AutoConfiguration
@EnableConfigurationProperties(StagehandProperties.class)
public class StagehandAutoConfiguration {
  static final String CLIENT_BEAN = "stagehandClient";
  static final String REDIS_STORE = "com.browserbase.stagehand.cache.redis.RedisActionCacheStore";

  /** Creates the auto-configuration; Spring does. */
  public StagehandAutoConfiguration() {
  }

  /**
   * The client: the {@code stagehand.*} properties, then the application's {@link ActionCache} and {@link
   * CallListener} beans, then its {@link StagehandClientBuilderCustomizer} beans in order. Closed on shutdown, before
   * the cache and the listeners it uses: its open sessions are ended, its threads and local server stopped.
   */
  @Bean(name = CLIENT_BEAN, destroyMethod = "close")
  @ConditionalOnMissingBean(StagehandClient.class)
  public StagehandClient stagehandClient(StagehandProperties properties, ObjectProvider<ActionCache> actionCache,
      ObjectProvider<CallListener> callListeners, ObjectProvider<StagehandClientBuilderCustomizer> customizers,
      ConfigurableListableBeanFactory beanFactory) {
    StagehandOkHttpClient.Builder builder = StagehandClients.builder(properties);
    ActionCache cache = actionCache.getIfAvailable();
    if (cache != null) {
      builder.actionCache(cache);
    }
    CallListener listener = callListener(callListeners);
    if (listener != null) {
      builder.callListener(listener);
    }
    customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
    closedBefore(beanFactory, ActionCache.class, CallListener.class);
    return builder.build();
  }

  /**
   * Every {@link CallListener} bean as one listener, in {@code @Order}; null when there is none. The Micrometer
   * listener of {@link StagehandObservationAutoConfiguration} is one of them.
   */
  static CallListener callListener(ObjectProvider<CallListener> callListeners) {
    return CompositeCallListener.of(callListeners.orderedStream().collect(Collectors.toList()));
  }

  /**
   * Makes Spring close the client before the beans of these types: beans reached through an {@link ObjectProvider}
   * are not dependencies in Spring's eyes, and the client's last calls still use its cache and listeners.
   */
  private static void closedBefore(ConfigurableListableBeanFactory beanFactory, Class<?>... types) {
    for (Class<?> type : types) {
      for (String name : beanFactory.getBeanNamesForType(type, true, false)) {
        beanFactory.registerDependentBean(name, CLIENT_BEAN);
      }
    }
  }

  /** {@code stagehand.cache.directory}: the cache in a directory of JSON files. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnMissingBean(ActionCache.class)
  @ConditionalOnStagehandProperty("cache.directory")
  static class DirectoryCacheConfiguration {
    @Bean
    ActionCache stagehandActionCache(StagehandProperties properties) {
      return ActionCache.directory(properties.getCache().getDirectory());
    }
  }

  /** {@code stagehand.cache.redis.uri}, with {@code stagehand-java-redis}: the cache in Redis, closed after the client. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = REDIS_STORE)
  @ConditionalOnMissingBean(ActionCache.class)
  @ConditionalOnStagehandProperty("cache.redis.uri")
  static class RedisCacheConfiguration {
    @Bean(destroyMethod = "close")
    RedisActionCacheStore stagehandActionCacheStore(StagehandProperties properties) {
      StagehandProperties.Redis redis = properties.getCache().getRedis();
      RedisActionCacheStore.Builder store = RedisActionCacheStore.builder()
          .uri(redis.getUri())
          .keyPrefix(redis.getKeyPrefix())
          .timeout(redis.getTimeout());
      if (redis.getTtl() != null) {
        store.ttl(redis.getTtl());
      }
      try {
        return store.build();
      } catch (RuntimeException e) {
        // The store's messages mask the password.
        throw new IllegalStateException("Cannot open the action cache of stagehand.cache.redis.uri: " + e.getMessage(), e);
      }
    }

    @Bean
    ActionCache stagehandActionCache(RedisActionCacheStore store, StagehandProperties properties) {
      String signingKey = properties.getCache().getSigningKey();
      return signingKey == null ? ActionCache.of(store)
          : ActionCache.of(store, signingKey.getBytes(StandardCharsets.UTF_8));
    }
  }

  /** {@code stagehand.cache.redis.uri} without {@code stagehand-java-redis}: the start fails, saying what to add. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnMissingClass(REDIS_STORE)
  @ConditionalOnMissingBean(ActionCache.class)
  @ConditionalOnStagehandProperty("cache.redis.uri")
  static class MissingRedisConfiguration {
    @Bean
    ActionCache stagehandActionCache() {
      throw new IllegalStateException("stagehand.cache.redis.uri is set, but the Redis action cache is not on the"
          + " classpath: add the dependency com.browserbase:stagehand-java-redis (version from stagehand-java-bom)");
    }
  }

  /** With the actuator: the starter's secrets masked in {@code /actuator/env} and {@code /actuator/configprops}. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.SanitizingFunction")
  static class SanitizingConfiguration {
    @Bean
    SanitizingFunction stagehandSanitizingFunction() {
      return new StagehandSanitizingFunction();
    }
  }
}
