package com.browserbase.stagehand.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.browserbase.stagehand.cache.ActionCache;
import com.browserbase.stagehand.client.StagehandClient;
import com.browserbase.stagehand.client.StagehandOkHttpClient;
import com.browserbase.stagehand.client.StagehandSession;
import com.browserbase.stagehand.core.events.CallEnded;
import com.browserbase.stagehand.core.events.CallListener;
import com.browserbase.stagehand.core.events.CallStarted;
import com.browserbase.stagehand.errors.RateLimitException;
import com.browserbase.stagehand.errors.StagehandIoException;
import com.browserbase.stagehand.models.sessions.SessionStartParams;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/** The client and the action cache the properties make, what backs off, and the client's close with the context. */
class StagehandAutoConfigurationTest {
  private final MockApi api = new MockApi();
  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(StagehandAutoConfiguration.class, StagehandHealthAutoConfiguration.class));

  @TempDir
  Path temp;

  @AfterEach
  void closeApi() {
    api.close();
  }

  @Test
  void withoutPropertiesTheClientUsesTheHostedApiAndNoCache() {
    runner.run(context -> {
      assertThat(context).hasSingleBean(StagehandClient.class).doesNotHaveBean(ActionCache.class);
      assertThat(context.getBean(StagehandClient.class).baseUrl()).isEqualTo(StagehandOkHttpClient.DEFAULT_BASE_URL);
      assertThat(context.getBean(StagehandProperties.class).getMaxRetries()).isEqualTo(2);
    });
  }

  @Test
  void theKeysAndTheProjectAreSentAsTheirHeaders() {
    runner.withPropertyValues("stagehand.base-url=" + api.url(), "stagehand.browserbase-api-key=bb-key-1",
        "stagehand.browserbase-project-id=project-1", "stagehand.model-api-key=sk-model-1").run(context -> {
          StagehandClient client = context.getBean(StagehandClient.class);
          assertThat(client.baseUrl()).isEqualTo(api.url());
          api.answer(200, MockApi.STARTED);
          client.sessions().start(SessionStartParams.builder().modelName("m").build());
          RecordedRequest start = api.take();
          assertThat(start.getHeaders().get("x-bb-api-key")).isEqualTo("bb-key-1");
          assertThat(start.getHeaders().get("x-bb-project-id")).isEqualTo("project-1");
          assertThat(start.getHeaders().get("x-model-api-key")).isEqualTo("sk-model-1");
        });
  }

  @Test
  void unsetAndBlankKeysAreNotSent() {
    runner.withPropertyValues("stagehand.base-url=" + api.url(), "stagehand.model-api-key=  ").run(context -> {
      api.answer(200, MockApi.STARTED);
      context.getBean(StagehandClient.class).sessions().start(SessionStartParams.builder().modelName("m").build());
      RecordedRequest start = api.take();
      assertThat(start.getHeaders().names()).doesNotContain("x-bb-api-key", "x-bb-project-id", "x-model-api-key");
    });
  }

  @Test
  void maxRetriesReachesTheClient() {
    runner.withPropertyValues("stagehand.base-url=" + api.url(), "stagehand.max-retries=1").run(context -> {
      for (int i = 0; i < 2; i++) {
        api.answer(new MockResponse.Builder().code(429).setHeader("retry-after-ms", "1").body("{}").build());
      }
      assertThatThrownBy(() -> context.getBean(StagehandClient.class).sessions()
          .start(SessionStartParams.builder().modelName("m").build())).isInstanceOf(RateLimitException.class);
      assertThat(api.requestCount()).isEqualTo(2);
    });
  }

  @Test
  void timeoutReachesTheClient() {
    runner.withPropertyValues("stagehand.base-url=" + api.url(), "stagehand.max-retries=0", "stagehand.timeout=300ms")
        .run(context -> {
          api.answer(new MockResponse.Builder().headersDelay(5, TimeUnit.SECONDS).body(MockApi.STARTED).build());
          long started = System.nanoTime();
          assertThatThrownBy(() -> context.getBean(StagehandClient.class).sessions()
              .start(SessionStartParams.builder().modelName("m").build())).isInstanceOf(StagehandIoException.class);
          assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        });
  }

  @Test
  void plainHttpToAnotherMachineNeedsAllowPlainHttp() {
    String remote = "stagehand.base-url=http://192.0.2.10:3000";
    runner.withPropertyValues(remote).run(context -> assertThat(Failures.messages(context.getStartupFailure()))
        .contains("plain HTTP").contains("allowPlainHttp"));
    runner.withPropertyValues(remote, "stagehand.allow-plain-http=true").run(context ->
        assertThat(context.getBean(StagehandClient.class).baseUrl()).isEqualTo("http://192.0.2.10:3000"));
  }

  @Test
  void closingTheContextEndsTheOpenSessionsAndClosesTheClient() {
    StagehandClient[] client = new StagehandClient[1];
    runner.withPropertyValues("stagehand.base-url=" + api.url()).run(context -> {
      client[0] = context.getBean(StagehandClient.class);
      api.answer(200, MockApi.STARTED);
      client[0].sessions().open(SessionStartParams.builder().modelName("m").build());
      api.take();
      api.answer(200, "{\"success\":true}");
    });
    RecordedRequest end = api.take();
    assertThat(end.getMethod()).isEqualTo("POST");
    assertThat(end.getUrl().encodedPath()).isEqualTo("/v1/sessions/s-1/end");
    assertThatThrownBy(() -> client[0].sessions().start(SessionStartParams.builder().modelName("m").build()))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
  }

  /** A listener bean that, as a metrics exporter would, stops hearing once Spring destroys it. */
  static final class DisposableListener implements CallListener, DisposableBean {
    final List<String> heard = new CopyOnWriteArrayList<>();
    volatile boolean destroyed;

    @Override
    public void callEnded(CallEnded event) {
      heard.add((destroyed ? "after destroy: " : "") + event.operation() + " " + event.outcome());
    }

    @Override
    public void destroy() {
      destroyed = true;
      heard.add("destroyed");
    }
  }

  @Test
  void aListenerBeanHearsTheEndOfTheSessionsTheCloseEndsBeforeItIsDestroyed() {
    DisposableListener listener = new DisposableListener();
    runner.withPropertyValues("stagehand.base-url=" + api.url())
        .withBean("recorder", DisposableListener.class, () -> listener).run(context -> {
          api.answer(200, MockApi.STARTED);
          context.getBean(StagehandClient.class).sessions().open(SessionStartParams.builder().modelName("m").build());
          api.answer(200, "{\"success\":true}");
        });
    assertThat(listener.heard).containsExactly("start SUCCESS", "end SUCCESS", "destroyed");
  }

  @Test
  void theApplicationsOwnClientWins() {
    runner.withUserConfiguration(OwnClient.class).withPropertyValues("stagehand.base-url=" + api.url()).run(context -> {
      assertThat(context).hasSingleBean(StagehandClient.class);
      assertThat(context.getBean(StagehandClient.class).baseUrl()).isEqualTo("http://127.0.0.1:1/own");
    });
  }

  @Test
  void aCacheDirectoryBecomesTheClientsActionCache() {
    Path directory = temp.resolve("cache");
    runner.withPropertyValues("stagehand.cache.directory=" + directory).run(context -> {
      assertThat(context).hasSingleBean(ActionCache.class);
      assertThat(context.getBean(ActionCache.class)).hasToString("ActionCache{directory=" + directory + "}");
      assertThat(directory).isDirectory();   // the client's build creates and checks its cache's directory
      assertThat(context.getBeanFactory().getDependenciesForBean("stagehandClient")).contains("stagehandActionCache");
    });
  }

  @Test
  void aBlankCacheDirectoryIsNoCache() {
    runner.withPropertyValues("stagehand.cache.directory= ").run(context ->
        assertThat(context).hasNotFailed().doesNotHaveBean(ActionCache.class));
  }

  @Test
  void theApplicationsOwnActionCacheWinsAndIsTheClients() {
    Path own = temp.resolve("own");
    runner.withBean(ActionCache.class, () -> ActionCache.directory(own))
        .withPropertyValues("stagehand.cache.directory=" + temp.resolve("ignored")).run(context -> {
          assertThat(context).hasSingleBean(ActionCache.class);
          assertThat(own).isDirectory();
          assertThat(temp.resolve("ignored")).doesNotExist();
        });
  }

  @Test
  void theClientsListenerTellsEveryCallListenerBeanInOrderWithItsOwnContext() {
    Recording.order.clear();
    runner.withUserConfiguration(TwoListeners.class).run(context -> {
      CallListener listener = StagehandAutoConfiguration.callListener(context.getBeanProvider(CallListener.class));
      listener.callStarted(new CallStarted(1, "start", null, listener.captureContext(), false));
      assertThat(context.getBean("first", Recording.class).heard).containsExactly("callStarted start first");
      assertThat(context.getBean("second", Recording.class).heard).containsExactly("callStarted start second");
      assertThat(Recording.order).containsExactly("first", "second");
      // Spring closes the client before its listeners, which hear the events of its last calls.
      assertThat(context.getBeanFactory().getDependenciesForBean("stagehandClient")).contains("first", "second");
    });
  }

  @Test
  void aSingleCallListenerIsGivenAsItIsAndNoneIsNone() {
    Recording only = new Recording("only");
    runner.withBean("only", Recording.class, () -> only).run(context ->
        assertThat(StagehandAutoConfiguration.callListener(context.getBeanProvider(CallListener.class))).isSameAs(only));
    runner.run(context ->
        assertThat(StagehandAutoConfiguration.callListener(context.getBeanProvider(CallListener.class))).isNull());
  }

  @Test
  void customizersRunInOrderAfterTheProperties() {
    runner.withUserConfiguration(Customizers.class).withBean(MockApiUrl.class, () -> new MockApiUrl(api.url()))
        .withPropertyValues("stagehand.base-url=http://127.0.0.1:1/").run(context -> {
          StagehandClient client = context.getBean(StagehandClient.class);
          assertThat(client.baseUrl()).isEqualTo(api.url());   // the customizer's wins over the property
          api.answer(200, MockApi.STARTED);
          client.sessions().start(SessionStartParams.builder().modelName("m").build());
          assertThat(api.take().getHeaders().values("x-order")).containsExactly("first", "second");
        });
  }

  @Test
  void theEnvironmentIsReadThroughSpringOnlyNotThroughTheBuildersFromEnv() {
    // fromEnv() would turn local mode on with this missing server, and fail.
    runner.withSystemProperties("stagehand.server=local", "stagehand.seaBinary=" + temp.resolve("missing"))
        .run(context -> assertThat(context.getBean(StagehandClient.class).baseUrl())
            .isEqualTo(StagehandOkHttpClient.DEFAULT_BASE_URL));
  }

  @Test
  void aMissingLocalServerFailsTheStartNamingThePath() {
    Path missing = temp.resolve("no-such-server");
    runner.withPropertyValues("stagehand.local.enabled=true", "stagehand.local.server=" + missing).run(context ->
        assertThat(Failures.messages(context.getStartupFailure())).contains(missing.toString()));
  }

  @Configuration(proxyBeanMethods = false)
  static class OwnClient {
    @Bean
    StagehandClient ownClient() {
      return StagehandOkHttpClient.builder().baseUrl("http://127.0.0.1:1/own").build();
    }
  }

  /** A listener that records what it heard, with the context it captured. */
  static final class Recording implements CallListener {
    static final List<String> order = new CopyOnWriteArrayList<>();
    final List<String> heard = new CopyOnWriteArrayList<>();
    private final String name;

    Recording(String name) {
      this.name = name;
    }

    @Override
    public Object captureContext() {
      return name;
    }

    @Override
    public void callStarted(CallStarted event) {
      order.add(name);
      heard.add("callStarted " + event.operation() + " " + event.context().orElse(null));
    }

    @Override
    public void callEnded(CallEnded event) {
      heard.add("callEnded " + event.operation() + " " + event.context().orElse(null));
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class TwoListeners {
    @Bean
    @Order(2)
    Recording second() {
      return new Recording("second");
    }

    @Bean
    @Order(1)
    Recording first() {
      return new Recording("first");
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class Customizers {
    @Bean
    @Order(2)
    StagehandClientBuilderCustomizer second() {
      return builder -> builder.putHeader("x-order", "second");
    }

    @Bean
    @Order(1)
    StagehandClientBuilderCustomizer first(MockApiUrl api) {
      return builder -> builder.putHeader("x-order", "first").baseUrl(api.url);
    }
  }

  /** Hands the test's server URL to {@link Customizers}. */
  static final class MockApiUrl {
    final String url;

    MockApiUrl(String url) {
      this.url = url;
    }
  }
}
