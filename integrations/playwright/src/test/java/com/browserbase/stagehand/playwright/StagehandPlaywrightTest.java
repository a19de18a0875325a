package com.browserbase.stagehand.playwright;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.browserbase.stagehand.client.StagehandSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What connect refuses before it starts anything. */
class StagehandPlaywrightTest {
  @RegisterExtension
  final MockSessions mock = new MockSessions();

  @Test
  void aSessionWithoutCdpUrlIsRefusedSayingWhy() {
    StagehandSession session = mock.open(null);

    assertThatThrownBy(() -> StagehandPlaywright.connect(session))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Session s-1 has no CDP URL")
        .hasMessageContaining("attached by id");
  }

  @Test
  void anEndedSessionIsRefused() {
    StagehandSession session = mock.open("ws://127.0.0.1:1/devtools/browser/x");
    mock.answer("{\"success\":true}");
    session.end();

    assertThatThrownBy(() -> StagehandPlaywright.connect(session))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Session s-1 is ended");
  }

  @Test
  void nullsAreRefusedNamingThem() {
    assertThatThrownBy(() -> StagehandPlaywright.connect(null)).hasMessageContaining("session");
    assertThatThrownBy(() -> StagehandPlaywright.connect(null, mock.open(null))).hasMessageContaining("playwright");
  }
}
