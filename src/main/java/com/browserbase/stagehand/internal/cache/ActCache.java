package com.browserbase.stagehand.internal.cache;

import com.browserbase.stagehand.errors.BadRequestException;
import com.browserbase.stagehand.errors.UnprocessableEntityException;
import com.browserbase.stagehand.internal.runtime.Futures;
import com.browserbase.stagehand.internal.runtime.JsString;
import com.browserbase.stagehand.internal.runtime.Json;
import com.browserbase.stagehand.models.sessions.ActOptions;
import com.browserbase.stagehand.models.sessions.ActResultData;
import com.browserbase.stagehand.models.sessions.Action;
import com.browserbase.stagehand.models.sessions.VariableValue;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an {@code ActionCache} does: its entries, its counts, and an {@code act} by instruction made through it.
 * One flow, written on {@link CompletableFuture}s, serves both handles: the blocking one hands it futures that are
 * already complete, and waits for the store's, so that every step runs on the calling thread. Every store (a
 * directory, memory, or the user's through {@link ExternalStore}) is read and written through the same path, which
 * bounds and, with a key, signs and checks the entries ({@link EntrySigner}). Thread-safe. Not API.
 */
public final class ActCache {
  static final Logger LOG = LoggerFactory.getLogger("com.browserbase.stagehand.cache");
  /** The property of an {@link ActResultData} that says how the cache served it, as the TypeScript client names it. */
  public static final String STATUS_PROPERTY = "cacheStatus";
  /** The values of {@link #STATUS_PROPERTY}: the names of {@code ActionCache.Status}'s constants. */
  public static final String HIT = "HIT", MISS = "MISS", HEALED = "HEALED";
  /** The bound of an entry when none is given: 1 MiB. */
  public static final int DEFAULT_MAX_ENTRY_BYTES = ActCacheStore.DEFAULT_MAX_ENTRY_BYTES;
  /** How long a call to the user's store is waited for when no bound is given: 1 s (see {@code ActionCache.Builder}). */
  public static final long DEFAULT_STORE_TIMEOUT_MILLIS = 1000;
  /** How many calls to the user's store may run at once when no bound is given. */
  public static final int DEFAULT_MAX_CONCURRENT_CALLS = 16;
  /** The shortest signing key accepted, in bytes. */
  public static final int MIN_SIGNING_KEY_BYTES = EntrySigner.MIN_KEY_BYTES;

  private static volatile Function<Object, ActCache> access;

  private final ActCacheStore store;
  /** {@code null}: entries are written unsigned, and read whether signed or not. */
  private final EntrySigner signer;
  private final AtomicLong hits = new AtomicLong();
  private final AtomicLong misses = new AtomicLong();
  private final AtomicLong heals = new AtomicLong();

  private ActCache(ActCacheStore store, EntrySigner signer) {
    this.store = store;
    this.signer = signer;
  }

  /**
   * A cache of files in {@code directory}, none larger than {@code maxEntryBytes}; nothing is checked or created
   * until {@link #check()}. Throws {@link IllegalArgumentException} when {@code maxEntryBytes} is not positive.
   */
  public static ActCache inDirectory(Path directory, int maxEntryBytes) {
    return new ActCache(new ActCacheStore.Directory(directory, maxEntryBytes), null);
  }

  /** A cache in this JVM's memory. */
  public static ActCache inMemory() {
    return new ActCache(new ActCacheStore.Memory(), null);
  }

  /**
   * A cache in the user's {@code store}: each call waited for at most {@code timeoutNanos}, at most {@code
   * maxConcurrentCalls} at once, entries of at most {@code maxEntryBytes}; signed and checked with {@code signingKey}
   * unless it is {@code null}. Throws {@link IllegalArgumentException} (naming the setting, never showing the key) for
   * a bound that is not positive or a key shorter than {@link #MIN_SIGNING_KEY_BYTES}.
   */
  public static ActCache inStore(EntryStore store, long timeoutNanos, int maxConcurrentCalls, int maxEntryBytes,
      byte[] signingKey) {
    EntrySigner signer = signingKey != null ? new EntrySigner(signingKey) : null;
    return new ActCache(new ExternalStore(store, timeoutNanos, maxConcurrentCalls, maxEntryBytes), signer);
  }

  /** Whether entries are signed and checked. */
  public boolean signed() {
    return signer != null;
  }

  /** How the SDK reaches the {@code ActCache} of an {@code ActionCache}: set once, by its class initialiser. */
  public static void grantAccess(Function<Object, ActCache> accessor) {
    if (access == null) {
      access = accessor;
    }
  }

  /** The {@code ActCache} of {@code cache}, an {@code ActionCache} (typed {@code Object}: this package never depends on the public one). */
  public static ActCache of(Object cache) {
    return access.apply(cache);
  }

  /**
   * Makes sure entries can be written, by this process's user only, and removes what a killed writer left ({@link
   * ActCacheStore.Directory}); else throws {@link IllegalStateException} naming the directory, the reason and the fix.
   * Called when a client is built.
   */
  public void check() {
    store.check();
  }

  /** Acts served from the cache with no model call. */
  public long hits() {
    return hits.get();
  }

  /** Acts the model served with no usable entry. */
  public long misses() {
    return misses.get();
  }

  /** Acts whose entry was rewritten because the page had changed. */
  public long heals() {
    return heals.get();
  }

  @Override
  public String toString() {
    return store.toString();
  }

  /** The two calls an act through the cache makes, as the handle makes them (its options, its progress listener). */
  public interface Calls {
    public CompletableFuture<ActResultData> act(String instruction, ActOptions options);

    public CompletableFuture<ActResultData> act(Action action, ActOptions options);
  }

  /**
   * Acts on {@code instruction} through the cache: a hit replays the stored actions ({@link Calls#act(Action,
   * ActOptions)}); otherwise, or when one fails, the model chooses ({@link Calls#act(String, ActOptions)}) and a
   * success is stored. A {@code null} {@code pageUrl} (unknown) leaves the cache unused; {@code options} may be null.
   */
  public CompletableFuture<ActResultData> act(String instruction, ActOptions options, CompletableFuture<String> pageUrl, Calls calls) {
    return act(instruction, options, pageUrl, calls, false);
  }

  private CompletableFuture<ActResultData> act(String instruction, ActOptions options, CompletableFuture<String> pageUrl,
      Calls calls, boolean blocking) {
    Run run = new Run(instruction, options, calls, blocking);
    pageUrl.whenComplete((url, error) -> run.step(() -> run.start(url)));
    return run.result;
  }

  /** {@link #act}, for the blocking handle: every step runs on this thread; the call's own exception is thrown. */
  public ActResultData actBlocking(String instruction, ActOptions options, String pageUrl, Calls calls) {
    try {
      return act(instruction, options, CompletableFuture.completedFuture(pageUrl), calls, true).join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException) {
        throw (RuntimeException) e.getCause();
      }
      if (e.getCause() instanceof Error) {
        throw (Error) e.getCause();
      }
      throw e;
    }
  }

  /** A call made now, on this thread, as a future: completed with its value or its exception (as the cause). */
  public static CompletableFuture<ActResultData> now(java.util.function.Supplier<ActResultData> call) {
    return CompletableFuture.supplyAsync(call, Runnable::run);
  }

  /** One act through the cache. */
  private final class Run {
    final String instruction;
    final ActOptions options;
    final Calls calls;
    /**
     * A blocking act: it waits for the store's calls (each ends within the store's bound) on the calling thread, and
     * for its write before returning. An asynchronous act never waits: its result does not wait for a write to the
     * user's store, so that neither the store's threads nor its timer run the caller's callbacks.
     */
    final boolean blocking;
    final CompletableFuture<ActResultData> result = new CompletableFuture<>();
    /** The call in flight, cancelled when {@link #result} is. */
    volatile CompletableFuture<ActResultData> current;
    List<String> names;
    Map<String, String> values;
    String url;
    /** {@code null} when the page's URL is unknown: the cache is not used. */
    String key;
    ActCacheEntry entry;

    Run(String instruction, ActOptions options, Calls calls, boolean blocking) {
      this.instruction = instruction;
      this.options = options;
      this.calls = calls;
      this.blocking = blocking;
      result.whenComplete((value, error) -> {
        CompletableFuture<ActResultData> call = current;
        if (result.isCancelled() && call != null) {
          call.cancel(true);
        }
      });
    }

    /** Runs a step; whatever it throws completes the act with it, so that the act always completes. */
    void step(Runnable step) {
      try {
        step.run();
      } catch (Throwable e) {
        result.completeExceptionally(e);
      }
    }

    /** Makes a call, then {@code then} with its value or exception (unwrapped), as a step. */
    void call(CompletableFuture<ActResultData> call, BiConsumer<ActResultData, Throwable> then) {
      current = call;
      if (result.isCancelled()) {
        call.cancel(true);
      }
      call.whenComplete((value, error) -> step(() -> then.accept(value, Futures.unwrap(error))));
    }

    /**
     * {@code then} with the value or exception (unwrapped) of a store's {@code future}, as a step; in a blocking act,
     * on this thread, once the future is complete.
     */
    <T> void after(CompletableFuture<T> future, BiConsumer<T, Throwable> then) {
      if (blocking) {
        awaitQuietly(future);
      }
      future.whenComplete((value, error) -> step(() -> then.accept(value, Futures.unwrap(error))));
    }

    void start(String pageUrl) {
      names = ActCacheKey.sorted(options != null ? options.variables().keySet() : Collections.<String>emptySet());
      values = values(options);
      url = pageUrl;
      key = pageUrl != null ? ActCacheKey.of(instruction, pageUrl, names) : null;
      if (key == null) {
        askModel(false);
        return;
      }
      after(store.readAsync(key), (json, error) -> {
        entry = entry(json, error);
        if (entry == null) {
          askModel(false);
        } else {
          replay(0, new ArrayList<ActResultData>());
        }
      });
    }

    /**
     * The entry the store gave ({@code json}, or {@code error}), or {@code null}: none, not replayable, refused, or
     * unreadable (logged at WARN with where it is, never its content; a store's failure it has logged itself).
     */
    private ActCacheEntry entry(String json, Throwable error) {
      if (error instanceof ActCacheStore.Unavailable) {
        return null;
      }
      try {
        if (error != null) {
          throw error instanceof ActCacheStore.Refused ? (ActCacheStore.Refused) error
              : new IOException("it cannot be read (" + error + ")");
        }
        if (json == null) {
          return null;
        }
        long size = ActCacheStore.utf8Length(json);
        if (size > store.maxEntryBytes) { // the user's store gave it whole; a directory never reads one this large
          throw store.tooLarge(size);
        }
        return ActCacheEntry.read(signer != null ? signer.verify(key, json) : json, names);
      } catch (IOException e) { // Refused too
        LOG.warn("Ignoring the action cache entry {}: {}", store.where(key), e.getMessage());
      } catch (RuntimeException e) {
        LOG.warn("Ignoring the action cache entry {}: it cannot be read ({})", store.where(key), e.toString());
      } catch (ActCacheEntry.Unusable e) {
        if (e.corrupt) {
          LOG.warn("Ignoring the action cache entry {}: {}", store.where(key), e.getMessage());
        } else {
          LOG.debug("act cache entry {} not used: {}", key, e.getMessage());
        }
      }
      return null;
    }

    /**
     * The model chooses: on a miss a success with actions is stored (when there is a key); after a stored action
     * failed ({@code healing}) it replaces the entry, and anything else leaves the entry as it is.
     */
    void askModel(boolean healing) {
      call(calls.act(instruction, options), (acted, error) -> {
        boolean healed = healing && error == null && acted.success() && !acted.actions().isEmpty();
        (healed ? heals : misses).incrementAndGet();
        if (key == null) {
          LOG.debug("act cache miss (not used: the page URL is unknown; navigate through the session handle first)");
        } else if (healed) {
          store(write(acted), outcome -> LOG.debug("act cache healed {}: {}", key, outcome), () -> complete(acted, HEALED));
          return;
        } else if (!healing && error == null) {
          store(write(acted), outcome -> LOG.debug("act cache miss {}: {}", key, outcome), () -> complete(acted, MISS));
          return;
        } else if (!healing) {
          LOG.debug("act cache miss {}: the act failed ({})", key, error.getClass().getSimpleName());
        } else if (error != null) {
          LOG.debug("act cache miss {}: the model's act failed too ({}); entry kept", key,
              error.getClass().getSimpleName());
        } else {
          LOG.debug("act cache miss {}: the model's act did not succeed either; entry kept", key);
        }
        if (error != null) {
          result.completeExceptionally(error);
        } else {
          complete(acted, healed ? HEALED : MISS);
        }
      });
    }

    /**
     * After a write ({@code outcome}, what it did): logs it with {@code log} and completes the act with {@code
     * complete}; an asynchronous act completes at once when the write is not done yet (see {@link #blocking}).
     */
    private void store(CompletableFuture<String> outcome, Consumer<String> log, Runnable complete) {
      if (blocking || outcome.isDone()) {
        after(outcome, (done, error) -> {
          log.accept(done);
          complete.run();
        });
      } else {
        complete.run();
        outcome.thenAccept(log);
      }
    }

    /** Replays the stored action {@code index}, then the next, with the results so far in {@code done}. */
    void replay(int index, List<ActResultData> done) {
      if (index == entry.actions.size()) {
        replayed(done);
        return;
      }
      call(calls.act(entry.action(index), options), (acted, error) -> {
        if (error == null && acted.success()) {
          done.add(acted);
          replay(index + 1, done);
        } else if (error == null || error instanceof BadRequestException || error instanceof UnprocessableEntityException) {
          // success: false (the element is gone, and the server could not find it again), or the
          // server refused the action as it is: the page has changed.
          LOG.debug("act cache {}: replaying action {} of {} failed ({}); asking the model", key, index + 1,
              entry.actions.size(), error == null ? "success: false" : error.getClass().getSimpleName());
          askModel(true);
        } else {
          misses.incrementAndGet();
          LOG.debug("act cache miss {}: replaying action {} of {} failed ({}); entry kept", key, index + 1,
              entry.actions.size(), error.getClass().getSimpleName());
          result.completeExceptionally(error);
        }
      });
    }

    /** Every stored action succeeded: a hit, or a heal when the server re-found an element. */
    void replayed(List<ActResultData> done) {
      List<ObjectNode> reported = new ArrayList<>();
      StringBuilder messages = new StringBuilder();
      String lastDescription = null;
      for (ActResultData acted : done) {
        reported.addAll(ActCacheEntry.actionsOf(acted));
        String message = text(acted, "message");
        if (message != null && !message.trim().isEmpty()) {
          messages.append(messages.length() > 0 ? " \u2192 " : "").append(message);
        }
        lastDescription = text(acted, "actionDescription");
      }
      String message = first(messages.toString(), entry.message,
          "Replayed " + entry.actions.size() + " cached action" + (entry.actions.size() == 1 ? "" : "s") + ".");
      String description = first(entry.actionDescription, lastDescription,
          entry.actions.get(entry.actions.size() - 1).path("description").asText(null), ActCacheKey.trim(instruction));
      ActResultData replayed = ActResultData.builder()
          .success(true)
          .message(message)
          .actionDescription(description)
          .actions(Json.convertList(Json.MAPPER.valueToTree(reported), Action.class))
          .build();
      if (!reported.isEmpty() && entry.changedBy(reported)) {
        heals.incrementAndGet();
        store(write(reported, description, message),
            outcome -> LOG.debug("act cache healed {}: the server found an element again while replaying; {}", key, outcome),
            () -> complete(replayed, HEALED));
      } else {
        hits.incrementAndGet();
        LOG.debug("act cache hit {}: replayed {} action{}", key, entry.actions.size(), entry.actions.size() == 1 ? "" : "s");
        complete(replayed, HIT);
      }
    }

    /** Stores what an act by instruction did when it succeeded with actions; completes with what happened, for the log. */
    private CompletableFuture<String> write(ActResultData acted) {
      if (!acted.success() || acted.actions().isEmpty()) {
        return CompletableFuture.completedFuture(
            "not stored (the act " + (acted.success() ? "performed no action" : "did not succeed") + ")");
      }
      return write(ActCacheEntry.actionsOf(acted), text(acted, "actionDescription"), text(acted, "message"));
    }

    private CompletableFuture<String> write(List<ObjectNode> actions, String actionDescription, String message) {
      ActCacheEntry stored = ActCacheEntry.of(ActCacheKey.trim(instruction), url, names, values, actions, actionDescription, message);
      if (stored == null) {
        return CompletableFuture.completedFuture("not stored (a variable's value is part of a selector)");
      }
      String json = signer != null ? signer.sign(key, stored.toJson()) : stored.toJson();
      return store.writeAsync(key, json).handle((written, error) -> {
        Throwable failure = Futures.unwrap(error);
        if (failure == null) {
          return "stored " + actions.size() + " action" + (actions.size() == 1 ? "" : "s");
        } else if (failure instanceof ActCacheStore.Unavailable) {
          return "not stored (the store failed)"; // logged by the store
        } else if (failure instanceof ActCacheStore.Refused) {
          LOG.warn("Not storing the action cache entry {}: {}", store.where(key), failure.getMessage());
          return "not stored (larger than the bound)";
        }
        LOG.warn("Cannot write the action cache entry {}: {}", store.where(key), failure.toString());
        return "not stored (write failed)";
      });
    }

    /** Completes the act with {@code acted}, marked with how the cache served it. */
    private void complete(ActResultData acted, String status) {
      ObjectNode marked = (ObjectNode) Json.toTree(acted);
      marked.put(STATUS_PROPERTY, status);
      result.complete(Json.convert(marked, ActResultData.class));
    }
  }

  /** Waits for {@code future}, which ends within a store's bound, through interrupts (restoring the flag after). */
  private static void awaitQuietly(CompletableFuture<?> future) {
    CountDownLatch done = new CountDownLatch(1);
    future.whenComplete((value, error) -> done.countDown());
    boolean interrupted = false;
    while (true) {
      try {
        done.await();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** A text property of a result, read leniently: {@code null} when absent. */
  private static String text(ActResultData acted, String name) {
    return Json.toTree(acted).path(name).textValue();
  }

  private static String first(String... candidates) {
    return Arrays.stream(candidates).filter(candidate -> candidate != null && !candidate.isEmpty()).findFirst()
        .orElse("");
  }

  /**
   * The variables' values as the server substitutes them: JavaScript's {@code String(value)} of what it parsed
   * ({@link JsString}: {@code BigDecimal 1234.50} is {@code "1234.5"}, {@code 1e21} is {@code "1e+21"}).
   */
  static Map<String, String> values(ActOptions options) {
    Map<String, String> values = new LinkedHashMap<>();
    if (options != null) {
      for (Map.Entry<String, VariableValue> variable : options.variables().entrySet()) {
        String text = JsString.of(variable.getValue().value());
        if (text != null) {
          values.put(variable.getKey(), text);
        }
      }
    }
    return values;
  }
}
