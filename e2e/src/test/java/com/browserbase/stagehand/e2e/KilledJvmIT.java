package com.browserbase.stagehand.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.browserbase.stagehand.client.StagehandSession;
import com.browserbase.stagehand.models.sessions.SessionStartParams;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A JVM killed with {@code kill -9} runs no shutdown hook: its local server and the server's Chromium must still go
 * away by themselves (the supervisor they run under sees the JVM's pipe close). A child JVM starts a client in local
 * mode and a session on the real server, with its Chromium, and says which processes it started; it is killed, and
 * within 10 s none of them may run.
 */
@ExtendWith(RealStagehand.class) // the same checks as every end-to-end test: skipped or failing without the stack
@Timeout(120)
class KilledJvmIT {
  private static final String READY = "KILL-ME-NOW";

  @Test
  void aJvmKilledWithSigkillLeavesNoServerAndNoChromiumRunning(RealStagehand.Stack stack) throws Exception {
    Process child = childJvm();
    List<ProcessHandle> tree = new ArrayList<>();
    try {
      Map<Long, String> said = awaitReady(child);
      child.toHandle().descendants().forEach(tree::add); // the supervisor, its watcher, the server, every Chromium
      List<String> commands = tree.stream().map(p -> p.info().commandLine().orElse("?")).collect(Collectors.toList());
      assertThat(said).as("what the child saw started").isNotEmpty();
      assertThat(tree.stream().map(ProcessHandle::pid)).containsAll(said.keySet());
      assertThat(commands).as("the server").anyMatch(c -> c.contains("stagehand-server") && !c.contains("supervisor"));
      assertThat(commands).as("its Chromium").anyMatch(c -> c.contains("chrom") && c.contains("--remote-debugging"));
      List<Path> profiles = profiles(tree);

      long killed = System.nanoTime();
      child.destroyForcibly(); // SIGKILL
      assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
      List<String> left = running(tree);
      while (!left.isEmpty() && System.nanoTime() - killed < TimeUnit.SECONDS.toNanos(10)) {
        Thread.sleep(50);
        left = running(tree);
      }
      long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killed);

      assertThat(left).as("processes still running 10 s after kill -9 of their JVM").isEmpty();
      System.out.printf("[integration] kill -9 of a JVM in local mode: its %d processes (server, %d Chromium) gone"
          + " in %d ms%n", tree.size(), commands.stream().filter(c -> c.contains("chrom")).count(), took);
      assertThat(profiles).as("the server's temporary directory").allMatch(dir -> !Files.exists(dir));
    } finally {
      child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      tree.forEach(ProcessHandle::destroyForcibly); // a handle kills only the process it was taken of, never a reused pid
    }
  }

  /** Runs {@link Child} with the test's classpath, its settings of the stack, and this working directory. */
  private static Process childJvm() throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    for (String property : new String[] {"stagehand.integration.server", "stagehand.integration.chrome",
        "stagehand.integration.required"}) {
      if (System.getProperty(property) != null) {
        command.add("-D" + property + "=" + System.getProperty(property));
      }
    }
    command.add("-cp");
    command.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
    command.add(Child.class.getName());
    return new ProcessBuilder(command).redirectErrorStream(true).start();
  }

  /** The child's lines up to {@link #READY}: the processes it started, by pid. */
  private static Map<Long, String> awaitReady(Process child) throws IOException {
    BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
    Map<Long, String> started = new java.util.LinkedHashMap<>();
    List<String> lines = new ArrayList<>();
    String line;
    while ((line = out.readLine()) != null && !line.equals(READY)) {
      lines.add(line);
      if (line.startsWith("PROCESS ")) {
        String[] parts = line.split(" ", 3);
        started.put(Long.parseLong(parts[1]), parts[2]);
      }
    }
    assertThat(line).as("the child JVM did not get ready:\n" + String.join("\n", lines)).isEqualTo(READY);
    Thread drain = new Thread(() -> { // the child keeps logging until it is killed
      try {
        while (out.readLine() != null) {
          // nothing
        }
      } catch (IOException gone) {
        // killed
      }
    }, "killed-jvm-output");
    drain.setDaemon(true);
    drain.start();
    return started;
  }

  /** The {@code TMPDIR} of the server: in its environment, read from {@code /proc} where there is one. */
  private static List<Path> profiles(List<ProcessHandle> tree) {
    List<Path> dirs = new ArrayList<>();
    for (ProcessHandle process : tree) {
      try {
        for (String variable : new String(Files.readAllBytes(Paths.get("/proc", String.valueOf(process.pid()), "environ")),
            StandardCharsets.UTF_8).split("\0")) {
          if (variable.startsWith("TMPDIR=") && variable.contains("stagehand-local-")) {
            dirs.add(Paths.get(variable.substring("TMPDIR=".length())));
          }
        }
      } catch (IOException | RuntimeException noProc) {
        // not Linux, or gone
      }
    }
    return dirs.stream().distinct().collect(Collectors.toList());
  }

  /**
   * Those of {@code processes} still running, with their command lines. A zombie is not running: a process killed
   * after its parent waits for init to collect it, and {@code ProcessHandle.isAlive} counts it until then.
   */
  static List<String> running(List<ProcessHandle> processes) {
    return processes.stream().filter(p -> running(p.pid()) && p.isAlive())
        .map(p -> p.pid() + " " + p.info().commandLine().orElse("?")).collect(Collectors.toList());
  }

  static boolean running(long pid) {
    if (!Files.isDirectory(Paths.get("/proc/self"))) {
      return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
    try {
      String stat = new String(Files.readAllBytes(Paths.get("/proc", String.valueOf(pid), "stat")), StandardCharsets.UTF_8);
      return !stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
    } catch (IOException gone) {
      return false;
    }
  }

  /** The JVM that is killed: a client in local mode with a session on a page, then it waits to die. */
  public static final class Child {
    public static void main(String[] args) throws Exception {
      RealStagehand.Stack stack = RealStagehand.Stack.start();
      StagehandSession session = stack.client.sessions().open(
          SessionStartParams.builder().modelName("openai/gpt-4o-mini").build());
      session.navigate(stack.page.url());
      ProcessHandle.current().descendants().forEach(p ->
          System.out.println("PROCESS " + p.pid() + " " + p.info().commandLine().orElse("?")));
      System.out.println(READY);
      System.out.flush();
      Thread.sleep(TimeUnit.MINUTES.toMillis(5)); // killed long before
      System.exit(1);
    }
  }
}
