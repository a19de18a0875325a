package com.browserbase.stagehand.playwright;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A CDP URL's secrets never reach a message. */
class CdpUrlsTest {
  private static final String SIGNED = "wss://connect.browserbase.com/?signingKey=eyJhbGciOi.secret.part&x=1";

  @Test
  void theQueryAndUserInformationAreMasked() {
    assertThat(CdpUrls.masked(SIGNED)).isEqualTo("wss://connect.browserbase.com/?***");
    assertThat(CdpUrls.masked("ws://user:pass@127.0.0.1:9222/devtools/browser/abc"))
        .isEqualTo("ws://***@127.0.0.1:9222/devtools/browser/abc");
    assertThat(CdpUrls.masked("ws://127.0.0.1:9222/devtools/browser/abc"))
        .isEqualTo("ws://127.0.0.1:9222/devtools/browser/abc");
  }

  @Test
  void aMessageLosesTheUrlsQueryAndEachLongEnoughValueQuotedAlone() {
    String message = "WebSocket error: " + SIGNED + " 401; retried with key eyJhbGciOi.secret.part";

    String masked = CdpUrls.mask(message, SIGNED);

    assertThat(masked).doesNotContain("eyJhbGciOi").doesNotContain("secret.part")
        .contains("wss://connect.browserbase.com/?***")
        .contains("401"); // "1", too short to mask, is left alone
  }
}
