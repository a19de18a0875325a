package com.browserbase.stagehand.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Paths;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The settings of local mode: defaults, checks, copies, and a toString without secrets. */
class LocalServerTest {
  private final LocalServer.Builder builder = LocalServer.builder().server(Paths.get("/opt/stagehand/server"));

  @Test
  void defaults() {
    LocalServer local = builder.build();

    assertThat(local.server()).isEqualTo(Paths.get("/opt/stagehand/server"));
    assertThat(local.node()).isEmpty();
    assertThat(local.chromePath()).isEmpty();
    assertThat(local.headless()).isTrue();
    assertThat(local.port()).isZero();
    assertThat(local.readyTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(local.stopTimeout()).isEqualTo(Duration.ofSeconds(15));
    assertThat(local.environment()).isEmpty();
  }

  @Test
  void theServerIsRequired() {
    assertThatThrownBy(() -> LocalServer.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("LocalServer.server is required but was not set");
  }

  @Test
  void settersRejectWhatCannotWork() {
    assertThatThrownBy(() -> builder.server(null)).hasMessage("server == null");
    assertThatThrownBy(() -> builder.port(65_536)).hasMessage("port must be between 0 and 65535, was 65536");
    assertThatThrownBy(() -> builder.readyTimeout(Duration.ZERO)).hasMessage("readyTimeout must be positive, was PT0S");
    assertThatThrownBy(() -> builder.putEnvironment("PORT", "1"))
        .hasMessage("PORT is set by the SDK: the server listens on 127.0.0.1 at port(int)");
    assertThatThrownBy(() -> builder.putEnvironment("HOST", "0.0.0.0")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.putEnvironment("", "x")).hasMessage("name must not be empty");
  }

  @Test
  void toBuilderCopiesAndEqualityIsByValue() {
    LocalServer local = builder.chromePath(Paths.get("/usr/bin/chromium")).headless(false).port(3000)
        .putEnvironment("OPENAI_API_KEY", "sk-secret").build();

    assertThat(local.toBuilder().build()).isEqualTo(local).hasSameHashCodeAs(local);
    assertThat(local.toBuilder().port(3001).build()).isNotEqualTo(local);
    assertThat(local.environment()).containsEntry("OPENAI_API_KEY", "sk-secret");
    assertThatThrownBy(() -> local.environment().put("X", "y")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void toStringShowsTheSettingsButNoEnvironmentValue() {
    String text = builder.putEnvironment("OPENAI_API_KEY", "sk-secret").build().toString();

    assertThat(text).contains("server=/opt/stagehand/server", "OPENAI_API_KEY=***").doesNotContain("sk-secret");
  }
}
