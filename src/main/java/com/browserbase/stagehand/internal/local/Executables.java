package com.browserbase.stagehand.internal.local;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Optional;

/** Finding programs on the {@code PATH}. Not API. */
final class Executables {
  private Executables() {}

  /** The first executable file called {@code name} in a directory of the {@code PATH}. */
  static Optional<Path> onPath(String name) {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    boolean windows = File.separatorChar == '\\';
    for (String dir : path.split(File.pathSeparator)) {
      if (dir.isEmpty()) {
        continue;
      }
      for (String candidate : windows ? new String[] {name + ".exe", name + ".cmd", name} : new String[] {name}) {
        Path file = Paths.get(dir, candidate);
        if (Files.isRegularFile(file) && Files.isExecutable(file)) {
          return Optional.of(file);
        }
      }
    }
    return Optional.empty();
  }
}
