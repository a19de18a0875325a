package com.browserbase.stagehand.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.browserbase.stagehand.client.StagehandClient;
import com.browserbase.stagehand.client.StagehandOkHttpClient;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The {@code stagehand} health indicator: when it is there, what it says, and that it never starts a session. */
class StagehandHealthTest {
  private final MockApi api = new MockApi();
  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(StagehandAutoConfiguration.class, StagehandHealthAutoConfiguration.class));

  @AfterEach
  void closeApi() {
    api.close();
  }

  @Test
  void aRemoteServerThatAnswersIsUpAndIsNeverAskedForASession() {
    runner.withPropertyValues("stagehand.base-url=" + api.url(), "stagehand.browserbase-api-key=bb-secret",
        "stagehand.model-api-key=sk-secret").run(context -> {
          api.answer(404, "{\"error\":\"Not Found\"}");
          HealthResult health = HealthChecks.check(context);
          assertThat(health.status()).isEqualTo("UP");
          assertThat(health.details()).containsEntry("mode", "remote").containsEntry("baseUrl", api.url())
              .containsEntry("status", 404);
          RecordedRequest probe = api.take();
          assertThat(probe.getMethod()).isEqualTo("GET");
          assertThat(probe.getUrl().encodedPath()).isEqualTo("/");
          assertThat(probe.getHeaders().names()).doesNotContain("x-bb-api-key", "x-model-api-key", "x-bb-project-id");
          assertThat(api.requestCount()).isEqualTo(1);
        });
  }

  @Test
  void aRemoteServerBehindAGatewayThatAnswers5xxIsDown() {
    runner.withPropertyValues("stagehand.base-url=" + api.url()).run(context -> {
      api.answer(502, "Bad Gateway");
      HealthResult health = HealthChecks.check(context);
      assertThat(health.status()).isEqualTo("DOWN");
      assertThat(health.details()).containsEntry("status", 502);
    });
  }

  @Test
  void aRemoteServerThatCannotBeReachedIsDown() throws IOException {
    String closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = "http://127.0.0.1:" + socket.getLocalPort() + "/";
    }
    runner.withPropertyValues("stagehand.base-url=" + closed).run(context -> {
      HealthResult health = HealthChecks.check(context);
      assertThat(health.status()).isEqualTo("DOWN");
      assertThat(health.details()).containsEntry("baseUrl", closed).containsKey("error").doesNotContainKey("status");
    });
  }

  @Test
  void aServerThatDoesNotAnswerInTimeIsDown() {
    api.answer(new MockResponse.Builder().headersDelay(5, TimeUnit.SECONDS).build());
    StagehandHealthProbe probe = new StagehandHealthProbe(api::url, false, Duration.ofMillis(200));
    long started = System.nanoTime();
    StagehandHealthProbe.Result result = probe.check();
    assertThat(result.up()).isFalse();
    assertThat(result.details().get("error").toString()).contains("SocketTimeoutException");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
  }

  @Test
  void inLocalModeTheServersReadyzDecides() {
    StagehandHealthProbe probe = new StagehandHealthProbe(() -> api.url().replaceAll("/$", ""), true, Duration.ofSeconds(2));
    api.answer(200, "Ready");
    StagehandHealthProbe.Result ready = probe.check();
    assertThat(ready.up()).isTrue();
    assertThat(ready.details()).containsEntry("mode", "local").containsEntry("status", 200);
    assertThat(api.take().getUrl().encodedPath()).isEqualTo("/readyz");

    api.answer(503, "Not ready");
    StagehandHealthProbe.Result notReady = probe.check();
    assertThat(notReady.up()).isFalse();
    assertThat(notReady.details()).containsEntry("status", 503);
    assertThat(api.take().getUrl().encodedPath()).isEqualTo("/readyz");
  }

  @Test
  void theIndicatorProbesTheApplicationsOwnClient() {
    runner.withBean(StagehandClient.class, () -> StagehandOkHttpClient.builder().baseUrl(api.url()).build())
        .run(context -> {
          api.answer(200, "{}");
          assertThat(HealthChecks.check(context).status()).isEqualTo("UP");
          assertThat(api.take().getUrl().encodedPath()).isEqualTo("/");
        });
  }

  @Test
  void theIndicatorCanBeTurnedOff() {
    runner.withPropertyValues("management.health.stagehand.enabled=false").run(context ->
        assertThat(context).hasSingleBean(StagehandClient.class).doesNotHaveBean("stagehandHealthIndicator"));
    runner.withPropertyValues("management.health.defaults.enabled=false").run(context ->
        assertThat(context).doesNotHaveBean("stagehandHealthIndicator"));
    runner.withPropertyValues("management.health.defaults.enabled=false", "management.health.stagehand.enabled=true")
        .run(context -> assertThat(context).getBean("stagehandHealthIndicator").isInstanceOf(HealthChecks.indicatorType()));
  }

  @Test
  void withoutTheActuatorThereIsNoIndicator() {
    runner.withClassLoader(new FilteredClassLoader(HealthChecks.indicatorType())).run(context ->
        assertThat(context).hasNotFailed().hasSingleBean(StagehandClient.class).doesNotHaveBean("stagehandHealthIndicator"));
  }

  @Test
  void withoutTheActuatorAtAllTheStarterStillWorks() {
    runner.withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate", "org.springframework.boot.health"))
        .run(context -> assertThat(context).hasNotFailed().hasSingleBean(StagehandClient.class)
            .doesNotHaveBean("stagehandHealthIndicator").doesNotHaveBean("stagehandSanitizingFunction"));
  }

  @Test
  void withoutAClientThereIsNoIndicator() {
    new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(StagehandHealthAutoConfiguration.class))
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean("stagehandHealthIndicator"));
  }

  @Test
  void theApplicationsOwnIndicatorNamedStagehandWins() {
    runner.withBean("stagehandHealthIndicator", String.class, () -> "own").run(context ->
        assertThat(context.getBean("stagehandHealthIndicator")).isEqualTo("own"));
  }
}
