package com.browserbase.stagehand.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * {@code cpu.caller}: the CPU time of the benchmark (calling) thread per operation, in
 * microseconds. Read from {@link ThreadMXBean} once at each end of an iteration, so that the
 * server thread's CPU is left out and an operation pays only for a counter increment.
 */
@State(Scope.Thread)
public class CallerCpu {
  static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /** Operations of this iteration; each benchmark method adds one. */
  public long ops;
  private long startNanos;

  @Setup(Level.Iteration)
  public void start() {
    ops = 0;
    startNanos = THREADS.getCurrentThreadCpuTime();
  }

  @TearDown(Level.Iteration)
  public void stop() {
    if (ops > 0 && startNanos >= 0) {
      CallerMetricsProfiler.record("cpu.caller", (THREADS.getCurrentThreadCpuTime() - startNanos) / 1e3 / ops, "us/op");
    }
  }
}
