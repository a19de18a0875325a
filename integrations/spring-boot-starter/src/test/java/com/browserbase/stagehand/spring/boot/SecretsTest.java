package com.browserbase.stagehand.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How the starter masks a URI's user info. */
class SecretsTest {
  @Test
  void theUserInfoIsMaskedAndTheRestKept() {
    assertThat(Secrets.withoutUserInfo("redis://app:pw@cache.internal:6379/2"))
        .isEqualTo("redis://******@cache.internal:6379/2");
    assertThat(Secrets.withoutUserInfo("rediss://:p@ss@cache:6380")).isEqualTo("rediss://******@cache:6380");
    assertThat(Secrets.withoutUserInfo("redis://cache:6379/0")).isEqualTo("redis://cache:6379/0");
    assertThat(Secrets.withoutUserInfo("not a uri")).isEqualTo("not a uri");
  }

  @Test
  void anAtInTheQueryIsNotTakenForUserInfo() {
    assertThat(Secrets.withoutUserInfo("redis://cache:6379/0?clientName=a@b")).isEqualTo("redis://cache:6379/0?clientName=a@b");
    assertThat(Secrets.withoutUserInfo("redis://u:pw@cache:6379/0?clientName=a@b"))
        .isEqualTo("redis://******@cache:6379/0?clientName=a@b");
  }

  @Test
  void aPasswordHoldingASlashIsStillMasked() {
    assertThat(Secrets.withoutUserInfo("redis://u:pa/ss@cache:6379")).isEqualTo("redis://******@cache:6379");
  }
}
