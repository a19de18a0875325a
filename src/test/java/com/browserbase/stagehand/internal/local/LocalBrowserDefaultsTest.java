package com.browserbase.stagehand.internal.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.browserbase.stagehand.models.sessions.BrowserConfig;
import com.browserbase.stagehand.models.sessions.LocalBrowserLaunchOptions;
import com.browserbase.stagehand.models.sessions.SessionStartParams;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The browser a start request of local mode gets, and that what the request sets always wins. */
class LocalBrowserDefaultsTest {
  private static final SessionStartParams START = SessionStartParams.builder().modelName("openai/gpt-5-nano")
      .putAdditionalHeader("x-trace", "1").build();
  private final LocalBrowserDefaults asRoot = new LocalBrowserDefaults(Paths.get("/usr/bin/chromium"), true, true);

  @Test
  void aStartWithoutBrowserGetsAHeadlessLocalChromiumWithoutSandboxAsRoot() {
    SessionStartParams applied = asRoot.apply(START);

    assertThat(applied.browser()).contains(BrowserConfig.builder()
        .type(BrowserConfig.Type.LOCAL)
        .launchOptions(LocalBrowserLaunchOptions.builder()
            .executablePath("/usr/bin/chromium")
            .headless(true)
            .args(List.of("--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"))
            .build())
        .build());
    assertThat(applied.additionalHeaders()).isEqualTo(START.additionalHeaders());
    assertThat(applied.modelName()).isEqualTo("openai/gpt-5-nano");
  }

  @Test
  void notRootAndWithAWindowThereIsNoSandboxOrGpuFlag() {
    LocalBrowserLaunchOptions options = new LocalBrowserDefaults(null, false, false).apply(START)
        .browser().get().launchOptions().get();

    assertThat(options.executablePath()).isEmpty();
    assertThat(options.headless()).contains(false);
    assertThat(options.args()).containsExactly("--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync");
  }

  @Test
  void aLocalBrowserOnlyGetsTheLaunchOptionsItLeavesOut() {
    SessionStartParams params = START.toBuilder().browser(BrowserConfig.builder()
        .type(BrowserConfig.Type.LOCAL)
        .launchOptions(LocalBrowserLaunchOptions.builder().executablePath("/opt/chrome").headless(false)
            .addArg("--lang=de").locale("de-DE").build())
        .build()).build();

    assertThat(asRoot.apply(params)).isEqualTo(params);
    assertThat(asRoot.apply(START.toBuilder().browser(BrowserConfig.builder().type(BrowserConfig.Type.LOCAL).build())
        .build()).browser().get().launchOptions().get().executablePath()).contains("/usr/bin/chromium");
  }

  @Test
  void aChosenSandboxSettingKeepsTheDefaultArgumentsOut() {
    SessionStartParams params = START.toBuilder().browser(BrowserConfig.builder().type(BrowserConfig.Type.LOCAL)
        .launchOptions(LocalBrowserLaunchOptions.builder().chromiumSandbox(true).build()).build()).build();

    assertThat(asRoot.apply(params).browser().get().launchOptions().get().args()).isEmpty();
  }

  @Test
  void browserbaseAndCdpBrowsersAreLeftAlone() {
    SessionStartParams browserbase = START.toBuilder()
        .browser(BrowserConfig.builder().type(BrowserConfig.Type.BROWSERBASE).build()).build();
    SessionStartParams cdp = START.toBuilder()
        .browser(BrowserConfig.builder().type(BrowserConfig.Type.LOCAL).cdpUrl("ws://127.0.0.1:9222").build()).build();
    SessionStartParams cdpInLaunchOptions = START.toBuilder().browser(BrowserConfig.builder()
        .type(BrowserConfig.Type.LOCAL)
        .launchOptions(LocalBrowserLaunchOptions.builder().cdpUrl("ws://127.0.0.1:9222").build()).build()).build();
    SessionStartParams untyped = START.toBuilder()
        .browser(BrowserConfig.builder().launchOptions(LocalBrowserLaunchOptions.builder().build()).build()).build();

    assertThat(asRoot.apply(browserbase)).isEqualTo(browserbase);
    assertThat(asRoot.apply(cdp)).isEqualTo(cdp);
    assertThat(asRoot.apply(cdpInLaunchOptions)).isEqualTo(cdpInLaunchOptions);
    assertThat(asRoot.apply(untyped)).isEqualTo(untyped);
  }

  @Test
  void rootIsTheEffectiveUserIdZero() {
    assertThat(LocalBrowserDefaults.runsAsRoot()).isEqualTo("root".equals(System.getProperty("user.name")));
  }
}
