package com.browserbase.stagehand.cache;

import com.browserbase.stagehand.internal.cache.ActCache;
import com.browserbase.stagehand.internal.runtime.Checks;
import com.browserbase.stagehand.models.sessions.ActResultData;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * A cache of the actions the model chose for {@code act} instructions, so that the next time the
 * same instruction runs on the same page they are replayed with no model call: no tokens, no model
 * latency. Give it to a client with {@link
 * com.browserbase.stagehand.client.StagehandOkHttpClient.Builder#actionCache(ActionCache)}; then
 * {@link com.browserbase.stagehand.client.StagehandSession#act(String)} (and the asynchronous
 * handle's) goes through it:
 *
 * <ol>
 *   <li>On a miss the model chooses as usual, and when the result is {@code success} the actions the
 *       server reports it performed are stored.
 *   <li>On a hit the stored actions are replayed in order as {@link
 *       com.browserbase.stagehand.models.sessions.Action}s: no model call.
 *   <li>When a replayed action fails ({@code success == false}, or a 400/422 answer), the model is
 *       asked again, and a success rewrites the entry; a failure leaves the entry and is returned (or
 *       thrown) as the model's call gave it. A replayed action that the server itself found again
 *       (its self-heal, which costs a model call) also rewrites the entry, so that the next replay
 *       needs no model.
 * </ol>
 *
 * <p>The key is the instruction (trimmed), the URL of the page the session is on (query parameters
 * sorted, fragment kept) and the names of the act's variables; the format is the TypeScript
 * library's, so a directory can be shared with it. Variable values are never stored: entries hold
 * {@code %name%} placeholders, and a replay uses the values of the call. {@code act(Action)} and the
 * {@link com.browserbase.stagehand.services.SessionService} methods never use the cache.
 *
 * <p>Thread-safe. One instance may serve several clients, which then share its entries and its
 * {@link #stats()}.
 */
public final class ActionCache {
  static {
    ActCache.grantAccess(cache -> ((ActionCache) cache).cache);
  }

  private final ActCache cache;
  private final String description;

  private ActionCache(ActCache cache, String description) {
    this.cache = cache;
    this.description = description;
  }

  /**
   * A cache of JSON files in {@code directory}, one per entry ({@code <key>.json}), kept across runs and shared safely
   * by several JVMs; entries are at most 1 MiB (see {@link #directory(Path, int)}).
   *
   * <p>A replayed entry types your variables' values (passwords too) into the elements its selectors name, so the
   * cache makes sure nobody else can write one. When a client is built with the cache, the directory is created when
   * missing ({@code rwx------} where the file system has POSIX permissions) and checked: one that cannot be written,
   * that belongs to another user, or that group or others can write to is an {@link IllegalStateException} naming it
   * and the fix ({@code chmod 700 <directory>}, or a directory of your own). Its parents are not checked: keep it
   * under a directory only you can write to, such as your home or your project. Entries are written {@code
   * rw-------}; temporary files a killed writer left are removed when the first client is built with the cache.
   *
   * <p>An entry that cannot be read, is a symbolic link (never followed) or not a regular file, belongs to another
   * user, can be written by anyone, has a second hard link, or is larger than the bound (seen without loading it) is
   * logged at WARN with its path, never its content, and treated as missing: the model is asked, and its answer
   * replaces the entry. Without POSIX permissions (Windows) the directory and entries keep the access lists they
   * inherit, and only links and sizes are checked.
   *
   * @throws NullPointerException when {@code directory} is null
   */
  public static ActionCache directory(Path directory) {
    return directory(directory, ActCache.DEFAULT_MAX_ENTRY_BYTES);
  }

  /**
   * {@link #directory(Path)}, with entries of at most {@code maxEntryBytes} bytes (default 1 MiB, 1048576, some
   * thousand actions; an entry the model chose is usually under a kilobyte). A larger file is a miss, logged at WARN
   * with its path and size, seen without being read whole; a larger entry is not written (logged at WARN), and the
   * act returns as usual.
   *
   * @throws NullPointerException when {@code directory} is null
   * @throws IllegalArgumentException when {@code maxEntryBytes} is not positive
   */
  public static ActionCache directory(Path directory, int maxEntryBytes) {
    Checks.notNull(directory, "directory");
    return new ActionCache(ActCache.inDirectory(directory, maxEntryBytes),
        "directory=" + directory.toAbsolutePath().normalize());
  }

  /**
   * A cache in this JVM's memory, as long as the instance lives. An entry larger than 1 MiB is not
   * stored (logged at WARN), as in {@link #directory(Path)}.
   */
  public static ActionCache memory() {
    return new ActionCache(ActCache.inMemory(), "memory");
  }

  /** How many acts this cache has served so far, by {@link Status}. */
  public Stats stats() {
    return new Stats(cache.hits(), cache.misses(), cache.heals());
  }

  /**
   * How the cache served {@code result}, when it came through one: the {@code cacheStatus} property
   * of its {@link ActResultData#additionalProperties()}, {@code "HIT"}, {@code "MISS"} or {@code
   * "HEALED"} (the property the TypeScript client reports the hosted API's cache in). Empty for a
   * result that did not go through a cache.
   */
  public static Optional<Status> status(ActResultData result) {
    JsonNode status = Checks.notNull(result, "result").additionalProperties().get(ActCache.STATUS_PROPERTY);
    return Arrays.stream(Status.values()).filter(known -> status != null && known.name().equals(status.textValue()))
        .findFirst();
  }

  /** Shows where the entries are: {@code ActionCache{directory=/path}} or {@code ActionCache{memory}}. */
  @Override
  public String toString() {
    return "ActionCache{" + description + "}";
  }

  /** How the cache served one {@code act}. */
  public enum Status {
    /** The stored actions were replayed as they were: no model call. */
    HIT,
    /**
     * There was no usable entry (or the page's URL was not known): the model chose, and a success
     * was stored. Also an entry whose replay failed when the model then failed too (the entry stays).
     */
    MISS,
    /**
     * The page had changed: a replayed action failed and the model chose again, or the server found
     * a replayed action's element again itself; the entry was rewritten.
     */
    HEALED
  }

  /** The counts of a cache: every act through it counts once, including acts that threw. An immutable snapshot. */
  public static final class Stats {
    private final long hits;
    private final long misses;
    private final long heals;

    private Stats(long hits, long misses, long heals) {
      this.hits = hits;
      this.misses = misses;
      this.heals = heals;
    }

    /** Acts replayed with no model call ({@link Status#HIT}). */
    public long hits() {
      return hits;
    }

    /** Acts the model served ({@link Status#MISS}, and acts that threw). */
    public long misses() {
      return misses;
    }

    /** Acts whose entry was rewritten ({@link Status#HEALED}). */
    public long heals() {
      return heals;
    }

    @Override
    public boolean equals(Object o) {
      if (!(o instanceof Stats)) {
        return false;
      }
      Stats that = (Stats) o;
      return hits == that.hits && misses == that.misses && heals == that.heals;
    }

    @Override
    public int hashCode() {
      return Objects.hash(hits, misses, heals);
    }

    /** {@code Stats{hits=3, misses=1, heals=0}}. */
    @Override
    public String toString() {
      return "Stats{hits=" + hits + ", misses=" + misses + ", heals=" + heals + "}";
    }
  }
}
