package com.browserbase.stagehand.cache;

import com.browserbase.stagehand.internal.cache.ActCache;
import com.browserbase.stagehand.internal.cache.EntryStore;
import com.browserbase.stagehand.internal.runtime.Checks;
import com.browserbase.stagehand.models.sessions.ActResultData;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

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
 * library's, so a directory can be shared with it. Entries live in a {@link #directory(Path)}, in
 * {@link #memory()}, or in any {@link ActionCacheStore} ({@link #of(ActionCacheStore)}), which may sign
 * them ({@link Builder#signingKey(byte[])}). Variable values are never stored: entries hold
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
  private final Supplier<String> description;

  private ActionCache(ActCache cache, Supplier<String> description) {
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
    String description = "directory=" + directory.toAbsolutePath().normalize();
    return new ActionCache(ActCache.inDirectory(directory, maxEntryBytes), () -> description);
  }

  /**
   * A cache in this JVM's memory, as long as the instance lives. An entry larger than 1 MiB is not
   * stored (logged at WARN), as in {@link #directory(Path)}.
   */
  public static ActionCache memory() {
    return new ActionCache(ActCache.inMemory(), () -> "memory");
  }

  /**
   * A cache whose entries {@code store} keeps: Redis, a database, anything {@link ActionCacheStore} can front. A
   * failing or slow store never fails an act: each call is waited for at most 1 s, at most 16 at once (see {@link
   * Builder}); a {@code get} that throws, hangs or cannot start is a miss, a {@code put} that does is skipped, and the
   * act's result stands. The first failure of an outage is logged at WARN naming the store (its {@code toString()}),
   * never an entry's content; the next ones at DEBUG until a call succeeds again. Entries are unsigned: anyone who can
   * write to the store can plant one, which would be replayed with your variables' values; see {@link
   * #of(ActionCacheStore, byte[])}.
   *
   * @throws NullPointerException when {@code store} is null
   */
  public static ActionCache of(ActionCacheStore store) {
    return builder(store).build();
  }

  /**
   * {@link #of(ActionCacheStore)}, with entries signed with {@code signingKey} (HMAC-SHA256, at least 32 bytes) and
   * replayed only when their signature holds: see {@link Builder#signingKey(byte[])}.
   *
   * @throws NullPointerException when {@code store} or {@code signingKey} is null
   * @throws IllegalArgumentException when {@code signingKey} is shorter than 32 bytes
   */
  public static ActionCache of(ActionCacheStore store, byte[] signingKey) {
    return builder(store).signingKey(signingKey).build();
  }

  /**
   * A builder of a cache in {@code store}, to set its bounds and signing key.
   *
   * @throws NullPointerException when {@code store} is null
   */
  public static Builder builder(ActionCacheStore store) {
    return new Builder(Checks.notNull(store, "store"));
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

  /**
   * Shows where the entries are: {@code ActionCache{directory=/path}}, {@code ActionCache{memory}}, or {@code
   * ActionCache{store=<the store's toString()>}}, with {@code , signed} when entries are signed (never the key).
   */
  @Override
  public String toString() {
    return "ActionCache{" + description.get() + "}";
  }

  /**
   * Builds a cache in an {@link ActionCacheStore}: {@code ActionCache.builder(store).timeout(Duration.ofMillis(500))
   * .signingKey(key).build()}. Not thread-safe; each {@link #build()} makes a new cache with the settings so far.
   */
  public static final class Builder {
    private final ActionCacheStore store;
    private Duration timeout = Duration.ofMillis(ActCache.DEFAULT_STORE_TIMEOUT_MILLIS);
    private int maxConcurrentCalls = ActCache.DEFAULT_MAX_CONCURRENT_CALLS;
    private int maxEntryBytes = ActCache.DEFAULT_MAX_ENTRY_BYTES;
    private byte[] signingKey;

    private Builder(ActionCacheStore store) {
      this.store = store;
    }

    /**
     * How long each call to the store is waited for (default 1 s); then a {@code get} is a miss and a {@code put} is
     * skipped. The default is many times what a store on the network takes (a Redis call, about a millisecond; across
     * regions, tens) yet well under the model call a miss costs (seconds), so a hung store slows an act by at most a
     * second or two. The call is interrupted, not abandoned: give the store its own timeouts too.
     *
     * @throws NullPointerException when {@code timeout} is null
     * @throws IllegalArgumentException when {@code timeout} is zero or negative
     */
    public Builder timeout(Duration timeout) {
      Checks.notNull(timeout, "timeout");
      if (timeout.isZero() || timeout.isNegative()) {
        throw new IllegalArgumentException("timeout must be positive: " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /**
     * How many calls to the store may run at once (default 16), each on a daemon thread of this cache that ends when
     * idle. A call made while all are running (a hung store holds them) is a miss, or a skipped {@code put}, at once:
     * a hung store never piles up threads. A healthy store is far from the bound: at a millisecond a call, 16 threads
     * serve thousands of acts a second.
     *
     * @throws IllegalArgumentException when {@code maxConcurrentCalls} is not positive
     */
    public Builder maxConcurrentCalls(int maxConcurrentCalls) {
      if (maxConcurrentCalls <= 0) {
        throw new IllegalArgumentException("maxConcurrentCalls must be positive: " + maxConcurrentCalls);
      }
      this.maxConcurrentCalls = maxConcurrentCalls;
      return this;
    }

    /**
     * The largest entry, in bytes of UTF-8 (default 1 MiB, as {@link ActionCache#directory(Path, int)}): a larger one
     * the store returns is a miss, logged at WARN with its size, and a larger one is never written.
     *
     * @throws IllegalArgumentException when {@code maxEntryBytes} is not positive
     */
    public Builder maxEntryBytes(int maxEntryBytes) {
      if (maxEntryBytes <= 0) {
        throw new IllegalArgumentException("maxEntryBytes must be positive: " + maxEntryBytes);
      }
      this.maxEntryBytes = maxEntryBytes;
      return this;
    }

    /**
     * Signs every entry written with HMAC-SHA256 under {@code signingKey} (at least 32 bytes, such as 32 random ones
     * from {@link java.security.SecureRandom}; copied, never logged nor shown), and replays only entries whose
     * signature holds. An entry that is altered, planted, unsigned or signed with another key is a miss, logged at WARN
     * (never its content nor the key); the model's answer then replaces it, signed. The signature also covers the
     * entry's key, so an entry cannot be moved under another instruction or page.
     *
     * <p>It keeps those who can write to the store but lack the key from choosing what is replayed. It hides nothing:
     * whoever can read the store sees the selectors, instructions and (masked) page URLs. Whoever has the key can write
     * entries; an older entry of the same key, once signed, can be put back; and a store that loses entries only
     * causes misses.
     *
     * @throws NullPointerException when {@code signingKey} is null
     * @throws IllegalArgumentException when {@code signingKey} is shorter than 32 bytes
     */
    public Builder signingKey(byte[] signingKey) {
      Checks.notNull(signingKey, "signingKey");
      if (signingKey.length < ActCache.MIN_SIGNING_KEY_BYTES) {
        throw new IllegalArgumentException("signingKey must be at least " + ActCache.MIN_SIGNING_KEY_BYTES
            + " bytes (256 bits), not " + signingKey.length);
      }
      this.signingKey = signingKey.clone();
      return this;
    }

    /** A new cache in the store, with these settings. */
    public ActionCache build() {
      long timeoutNanos;
      try {
        timeoutNanos = timeout.toNanos();
      } catch (ArithmeticException e) {
        timeoutNanos = Long.MAX_VALUE; // centuries
      }
      ActCache cache = ActCache.inStore(adapter(store), timeoutNanos, maxConcurrentCalls, maxEntryBytes, signingKey);
      String signed = cache.signed() ? ", signed" : "";
      return new ActionCache(cache, () -> "store=" + cache + signed);
    }

    /** The store as the internals call it: they never see this package. */
    private static EntryStore adapter(ActionCacheStore store) {
      return new EntryStore() {
        @Override
        public String get(String key) {
          Optional<String> entry = store.get(key);
          if (entry == null) {
            throw new IllegalStateException("get returned null, not Optional.empty()");
          }
          return entry.orElse(null);
        }

        @Override
        public void put(String key, String entry) {
          store.put(key, entry);
        }

        /** The store's {@code toString()}, which names it in the log; its class when that throws. */
        @Override
        public String toString() {
          try {
            return String.valueOf(store.toString());
          } catch (RuntimeException e) {
            return store.getClass().getName();
          }
        }
      };
    }
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
