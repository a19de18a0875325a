package com.browserbase.stagehand.internal.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The supervisor script itself, run with {@code /bin/sh} around small shell "servers": the server's pid line, its
 * exit code, and that closing the pipe (the JVM's death) or SIGTERM ends the server's whole tree, groups started
 * with {@code setsid} and processes that ignore SIGTERM included, and deletes only a {@code stagehand-local-*}
 * directory.
 */
class SupervisorTest {
  @TempDir
  Path dir;
  private Path workDir;
  private Process supervisor;
  private final List<ProcessHandle> started = new ArrayList<>();

  @BeforeEach
  void posix() throws IOException {
    Assumptions.assumeTrue(Supervisor.available(), "no POSIX sh here");
    workDir = Files.createDirectories(dir.resolve("stagehand-local-123"));
    Files.write(workDir.resolve("profile"), new byte[] {1});
  }

  @AfterEach
  void stopEverything() {
    if (supervisor != null) {
      supervisor.destroyForcibly();
    }
    started.forEach(ProcessHandle::destroyForcibly); // by pid, handles of processes we saw started
  }

  private Process supervise(String server, long graceMillis, Path directory) throws IOException {
    Path script = Files.write(dir.resolve("server"), ("#!/bin/sh\n" + server).getBytes(StandardCharsets.UTF_8));
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    List<String> command = new ArrayList<>();
    command.add(script.toString());
    supervisor = new ProcessBuilder(Supervisor.wrap(command, graceMillis, directory)).redirectErrorStream(true).start();
    return supervisor;
  }

  /** Reads lines until one equals {@code last}; returns them. */
  private static List<String> readUntil(Process process, String last) throws IOException {
    BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    List<String> lines = new ArrayList<>();
    String line;
    while ((line = out.readLine()) != null) {
      lines.add(line);
      if (line.equals(last)) {
        break;
      }
    }
    return lines;
  }

  /** The supervisor's descendants now: its watcher, the server and whatever the server started. */
  private List<ProcessHandle> tree() {
    List<ProcessHandle> tree = supervisor.toHandle().descendants().collect(Collectors.toList());
    started.addAll(tree);
    return tree;
  }

  /** The ones still running, with their {@code /proc} line. */
  private static List<String> running(List<ProcessHandle> processes) {
    return processes.stream().filter(p -> running(p.pid())).map(p -> p.pid() + " " + p.info().commandLine().orElse("?"))
        .collect(Collectors.toList());
  }

  /**
   * Whether {@code pid} runs. A zombie does not: a process killed with its parent waits for init to collect it, and
   * {@code ProcessHandle.isAlive} counts it until then.
   */
  static boolean running(long pid) {
    Path stat = Paths.get("/proc", String.valueOf(pid), "stat");
    if (!Files.isDirectory(Paths.get("/proc/self"))) {
      return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
    try {
      String line = new String(Files.readAllBytes(stat), StandardCharsets.UTF_8);
      return !line.substring(line.lastIndexOf(')') + 2).startsWith("Z");
    } catch (IOException gone) {
      return false;
    }
  }

  private static void signal(String signal, long pid) throws Exception {
    new ProcessBuilder("kill", "-s", signal, String.valueOf(pid)).inheritIO().start().waitFor();
  }

  @Test
  void theServerRunsAfterItsPidLineAndItsExitCodeIsTheSupervisors() throws Exception {
    Process process = supervise("echo \"server $$ speaking\"\nexit 7\n", 1_000, workDir);

    List<String> lines = readUntil(process, null);

    assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isEqualTo(7);
    assertThat(lines).hasSize(2);
    java.util.regex.Matcher pid = Supervisor.SERVER_PID.matcher(lines.get(0));
    assertThat(pid.matches()).as(lines.get(0)).isTrue();
    assertThat(lines.get(1)).isEqualTo("server " + pid.group(1) + " speaking");
    assertThat(ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").contains(dir.toString())))
        .as("the watcher").isEmpty();
    assertThat(workDir).as("left to the JVM while it lives").exists();
  }

  @Test
  void closingThePipeEndsTheServersTreeGroupsAndSigtermIgnorersIncludedAndDeletesItsDirectory() throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(Paths.get("/usr/bin/setsid")), "no setsid to start a group with");
    Process process = supervise("setsid sh -c 'trap \"\" TERM; sleep 600 & sleep 601 & wait' &\n"
        + "sleep 602 &\necho started\nwait\n", 1_000, workDir);
    readUntil(process, "started");
    Thread.sleep(200); // the group's sleeps
    List<ProcessHandle> tree = tree();
    assertThat(tree.stream().map(p -> p.info().commandLine().orElse("")))
        .anyMatch(c -> c.endsWith("sleep 600")).anyMatch(c -> c.endsWith("sleep 601")).anyMatch(c -> c.endsWith("sleep 602"));

    long closed = System.nanoTime();
    process.getOutputStream().close();

    assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
    long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - closed);
    assertThat(process.exitValue()).as("some had to be killed").isEqualTo(1);
    assertThat(took).as("the grace period, then SIGKILL").isBetween(900L, 5_000L);
    assertThat(running(tree)).isEmpty();
    assertThat(workDir).doesNotExist();
  }

  @Test
  void processesThatEndOnSigtermAreNotKeptForTheGracePeriod() throws Exception {
    Process process = supervise("sleep 600 &\nsleep 601 &\ntrap '' TERM\necho started\nwait\n", 30_000, workDir);
    readUntil(process, "started");
    List<ProcessHandle> tree = tree();

    long closed = System.nanoTime();
    process.getOutputStream().close();

    assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isZero();
    assertThat(System.nanoTime() - closed).isLessThan(TimeUnit.SECONDS.toNanos(5));
    assertThat(running(tree)).as("the server itself ignored SIGTERM: killed").isEmpty();
  }

  @Test
  void sigtermToTheSupervisorStopsTheTreeAndSigintIsIgnored() throws Exception {
    Path elsewhere = Files.createDirectories(dir.resolve("not-the-servers"));
    Process process = supervise("sleep 600 &\necho started\nwait\n", 1_000, elsewhere);
    readUntil(process, "started");
    List<ProcessHandle> tree = tree();

    signal("INT", process.pid());
    signal("HUP", process.pid());
    assertThat(process.waitFor(300, TimeUnit.MILLISECONDS)).as("a Ctrl-C reaches the supervisor too").isFalse();
    assertThat(running(tree)).hasSize(tree.size());
    process.destroy();

    assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(running(tree)).isEmpty();
    assertThat(elsewhere).as("only a stagehand-local-* directory is deleted").exists();
  }
}
