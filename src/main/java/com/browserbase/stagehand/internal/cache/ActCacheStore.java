package com.browserbase.stagehand.internal.cache;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where act cache entries live: the JSON text of each, by key. Thread-safe. Not API.
 */
abstract class ActCacheStore {
  /** The entry's JSON text, or {@code null} when there is none. */
  abstract String read(String key) throws IOException;

  /** Stores (or replaces) an entry; a reader sees the old text or the new, never a part. */
  abstract void write(String key, String json) throws IOException;

  /** Makes sure entries can be written; throws {@link IllegalStateException} saying why not. */
  abstract void check();

  /** Where an entry is, for messages: its file, or {@code memory:<key>}. */
  abstract String where(String key);

  /**
   * One file per entry, {@code <key>.json}, as the TypeScript library keeps them. A write goes to a
   * temporary file in the same directory, which is then moved over the entry in one step (an atomic
   * rename, or a replacing move where the file system has none): a reader in this or another process
   * sees the old file or the new one, and two writers leave one of the two whole files.
   */
  static final class Directory extends ActCacheStore {
    final Path directory;

    Directory(Path directory) {
      this.directory = directory.toAbsolutePath().normalize();
    }

    @Override
    void check() {
      try {
        Files.createDirectories(directory);
        Path probe = directory.resolve(".stagehand-write-check-" + UUID.randomUUID() + ".tmp");
        Files.write(probe, new byte[0], StandardOpenOption.CREATE_NEW);
        Files.delete(probe);
      } catch (IOException | SecurityException e) {
        throw new IllegalStateException("The action cache directory " + directory + " cannot be used: " + reason(e), e);
      }
    }

    private static String reason(Exception e) {
      if (e instanceof java.nio.file.AccessDeniedException) {
        return "permission denied (" + e.getMessage() + ")";
      }
      if (e instanceof java.nio.file.FileAlreadyExistsException) {
        return "a file that is not a directory is in the way (" + e.getMessage() + ")";
      }
      return e.toString();
    }

    private Path file(String key) {
      return directory.resolve(key + ".json");
    }

    @Override
    String where(String key) {
      return file(key).toString();
    }

    @Override
    String read(String key) throws IOException {
      try {
        return new String(Files.readAllBytes(file(key)), StandardCharsets.UTF_8);
      } catch (NoSuchFileException e) {
        return null;
      }
    }

    @Override
    void write(String key, String json) throws IOException {
      Files.createDirectories(directory); // removed meanwhile: as the TypeScript library does, make it again
      // Not ending in .json, so that no reader takes it for an entry; random, so that writers never share one.
      Path temporary = directory.resolve("." + key + "." + UUID.randomUUID() + ".tmp");
      try {
        try (OutputStream out = Files.newOutputStream(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
          out.write(json.getBytes(StandardCharsets.UTF_8));
        }
        try {
          Files.move(temporary, file(key), StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(temporary, file(key), StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(temporary);
      }
    }

    @Override
    public String toString() {
      return directory.toString();
    }
  }

  /** Entries in this JVM's memory only, kept as their JSON text. */
  static final class Memory extends ActCacheStore {
    private final Map<String, String> entries = new ConcurrentHashMap<>();

    @Override
    void check() {}

    @Override
    String where(String key) {
      return "memory:" + key;
    }

    @Override
    String read(String key) {
      return entries.get(key);
    }

    @Override
    void write(String key, String json) {
      entries.put(key, json);
    }

    @Override
    public String toString() {
      return "memory";
    }
  }
}
