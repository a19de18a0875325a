package com.browserbase.stagehand.internal.cache;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

/**
 * Where act cache entries live: the JSON text of each, by key, none larger than {@link #maxEntryBytes}. Thread-safe.
 * Not API.
 */
abstract class ActCacheStore {
  /** The default bound of an entry: 1 MiB, some thousand actions; an entry the model chose is usually under 1 KiB. */
  static final int DEFAULT_MAX_ENTRY_BYTES = 1024 * 1024;

  /** The largest entry stored or read, in bytes of UTF-8: a larger one is refused, never loaded. */
  final int maxEntryBytes;

  ActCacheStore(int maxEntryBytes) {
    if (maxEntryBytes <= 0) {
      throw new IllegalArgumentException("maxEntryBytes must be positive: " + maxEntryBytes);
    }
    this.maxEntryBytes = maxEntryBytes;
  }

  /** The entry's JSON text, or {@code null}; {@link Refused} saying why for an entry it will not use. */
  abstract String read(String key) throws IOException;

  /** Stores (or replaces) an entry, which a reader sees whole; {@link Refused} when it is over the bound. */
  abstract void write(String key, String json) throws IOException;

  /**
   * {@link #read}, as the act's flow calls it: here on this thread, already complete (with the exception {@code read}
   * threw); {@link ExternalStore} on its own threads, complete within its bound.
   */
  CompletableFuture<String> readAsync(String key) {
    CompletableFuture<String> read = new CompletableFuture<>();
    try {
      read.complete(read(key));
    } catch (IOException | RuntimeException e) {
      read.completeExceptionally(e);
    }
    return read;
  }

  /** {@link #write}, as the act's flow calls it; see {@link #readAsync}. */
  CompletableFuture<Void> writeAsync(String key, String json) {
    CompletableFuture<Void> written = new CompletableFuture<>();
    try {
      write(key, json);
      written.complete(null);
    } catch (IOException | RuntimeException e) {
      written.completeExceptionally(e);
    }
    return written;
  }

  /** Makes sure entries can be written, and safely; throws {@link IllegalStateException} saying why not. */
  abstract void check();

  /** Where an entry is, for messages: its file, or {@code memory:<key>}. */
  abstract String where(String key);

  /** The entry's text as stored, after checking its size against the bound. */
  final byte[] bounded(String json) throws Refused {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    if (bytes.length > maxEntryBytes) {
      throw tooLarge(bytes.length);
    }
    return bytes;
  }

  /** The length of {@code text} in UTF-8 as {@link String#getBytes} encodes it (an unpaired surrogate: one byte), unencoded. */
  static long utf8Length(String text) {
    long length = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        length += 1;
      } else if (c < 0x800) {
        length += 2;
      } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        length += 4;
        i++;
      } else {
        length += Character.isSurrogate(c) ? 1 : 3;
      }
    }
    return length;
  }

  final Refused tooLarge(long size) {
    return new Refused("it is " + size + " bytes, more than the limit of " + maxEntryBytes + " bytes");
  }

  /** An entry the store will not use or store; its message (why, no content) follows "Ignoring ... &lt;where&gt;: ". */
  static final class Refused extends IOException {
    private static final long serialVersionUID = 1L;

    Refused(String reason) {
      super(reason);
    }
  }

  /**
   * A call to the store that failed (threw, did not answer in time, or was not made), which the store has already
   * logged: a miss, or an entry not written, with nothing more to log at WARN.
   */
  static final class Unavailable extends IOException {
    private static final long serialVersionUID = 1L;

    Unavailable(String reason) {
      super(reason, null);
    }
  }

  /**
   * One file per entry, {@code <key>.json}, as the TypeScript library keeps them. A write goes to a temporary file
   * in the same directory, then moved over the entry in one step (an atomic rename where there is one): a reader in
   * any process sees the old file or the new one, and two writers leave one of the two whole files.
   *
   * <p>An entry replayed types the user's variable values into its selectors, so nobody else may be able to write
   * one: {@link #check()} and {@link #read} apply the rules {@code ActionCache.directory(Path)} documents.
   */
  static final class Directory extends ActCacheStore {
    private static final Set<PosixFilePermission> PRIVATE_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> PRIVATE_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> WRITABLE_BY_OTHERS = EnumSet.of(PosixFilePermission.GROUP_WRITE,
        PosixFilePermission.OTHERS_WRITE);
    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    /** The temporary files of {@link #write} ({@code .<key>.<uuid>.tmp}) and of {@link #check()}'s probe: only this store makes such names. */
    static final Pattern TEMPORARY = Pattern.compile(
        "\\.[0-9a-f]{64}\\." + UUID_PATTERN + "\\.tmp|\\.stagehand-write-check-" + UUID_PATTERN + "\\.tmp");
    /** How old a temporary file must be before {@link #check()} removes it: a writer in another JVM may still be at it. */
    static final long STALE_TEMPORARY_MILLIS = TimeUnit.MINUTES.toMillis(1);

    final Path directory;
    private final boolean posix;
    /** The user this process writes files as, learnt by {@link #check()}; {@code null} before, or without POSIX. */
    private volatile UserPrincipal user;
    /** Whether {@link #check()} has looked for stale temporary files: once per store, not at every client built on it. */
    private final AtomicBoolean swept = new AtomicBoolean();

    Directory(Path directory, int maxEntryBytes) {
      super(maxEntryBytes);
      this.directory = directory.toAbsolutePath().normalize();
      this.posix = this.directory.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    @Override
    void check() {
      String problem;
      try {
        create();
        Path probe = directory.resolve(".stagehand-write-check-" + UUID.randomUUID() + ".tmp");
        Files.newByteChannel(probe, EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
            privately(PRIVATE_FILE)).close();
        try {
          problem = posix ? unsafe(Files.getOwner(probe, LinkOption.NOFOLLOW_LINKS)) : null;
        } finally {
          Files.delete(probe);
        }
      } catch (IOException | SecurityException e) {
        throw new IllegalStateException("The action cache directory " + directory + " cannot be used: " + reason(e), e);
      }
      if (problem != null) {
        throw new IllegalStateException("The action cache directory " + directory + " cannot be used: " + problem);
      }
      if (swept.compareAndSet(false, true)) {
        removeStaleTemporaries();
      }
    }

    /**
     * Why the directory is not safe for {@code owner}, the user this process creates files as, or {@code null}: an
     * entry someone else plants there would be replayed, with the user's variable values typed into its selectors.
     */
    private String unsafe(UserPrincipal owner) throws IOException {
      PosixFileAttributes attributes = Files.readAttributes(directory, PosixFileAttributes.class);
      if (!attributes.owner().equals(owner)) {
        return "it belongs to " + attributes.owner().getName() + ", not to " + owner.getName()
            + " (the user this process runs as), so " + attributes.owner().getName() + " could plant entries that"
            + " would be replayed with your variables' values; use a directory you own";
      }
      Set<PosixFilePermission> permissions = attributes.permissions();
      if (!Collections.disjoint(permissions, WRITABLE_BY_OTHERS)) {
        return "others can write to it (" + PosixFilePermissions.toString(permissions) + "), and could plant entries"
            + " that would be replayed with your variables' values; run chmod 700 " + directory
            + ", or use a directory only you can write to";
      }
      user = owner;
      return null;
    }

    /** Creates the directory when missing, private to the user; its parents as the system makes them. */
    private void create() throws IOException {
      if (Files.isDirectory(directory)) {
        return;
      }
      Path parent = directory.getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      try {
        Files.createDirectory(directory, privately(PRIVATE_DIRECTORY));
      } catch (FileAlreadyExistsException e) {
        if (!Files.isDirectory(directory)) { // made meanwhile by another writer: fine; a file in the way: not
          throw e;
        }
      }
    }

    /** {@code permissions} to create a file or directory with, where there are POSIX permissions. */
    private FileAttribute<?>[] privately(Set<PosixFilePermission> permissions) {
      return posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)}
          : new FileAttribute<?>[0];
    }

    /**
     * Deletes the temporary files of writers killed between writing and moving: this store's names only, and only
     * those older than {@link #STALE_TEMPORARY_MILLIS}. A failure is logged at DEBUG and leaves them for the next run.
     */
    private void removeStaleTemporaries() {
      long staleBefore = System.currentTimeMillis() - STALE_TEMPORARY_MILLIS;
      try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, ".*.tmp")) {
        for (Path file : files) {
          if (!TEMPORARY.matcher(file.getFileName().toString()).matches()) {
            continue;
          }
          try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!attributes.isDirectory() && attributes.lastModifiedTime().toMillis() < staleBefore) {
              Files.deleteIfExists(file);
              ActCache.LOG.debug("act cache: removed the stale temporary file {}", file);
            }
          } catch (IOException e) {
            ActCache.LOG.debug("act cache: cannot remove the temporary file {}: {}", file, e.toString());
          }
        }
      } catch (IOException e) {
        ActCache.LOG.debug("act cache: cannot list {} for stale temporary files: {}", directory, e.toString());
      }
    }

    private static String reason(Exception e) {
      if (e instanceof AccessDeniedException) {
        return "permission denied (" + e.getMessage() + ")";
      }
      if (e instanceof FileAlreadyExistsException) {
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
      Path file = file(key);
      BasicFileAttributes attributes;
      try {
        attributes = posix ? Files.readAttributes(file, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
            : Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      } catch (NoSuchFileException e) {
        return null;
      }
      if (attributes.isSymbolicLink()) {
        throw symbolicLink();
      }
      if (!attributes.isRegularFile()) {
        throw new Refused("it cannot be read (not a regular file)");
      }
      if (attributes.size() > maxEntryBytes) {
        throw tooLarge(attributes.size());
      }
      if (attributes instanceof PosixFileAttributes) {
        refuseForeign(file, (PosixFileAttributes) attributes);
      }
      // Never through a link (O_NOFOLLOW: a link put there since is refused by the open itself), and never
      // more than one byte past the limit, whatever the file became since its attributes were read.
      try (InputStream in = Files.newInputStream(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
        ByteArrayOutputStream text = new ByteArrayOutputStream((int) attributes.size());
        byte[] chunk = new byte[8192];
        long total = 0;
        for (int n; (n = in.read(chunk)) >= 0; ) {
          total += n;
          if (total > maxEntryBytes) {
            throw tooLarge(total);
          }
          text.write(chunk, 0, n);
        }
        return new String(text.toByteArray(), StandardCharsets.UTF_8);
      } catch (NoSuchFileException e) {
        return null; // removed meanwhile
      } catch (FileSystemException e) {
        if (Files.isSymbolicLink(file)) { // made a link meanwhile: the open refused to follow it (ELOOP)
          throw symbolicLink();
        }
        throw e;
      }
    }

    private static Refused symbolicLink() {
      return new Refused("it is a symbolic link, which the cache never follows");
    }

    /**
     * Refuses an entry someone else could have written: another user's (planted while the directory was open to them,
     * and kept by a {@code chmod 700}), one anyone can write to, or one with another hard link, through which it can be
     * written from outside the directory. One its group can write to is read: the directory's check keeps the group
     * out, and the TypeScript library writes entries so under the common umask 002.
     */
    private void refuseForeign(Path file, PosixFileAttributes attributes) throws IOException {
      UserPrincipal self = user;
      if (self != null && !attributes.owner().equals(self)) {
        throw new Refused("it belongs to " + attributes.owner().getName() + ", not to " + self.getName()
            + ", the user this process runs as");
      }
      if (attributes.permissions().contains(PosixFilePermission.OTHERS_WRITE)) {
        throw new Refused("anyone can write to it (" + PosixFilePermissions.toString(attributes.permissions()) + ")");
      }
      Object links;
      try {
        links = Files.getAttribute(file, "unix:nlink", LinkOption.NOFOLLOW_LINKS);
      } catch (UnsupportedOperationException | IllegalArgumentException e) {
        return; // no "unix" view here: the owner and the mode are what can be checked
      }
      if (links instanceof Integer && (Integer) links > 1) {
        throw new Refused("it has " + links + " hard links, through which it can be written from outside the directory");
      }
    }

    @Override
    void write(String key, String json) throws IOException {
      byte[] bytes = bounded(json);
      create(); // removed meanwhile: as the TypeScript library does, make it again
      // Not ending in .json, so that no reader takes it for an entry; random, so that writers never share one;
      // named as TEMPORARY says, so that check() can remove it when a killed writer left it.
      Path temporary = directory.resolve("." + key + "." + UUID.randomUUID() + ".tmp");
      try {
        try (SeekableByteChannel out = Files.newByteChannel(temporary,
            EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), privately(PRIVATE_FILE))) {
          Channels.newOutputStream(out).write(bytes);
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

    Memory() {
      super(DEFAULT_MAX_ENTRY_BYTES);
    }

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
    void write(String key, String json) throws Refused {
      bounded(json);
      entries.put(key, json);
    }

    @Override
    public String toString() {
      return "memory";
    }
  }
}
