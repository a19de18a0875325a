package com.browserbase.stagehand.internal.local;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A process and the processes it started, taken at one moment, to be stopped together. Descendants are known on Java
 * 9+ only ({@code ProcessHandle}, reached by reflection: the library is Java 8 bytecode). Not API.
 */
final class ProcessTree {
  private static final Method PID = method("java.lang.Process", "pid");
  private static final Method DESCENDANTS = method("java.lang.Process", "descendants");
  private static final Method CHILDREN = method("java.lang.Process", "children");
  private static final Method HANDLE_PID = method("java.lang.ProcessHandle", "pid");
  private static final Method HANDLE_IS_ALIVE = method("java.lang.ProcessHandle", "isAlive");
  private static final Method HANDLE_DESTROY = method("java.lang.ProcessHandle", "destroy");
  private static final Method HANDLE_DESTROY_FORCIBLY = method("java.lang.ProcessHandle", "destroyForcibly");

  private final Process root;
  /** {@code ProcessHandle}s, deepest last; empty on Java 8. */
  private final List<Object> descendants;

  private ProcessTree(Process root, List<Object> descendants) {
    this.root = root;
    this.descendants = descendants;
  }

  /** The operating system's id of {@code process}, or -1 on Java 8. */
  static long pid(Process process) {
    return PID == null ? -1 : (Long) call(PID, process);
  }

  /** {@code root} and the processes it has started, as they are now. */
  static ProcessTree of(Process root) {
    if (DESCENDANTS == null) {
      return new ProcessTree(root, Collections.emptyList());
    }
    try (Stream<?> stream = (Stream<?>) call(DESCENDANTS, root)) {
      return new ProcessTree(root, new ArrayList<Object>(stream.collect(Collectors.toList())));
    }
  }

  /** The ids of the descendants, for logs. */
  List<Long> descendantPids() {
    return descendants.stream().map(handle -> (Long) call(HANDLE_PID, handle)).collect(Collectors.toList());
  }

  /** The ids of the root's children, as they are now; empty on Java 8. */
  List<Long> childPids() {
    if (CHILDREN == null) {
      return Collections.emptyList();
    }
    try (Stream<?> stream = (Stream<?>) call(CHILDREN, root)) {
      return stream.map(handle -> (Long) call(HANDLE_PID, handle)).collect(Collectors.toList());
    }
  }

  /** Asks every process of the tree to exit (SIGTERM), the descendants first. */
  void terminate() {
    for (Object handle : descendants) {
      call(HANDLE_DESTROY, handle);
    }
    root.destroy();
  }

  /**
   * Waits until every descendant has exited, or the deadline ({@link System#nanoTime()}) passes; on Java 8, which
   * cannot see them, until the root has.
   */
  boolean awaitDescendants(long deadline) throws InterruptedException {
    if (DESCENDANTS == null) {
      return awaitRoot(deadline);
    }
    for (Object handle : descendants) {
      while ((Boolean) call(HANDLE_IS_ALIVE, handle)) {
        if (System.nanoTime() - deadline >= 0) {
          return false;
        }
        Thread.sleep(20);
      }
    }
    return true;
  }

  /** Waits until the root has exited, or the deadline ({@link System#nanoTime()}) passes. */
  boolean awaitRoot(long deadline) throws InterruptedException {
    return root.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
  }

  /** Kills (SIGKILL) every process of the tree still running. */
  void kill() {
    for (Object handle : descendants) {
      if ((Boolean) call(HANDLE_IS_ALIVE, handle)) {
        call(HANDLE_DESTROY_FORCIBLY, handle);
      }
    }
    if (root.isAlive()) {
      root.destroyForcibly();
    }
  }

  /** The public method {@code name} of the class {@code type}, or {@code null} before Java 9. */
  private static Method method(String type, String name) {
    try {
      return Class.forName(type).getMethod(name);
    } catch (ReflectiveOperationException java8) {
      return null;
    }
  }

  private static Object call(Method method, Object target) {
    try {
      return method.invoke(target);
    } catch (ReflectiveOperationException e) {
      Throwable cause = e instanceof InvocationTargetException ? e.getCause() : e;
      if (cause instanceof RuntimeException) {
        throw (RuntimeException) cause;
      }
      throw new IllegalStateException("Cannot call " + method, cause);
    }
  }
}
