package com.browserbase.stagehand.internal.local;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The small POSIX {@code sh} script the local server runs under, so that it and its browsers go away when the JVM
 * dies, even by {@code SIGKILL}, which runs no shutdown hook. Not API.
 *
 * <p>Its standard input is a pipe only the JVM writes to: when that pipe closes (the JVM closed it in {@code stop()},
 * or the JVM died and the kernel closed it), a watcher subshell sees end of file and signals the supervisor. The
 * supervisor then takes the server's whole tree of processes from {@code /proc} (Linux) or {@code ps} (macOS, and
 * wherever there is no {@code /proc}): Chromium is the server's child, but node starts it with {@code setsid}, so
 * it leads a process group of its own, which is signalled as a group. It sends them {@code SIGTERM}, waits until they
 * have exited (at most the grace period), stops the server ({@code SIGSTOP}, so that it launches nothing more), takes
 * the tree again and kills everything left with {@code SIGKILL}, the server too: after {@code SIGTERM} the server
 * waits 10 s for load balancers before closing anything, and has nothing to save. It exits once they are gone (a
 * zombie waiting for init to collect it counts as gone), after deleting the server's temporary directory (the
 * browser profiles), which a dead JVM cannot. {@code SIGTERM} to the supervisor does the
 * same; {@code SIGINT}, {@code SIGHUP} and {@code SIGQUIT} are ignored (a Ctrl-C reaches the whole process group, and
 * the JVM's shutdown hook stops the server by closing the pipe).
 *
 * <p>A server that exits by itself makes the supervisor exit with the server's code, so the JVM sees the server's
 * death as before. The supervisor's first line on standard output, before anything of the server's, is
 * {@code stagehand-java supervisor: server pid <pid>} ({@link ServerOutput} takes it). No process group of its own is
 * needed ({@code setsid} is not on macOS, and {@code set -m} needs a terminal in dash), and nothing but {@code sh},
 * {@code kill}, {@code cat}, {@code awk}, {@code ps}, {@code sleep} and {@code rm}. Only what descends from the
 * server is ever signalled, never by name. Not on Windows, which has no {@code sh}: there the JVM stops the server
 * itself, as before.
 */
final class Supervisor {
  /** Where the supervisor says which process is the server. */
  static final Pattern SERVER_PID = Pattern.compile("^stagehand-java supervisor: server pid (\\d+)$");
  private static final Path SH = Paths.get("/bin/sh");

  /**
   * The script, run as {@code sh -c SCRIPT stagehand-supervisor <grace ms> <temporary directory> <server command...>}.
   * Kept free of comments and indentation: {@code ps} shows it.
   */
  static final String SCRIPT = String.join("\n",
      "grace=$1 dir=$2; shift 2",
      // fd 3: the pipe from the JVM; only the watcher keeps it. The server runs with its first line before it.
      "exec 3<&0 </dev/null",
      "sh -c 'echo \"stagehand-java supervisor: server pid $$\"; exec \"$@\"' sh \"$@\" 3<&- &",
      "server=$!",
      "exec >/dev/null 2>&1",
      "stop=",
      "trap 'stop=1' TERM USR1",
      "trap '' INT HUP QUIT",
      "(while read -r _ <&3; do :; done; kill -s USR1 -- $$) &",
      "watcher=$!",
      "exec 3<&-",
      // a trapped signal ends the wait (POSIX), and only then is stop set
      "while :; do",
      "wait \"$server\"; code=$?",
      "[ -n \"$stop\" ] && break",
      "kill -s TERM -- \"$watcher\"; exit \"$code\"",
      "done",
      // pid, parent, group of every process
      "table() {",
      "if [ -r /proc/self/stat ]; then",
      "cat /proc/[0-9]*/stat | awk '{ pid = $1; sub(/.*\\) /, \"\"); print pid, $2, $3 }'",
      "else ps -A -o pid= -o ppid= -o pgid=; fi",
      "}",
      // the descendants of $1, a group leader as -pid (its whole group)
      "tree() {",
      "table | awk -v root=\"$1\" '{ kids[$2] = kids[$2] \" \" $1; if ($1 == $3) leader[$1] = 1 }",
      "END { queue = root; while (queue != \"\") { n = split(queue, q, \" \"); queue = \"\"",
      "for (i = 1; i <= n; i++) { p = q[i]; if (p in seen) continue; seen[p] = 1",
      "if (p != root) { if (p in leader) print \"-\" p; else print p }",
      "if (p in kids) queue = queue kids[p] } } }'",
      "}",
      // whether one of them still runs (a zombie does not); -pid: the group's leader
      "running() {",
      "for r; do",
      "r=${r#-}",
      "if [ -r /proc/self/stat ]; then read -r st < \"/proc/$r/stat\" || continue; st=${st##*) }",
      "else st=$(ps -o stat= -p \"$r\") || continue; fi",
      "case $st in Z*|'') ;; *) return 0 ;; esac",
      "done",
      "return 1",
      "}",
      // a pid only while it still runs (it cannot have been reused then); a group while it has a member (POSIX)
      "signal() {",
      "sig=$1; shift",
      "for target; do",
      "case $target in -*) ;; *) running \"$target\" || continue ;; esac",
      "kill -s \"$sig\" -- \"$target\"",
      "done",
      "}",
      "pids=$(tree \"$server\")",
      "signal TERM $pids",
      "ticks=$((grace / 100))",
      "while [ \"$ticks\" -gt 0 ] && running $pids; do sleep 0.1 || sleep 1; ticks=$((ticks - 1)); done",
      "running $pids; left=$?",
      "kill -s STOP -- \"$server\"",
      "pids=\"$pids $(tree \"$server\")\"",
      "signal KILL $pids \"$server\"",
      "wait \"$server\"",
      // SIGKILL takes effect when the process next runs: the supervisor exits once they are gone
      "ticks=50",
      "while [ \"$ticks\" -gt 0 ] && running $pids; do sleep 0.1 || sleep 1; ticks=$((ticks - 1)); done",
      "kill -s TERM -- \"$watcher\"",
      "case ${dir##*/} in stagehand-local-*) rm -rf -- \"$dir\" ;; esac",
      "exit $((1 - left))",
      "");

  private Supervisor() {}

  /** Whether the server can run under the supervisor here: not on Windows, and {@code /bin/sh} is there. */
  static boolean available() {
    return File.separatorChar != '\\' && Files.isExecutable(SH);
  }

  /**
   * {@code command} run under the supervisor, which gives the processes left after {@code SIGTERM} {@code grace}
   * milliseconds before {@code SIGKILL}, and deletes {@code workDir} (a {@code stagehand-local-*} directory) at the end.
   */
  static List<String> wrap(List<String> command, long graceMillis, Path workDir) {
    List<String> wrapped = new ArrayList<>();
    wrapped.add(SH.toString());
    wrapped.add("-c");
    wrapped.add(SCRIPT);
    wrapped.add("stagehand-supervisor");
    wrapped.add(String.valueOf(graceMillis));
    wrapped.add(workDir.toString());
    wrapped.addAll(command);
    return wrapped;
  }
}
