package com.browserbase.stagehand.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.browserbase.stagehand.cache.ActionCache;
import com.browserbase.stagehand.client.StagehandClient;
import com.browserbase.stagehand.client.StagehandSession;
import com.browserbase.stagehand.models.sessions.ActResultData;
import com.browserbase.stagehand.models.sessions.SessionStartParams;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The figure of BENCHMARKS.md ("Action cache"): wall time and model requests of one {@code act} by
 * instruction on the real server, without a cache, as a miss of an empty cache, and as a hit, with
 * the fake model answering after a realistic delay. Not part of the normal integration run:
 *
 * <pre>
 * ./mvnw -B -f all -Pintegration verify -DskipUnitTests -pl ../e2e -Dit.test=ActionCacheBenchmarkIT -Dstagehand.benchmark=true
 * </pre>
 *
 * ({@code -Dstagehand.benchmark.modelLatencyMs=1000}, {@code -Dstagehand.benchmark.rounds=7} are the
 * defaults.) Each round opens a session, navigates to the test page and times the one act; the table
 * is printed and written to {@code target/action-cache-benchmark.md}.
 */
@ExtendWith(RealStagehand.class)
@EnabledIfSystemProperty(named = "stagehand.benchmark", matches = "true")
@Timeout(900)
class ActionCacheBenchmarkIT {
  private static final String CLICK = "click the Submit button";

  @TempDir
  Path dir;

  /** One measured act: its wall time and the model requests it caused. */
  private static final class Sample {
    final double millis;
    final int modelRequests;

    Sample(double millis, int modelRequests) {
      this.millis = millis;
      this.modelRequests = modelRequests;
    }
  }

  @Test
  void cachedAndUncachedAct(RealStagehand.Stack stack) throws IOException {
    long latency = Long.getLong("stagehand.benchmark.modelLatencyMs", 1_000);
    int rounds = Integer.getInteger("stagehand.benchmark.rounds", 7);
    String url = stack.page.serve("/bench/form", TestPage.HTML);
    stack.model.latency(latency);
    try {
      measure(stack, stack.client, url, null); // warm-up: JIT, the server's first session
      List<Sample> uncached = new ArrayList<>();
      List<Sample> missed = new ArrayList<>();
      List<Sample> hit = new ArrayList<>();
      ActionCache warm = ActionCache.directory(dir.resolve("warm"));
      StagehandClient cached = stack.client.withOptions(b -> b.actionCache(warm));
      measure(stack, cached, url, ActionCache.Status.MISS); // fills the cache the hits replay
      for (int i = 0; i < rounds; i++) {
        uncached.add(measure(stack, stack.client, url, null));
        ActionCache empty = ActionCache.directory(dir.resolve("empty-" + i));
        missed.add(measure(stack, stack.client.withOptions(b -> b.actionCache(empty)), url, ActionCache.Status.MISS));
        hit.add(measure(stack, cached, url, ActionCache.Status.HIT));
      }
      String table = String.format(Locale.ROOT,
          "fake model latency %d ms, %d rounds, median (min-max) of one act \"%s\"%n%n"
              + "| act | model requests | wall time |%n|---|---:|---:|%n%s%s%s",
          latency, rounds, CLICK,
          row("without a cache", uncached), row("with a cache: miss (empty cache)", missed), row("with a cache: hit", hit));
      System.out.println("[benchmark] action cache\n" + table);
      Files.write(Paths.get("target", "action-cache-benchmark.md"), table.getBytes(StandardCharsets.UTF_8));
      assertThat(hit).allMatch(s -> s.modelRequests == 0);
    } finally {
      stack.model.latency(0);
    }
  }

  /** Opens a session on the page, times one act (expected to be served as {@code status}, if given), ends it. */
  private static Sample measure(RealStagehand.Stack stack, StagehandClient client, String url, ActionCache.Status status) {
    try (StagehandSession session = client.sessions().open(
        SessionStartParams.builder().modelName("openai/gpt-4o-mini").build())) {
      session.navigate(url);
      int before = stack.model.calls().size();
      long started = System.nanoTime();
      ActResultData result = session.act(CLICK);
      double millis = (System.nanoTime() - started) / 1e6;
      assertThat(result.success()).as(result.message()).isTrue();
      if (status != null) {
        assertThat(ActionCache.status(result)).contains(status);
      }
      return new Sample(millis, stack.model.calls().size() - before);
    }
  }

  private static String row(String name, List<Sample> samples) {
    List<Double> times = new ArrayList<>();
    List<Integer> requests = new ArrayList<>();
    for (Sample sample : samples) {
      times.add(sample.millis);
      requests.add(sample.modelRequests);
    }
    Collections.sort(times);
    Collections.sort(requests);
    String models = requests.get(0).equals(requests.get(requests.size() - 1))
        ? String.valueOf(requests.get(0)) : requests.get(0) + "-" + requests.get(requests.size() - 1);
    return String.format(Locale.ROOT, "| %s | %s | %.0f ms (%.0f-%.0f) |%n", name, models,
        times.get(times.size() / 2), times.get(0), times.get(times.size() - 1));
  }
}
