package com.browserbase.stagehand.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.browserbase.stagehand.cache.ActionCache;
import com.browserbase.stagehand.client.StagehandClient;
import com.browserbase.stagehand.client.StagehandSession;
import com.browserbase.stagehand.models.sessions.ActResultData;
import com.browserbase.stagehand.models.sessions.Action;
import com.browserbase.stagehand.models.sessions.SessionStartParams;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The replay figure of BENCHMARKS.md ("Action cache"): what a cache hit costs beside the {@code act(Action)} it
 * replays, on the real server, in one session whose CDP connection is already open. Each round navigates to the
 * test page and times a hit of {@code act("click the Submit button")}, navigates again and times {@code act(Action)}
 * with the same action (no cache, no model), alternating which goes first. Not part of the normal integration run:
 *
 * <pre>
 * ./mvnw -B -f all -Pintegration verify -DskipUnitTests -pl ../e2e -Dit.test=ActionCacheReplayBenchmarkIT -Dstagehand.benchmark=true
 * </pre>
 *
 * ({@code -Dstagehand.benchmark.replayRounds=100} is the default.) The table is printed and written to {@code
 * target/action-cache-replay-benchmark.md}.
 */
@ExtendWith(RealStagehand.class)
@EnabledIfSystemProperty(named = "stagehand.benchmark", matches = "true")
@Timeout(900)
class ActionCacheReplayBenchmarkIT {
  private static final String CLICK = "click the Submit button";

  @Test
  void aHitCostsWhatTheActionItReplaysCosts(RealStagehand.Stack stack) throws IOException {
    int rounds = Integer.getInteger("stagehand.benchmark.replayRounds", 100);
    String url = stack.page.serve("/bench/replay", TestPage.HTML);
    StagehandClient cached = stack.client.withOptions(b -> b.actionCache(ActionCache.memory()));
    List<Double> hits = new ArrayList<>();
    List<Double> actions = new ArrayList<>();
    List<Double> ratios = new ArrayList<>();
    try (StagehandSession session = cached.sessions().open(
        SessionStartParams.builder().modelName("openai/gpt-4o-mini").build())) {
      session.navigate(url);
      ActResultData missed = session.act(CLICK); // the model chooses; the entry is stored
      assertThat(ActionCache.status(missed)).contains(ActionCache.Status.MISS);
      Action action = missed.actions().get(0);
      Supplier<ActResultData> hit = () -> {
        ActResultData result = session.act(CLICK);
        assertThat(ActionCache.status(result)).contains(ActionCache.Status.HIT);
        return result;
      };
      Supplier<ActResultData> replayed = () -> session.act(action);
      for (int i = 0; i < 5; i++) { // warm-up: JIT, the page's cache
        time(session, url, hit);
        time(session, url, replayed);
      }
      int before = stack.model.calls().size();
      for (int i = 0; i < rounds; i++) {
        double hitMs;
        double actionMs;
        if (i % 2 == 0) {
          hitMs = time(session, url, hit);
          actionMs = time(session, url, replayed);
        } else {
          actionMs = time(session, url, replayed);
          hitMs = time(session, url, hit);
        }
        hits.add(hitMs);
        actions.add(actionMs);
        ratios.add(hitMs / actionMs);
      }
      assertThat(stack.model.calls().size() - before).as("model requests of the hits").isZero();
    }
    String table = String.format(Locale.ROOT,
        "%d rounds in one session, median (min-max, p90) of one act%n%n| act | wall time |%n|---|---:|%n%s%s%n"
            + "hit / act(Action): %.2f (median of the rounds' ratios; ratio of the medians %.2f)%n",
        rounds, row("act(Action), no cache", actions), row("hit of act(\"" + CLICK + "\")", hits),
        median(ratios), median(hits) / median(actions));
    System.out.println("[benchmark] action cache replay\n" + table);
    Files.write(Paths.get("target", "action-cache-replay-benchmark.md"), table.getBytes(StandardCharsets.UTF_8));
  }

  /** Navigates to the page (not timed), then times {@code act}, which must succeed. */
  private static double time(StagehandSession session, String url, Supplier<ActResultData> act) {
    session.navigate(url);
    long started = System.nanoTime();
    ActResultData result = act.get();
    double millis = (System.nanoTime() - started) / 1e6;
    assertThat(result.success()).as(result.message()).isTrue();
    return millis;
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }

  private static String row(String name, List<Double> samples) {
    List<Double> sorted = new ArrayList<>(samples);
    Collections.sort(sorted);
    return String.format(Locale.ROOT, "| %s | %.1f ms (%.1f-%.1f, %.1f) |%n", name, median(sorted), sorted.get(0),
        sorted.get(sorted.size() - 1), sorted.get((int) Math.ceil(sorted.size() * 0.9) - 1));
  }
}
