package com.browserbase.stagehand.bench;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Runs the SDK and the baseline back to back in each invocation, in alternating order, and times
 * each side (wall clock and thread CPU). JMH runs benchmarks one after another, so on a shared
 * machine the SDK's and the baseline's separate runs can meet different load; a pair meets the same,
 * which makes {@code paired.ratio} (SDK time / baseline time, per iteration) the steadier estimate of
 * the overhead. The cost is that one JVM profiles both code paths, as a real application would.
 */
@State(Scope.Thread)
public class Paired {
  interface Side {
    Object run() throws Exception;
  }

  private long sdkWall;
  private long baselineWall;
  private long sdkCpu;
  private long baselineCpu;
  private long pairs;

  @Setup(Level.Iteration)
  public void reset() {
    sdkWall = baselineWall = sdkCpu = baselineCpu = pairs = 0;
  }

  void run(Side sdk, Side baseline, Blackhole blackhole) throws Exception {
    boolean sdkFirst = (pairs & 1) == 0;
    long t0 = System.nanoTime();
    long c0 = CallerCpu.THREADS.getCurrentThreadCpuTime();
    blackhole.consume(sdkFirst ? sdk.run() : baseline.run());
    long c1 = CallerCpu.THREADS.getCurrentThreadCpuTime();
    long t1 = System.nanoTime();
    blackhole.consume(sdkFirst ? baseline.run() : sdk.run());
    long c2 = CallerCpu.THREADS.getCurrentThreadCpuTime();
    long t2 = System.nanoTime();
    if (sdkFirst) {
      sdkWall += t1 - t0;
      sdkCpu += c1 - c0;
      baselineWall += t2 - t1;
      baselineCpu += c2 - c1;
    } else {
      baselineWall += t1 - t0;
      baselineCpu += c1 - c0;
      sdkWall += t2 - t1;
      sdkCpu += c2 - c1;
    }
    pairs++;
  }

  @TearDown(Level.Iteration)
  public void publish() {
    if (pairs == 0) {
      return;
    }
    CallerMetricsProfiler.record("paired.sdk", sdkWall / 1e3 / pairs, "us/op");
    CallerMetricsProfiler.record("paired.baseline", baselineWall / 1e3 / pairs, "us/op");
    CallerMetricsProfiler.record("paired.ratio", (double) sdkWall / baselineWall, "sdk/baseline");
    CallerMetricsProfiler.record("paired.cpu.sdk", sdkCpu / 1e3 / pairs, "us/op");
    CallerMetricsProfiler.record("paired.cpu.baseline", baselineCpu / 1e3 / pairs, "us/op");
    CallerMetricsProfiler.record("paired.cpu.ratio", (double) sdkCpu / baselineCpu, "sdk/baseline");
  }
}
