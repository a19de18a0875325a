package com.browserbase.stagehand.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * Reports the figures that {@link CallerCpu} and {@link Paired} measure on the benchmark thread
 * during each iteration (they publish them in their iteration teardown, which ends before JMH asks
 * the profilers): {@code cpu.caller} and the {@code paired.*} times and ratios. Enable with {@code
 * -prof com.browserbase.stagehand.bench.CallerMetricsProfiler}.
 */
public final class CallerMetricsProfiler implements InternalProfiler {
  private static final Map<String, ScalarResult> PENDING = new ConcurrentHashMap<>();

  /** Publishes one figure of the iteration that is ending. */
  static void record(String name, double value, String unit) {
    if (!Double.isNaN(value) && !Double.isInfinite(value)) {
      PENDING.put(name, new ScalarResult(name, value, unit, AggregationPolicy.AVG));
    }
  }

  @Override
  public String getDescription() {
    return "Benchmark-thread CPU time per operation, and SDK/baseline times measured in pairs";
  }

  @Override
  public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
    PENDING.clear();
  }

  @Override
  public Collection<? extends Result> afterIteration(
      BenchmarkParams benchmarkParams, IterationParams iterationParams, IterationResult result) {
    List<ScalarResult> results = new ArrayList<>(PENDING.values());
    PENDING.clear();
    return results;
  }
}
