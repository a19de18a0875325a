package com.browserbase.stagehand.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.browserbase.stagehand.client.StagehandClient;
import com.browserbase.stagehand.client.StagehandSession;
import com.browserbase.stagehand.e2e.RealStagehand;
import com.browserbase.stagehand.models.sessions.SessionStartParams;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Local mode from {@code stagehand.local.*} against the real Stagehand server and Chromium of the e2e kit: the
 * application starts the server, the health indicator reads its {@code /readyz}, a session runs, and the application's
 * stop ends the session and stops the server.
 */
@ExtendWith(RealStagehand.class)
@Timeout(180)
class StagehandStarterIT {
  @Test
  void localModeRunsTheServerWhileTheApplicationRuns(RealStagehand.Stack stack) {
    String[] baseUrl = new String[1];
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(StagehandAutoConfiguration.class, StagehandHealthAutoConfiguration.class))
        .withPropertyValues("stagehand.local.enabled=true", "stagehand.local.server=" + stack.localServer.server(),
            "stagehand.local.chrome-path=" + stack.localServer.chromePath().orElseThrow(),
            "stagehand.model-api-key=sk-not-used")
        .run(context -> {
          assertThat(context).hasNotFailed();
          StagehandClient client = context.getBean(StagehandClient.class);
          baseUrl[0] = client.baseUrl();
          assertThat(baseUrl[0]).startsWith("http://127.0.0.1:");
          HealthResult health = HealthChecks.check(context);
          assertThat(health.status()).isEqualTo("UP");
          assertThat(health.details()).containsEntry("mode", "local").containsEntry("status", 200);

          StagehandSession session = client.sessions().open(SessionStartParams.builder().modelName("openai/gpt-5-nano").build());
          session.navigate(stack.page.url());
          assertThat(client.sessions().opened()).containsExactly(session);
        });
    // The context closed the client: the session was ended and the server stopped.
    StagehandHealthProbe.Result after = new StagehandHealthProbe(() -> baseUrl[0], true, Duration.ofSeconds(1)).check();
    assertThat(after.up()).isFalse();
  }
}
