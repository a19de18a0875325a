package com.browserbase.stagehand.cache.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import ch.qos.logback.classic.Level;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link RedisActionCacheStore} against a real {@code redis-server} ({@link RedisServer}): keys, TTLs, sizes,
 * passwords, outages. Every server a test starts is stopped in {@link #stopServers()}, whatever the test did.
 */
@Timeout(120)
class RedisActionCacheStoreTest {
  /** A key as the cache makes them: 64 lowercase hex characters. */
  private static final String KEY = "2087a5f3c1d04e6b8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f708192a3b4";
  private static final String ENTRY = "{\n  \"version\": 1,\n  \"instruction\": \"click the Submit button\",\n"
      + "  \"url\": \"http://127.0.0.1/form\",\n  \"variableKeys\": [],\n  \"actions\": []\n}";
  /** A generous bound for "fails within the timeout" (250 ms by default): no timing-precise assertion. */
  private static final long PROMPTLY_MILLIS = 5000;

  private final List<AutoCloseable> toClose = new java.util.ArrayList<>();

  private <T extends AutoCloseable> T closing(T closeable) {
    toClose.add(0, closeable);
    return closeable;
  }

  @AfterEach
  void stopServers() throws Exception {
    Exception first = null;
    for (AutoCloseable closeable : toClose) {
      try {
        closeable.close();
      } catch (Exception e) {
        first = first == null ? e : first;
      }
    }
    if (first != null) {
      throw first;
    }
  }

  private RedisServer server() {
    return closing(RedisServer.start());
  }

  private RedisActionCacheStore store(RedisActionCacheStore.Builder builder) {
    return closing(builder.build());
  }

  @Test
  void keysCarryThePrefixAndEveryEntryTheTtl() throws IOException {
    RedisServer redis = server();
    RedisActionCacheStore store = store(RedisActionCacheStore.builder().uri(redis.uri())
        .keyPrefix("shop:prod:act:").ttl(Duration.ofDays(7)));

    store.put(KEY, ENTRY);

    assertThat(redis.keys()).containsExactly("shop:prod:act:" + KEY);
    assertThat(redis.string("GET", "shop:prod:act:" + KEY)).isEqualTo(ENTRY);
    long pttl = redis.integer("PTTL", "shop:prod:act:" + KEY);
    assertThat(pttl).isBetween(Duration.ofDays(7).minusMinutes(5).toMillis(), Duration.ofDays(7).toMillis());
    assertThat(redis.integer("TTL", "shop:prod:act:" + KEY)).isBetween(Duration.ofDays(7).minusMinutes(5).toSeconds(),
        Duration.ofDays(7).toSeconds());

    redis.command("PERSIST", "shop:prod:act:" + KEY);
    store.put(KEY, ENTRY.replace("Submit", "Send"));
    assertThat(redis.integer("PTTL", "shop:prod:act:" + KEY)).as("a rewrite sets the expiry again").isPositive();
  }

  @Test
  void theDefaultPrefixAndNoExpiry() throws IOException {
    RedisServer redis = server();
    RedisActionCacheStore store = store(RedisActionCacheStore.builder().uri(redis.uri()));

    store.put(KEY, ENTRY);

    assertThat(redis.keys()).containsExactly("stagehand:act:" + KEY);
    assertThat(redis.integer("PTTL", "stagehand:act:" + KEY)).as("no expiry").isEqualTo(-1);
  }

  @Test
  void anEntryRoundTripsAndIsReplaced() {
    RedisServer redis = server();
    RedisActionCacheStore store = store(RedisActionCacheStore.builder().uri(redis.uri()));
    String unicode = ENTRY.replace("click the Submit button", "klicke „Absenden“ ✓ \uD83D\uDE80");

    assertThat(store.get(KEY)).isEmpty();
    store.put(KEY, ENTRY);
    assertThat(store.get(KEY)).contains(ENTRY);
    store.put(KEY, unicode);
    assertThat(store.get(KEY)).contains(unicode);
    assertThat(store.get(KEY.replace('2', '3'))).isEmpty();
  }

  @Test
  void anEntryOverTheBoundIsNeitherStoredNorReturned() throws IOException {
    RedisServer redis = server();
    RedisActionCacheStore store = store(RedisActionCacheStore.builder().uri(redis.uri()).maxEntryBytes(100));
    String key = "stagehand:act:" + KEY;

    store.put(KEY, "x".repeat(101));
    assertThat(redis.integer("EXISTS", key)).as("not stored").isZero();

    store.put(KEY, "x".repeat(100));
    assertThat(store.get(KEY)).contains("x".repeat(100));

    redis.command("SET", key, "x".repeat(5000));   // planted, or written by a store with a larger bound
    assertThat(store.get(KEY)).isEmpty();
    // 101 bytes of UTF-8 in 100 characters: read up to the bound, the cut "é" must not make it look small.
    redis.command("SET", key, "x".repeat(99) + "é");
    assertThat(store.get(KEY)).isEmpty();
    redis.command("SET", key, "x".repeat(98) + "é");
    assertThat(store.get(KEY)).contains("x".repeat(98) + "é");
    redis.command("SET", key, "x".repeat(97) + "\uD83D\uDE80");   // 4 bytes, 101 in all
    assertThat(store.get(KEY)).isEmpty();
  }

  @Test
  void aPasswordInTheUriIsUsedAndNeverShown() throws IOException {
    String password = "s3cr3t p@ss/wörd";
    RedisServer redis = closing(RedisServer.start(password));
    RedisActionCacheStore store = store(RedisActionCacheStore.builder().uri(redis.uri()));

    store.put(KEY, ENTRY);
    assertThat(store.get(KEY)).contains(ENTRY);
    assertThat(redis.string("GET", "stagehand:act:" + KEY)).isEqualTo(ENTRY);
    assertThat(store.toString())
        .isEqualTo("RedisActionCacheStore{redis://:***@127.0.0.1:" + redis.port()
            + ", keyPrefix=stagehand:act:, ttl=none, timeout=PT0.25S, maxEntryBytes=1048576}")
        .doesNotContain("s3cr3t").doesNotContain(RedisServer.encode(password));
  }

  @Test
  void aUserAndPasswordInTheUriAuthenticateAsThatUser() throws IOException {
    RedisServer redis = server();
    // The README's least-privilege user: these commands and this prefix only.
    redis.command("ACL", "SETUSER", "cache", "on", ">t0ps3cret", "~stagehand:act:*", "+getrange", "+set", "+ping",
        "+hello", "+auth");
    RedisActionCacheStore store = store(RedisActionCacheStore.builder()
        .uri("redis://cache:t0ps3cret@127.0.0.1:" + redis.port() + "/0"));

    store.put(KEY, ENTRY);

    assertThat(store.get(KEY)).contains(ENTRY);
    assertThat(store.toString()).startsWith("RedisActionCacheStore{redis://cache:***@127.0.0.1:" + redis.port() + ",")
        .doesNotContain("t0ps3cret");
    // The ACL limits the user to its keys: the store really is that user.
    assertThatThrownBy(() -> RedisActionCacheStore.builder().uri("redis://cache:t0ps3cret@127.0.0.1:" + redis.port())
        .keyPrefix("other:").build().put(KEY, ENTRY))
        .hasMessageContaining("NOPERM");
  }

  @Test
  void thePasswordIsInNoLogLineEvenAtDebugThroughAnOutageAndAReconnect() throws IOException {
    String password = "pw-in-no-log-7f3a";
    RedisServer redis = closing(RedisServer.start(password));
    List<String> lines;
    try (CapturedLogs logs = new CapturedLogs(Level.DEBUG, "io.lettuce", "io.netty", "reactor", "com.browserbase")) {
      RedisActionCacheStore store = store(RedisActionCacheStore.builder().uri(redis.uri()));
      store.put(KEY, ENTRY);
      redis.stop();
      catchThrowable(() -> store.get(KEY));
      redis.restart();
      awaitServing(store);
      catchThrowable(() -> RedisActionCacheStore.builder().uri("redis://:" + password + "-wrong@127.0.0.1:" + redis.port())
          .build());
      lines = logs.lines();
    }

    // At TRACE, Lettuce's io.lettuce.core.protocol.CommandEncoder logs every byte it sends, AUTH's argument too (README).
    assertThat(lines).as("log lines at DEBUG").hasSizeGreaterThan(10)
        .anySatisfy(line -> assertThat(line).contains("HELLO"))   // the handshake is logged, its password is not
        .anySatisfy(line -> assertThat(line).contains("Reconnecting"))
        .allSatisfy(line -> assertThat(line).doesNotContain(password));
  }

  @Test
  void aWrongPasswordFailsTheBuildNamingTheServerAndTheCauseNeverThePassword() {
    RedisServer redis = closing(RedisServer.start("right-password"));

    Throwable failure = catchThrowable(() -> store(RedisActionCacheStore.builder()
        .uri("redis://:wrong-passw0rd@127.0.0.1:" + redis.port())));

    assertThat(failure).isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("Cannot connect to the Redis action cache store at 127.0.0.1:" + redis.port()
            + " (redis://:***@127.0.0.1:" + redis.port() + "): ")
        .hasMessageContaining("WRONGPASS");
    assertThat(stackTrace(failure)).doesNotContain("wrong-passw0rd");

    Throwable none = catchThrowable(() -> store(RedisActionCacheStore.builder().uri("redis://127.0.0.1:" + redis.port())));
    assertThat(none).isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("Cannot connect to the Redis action cache store at 127.0.0.1:" + redis.port())
        .hasMessageContaining("NOAUTH");
  }

  @Test
  void anUnreachableServerFailsTheBuildNamingItAndTheCause() throws IOException {
    int port;
    try (RedisServer stopped = RedisServer.start()) {
      port = stopped.port();   // a port where a server was, and is no more
    }
    int closed = port;

    Throwable failure = catchThrowable(() -> store(RedisActionCacheStore.builder()
        .uri("redis://:pw-unreachable@127.0.0.1:" + closed)));

    assertThat(failure).isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("Cannot connect to the Redis action cache store at 127.0.0.1:" + closed)
        .hasMessageContaining("Connection refused");
    assertThat(stackTrace(failure)).doesNotContain("pw-unreachable");
  }

  @Test
  void aUriThatDoesNotParseIsRefusedWithoutItsPassword() {
    assertThatThrownBy(() -> RedisActionCacheStore.builder().uri("redis://:pa ss|word@127.0.0.1:6379").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Not a valid Redis URI: redis://***@127.0.0.1:6379")
        .hasNoCause()
        .message().doesNotContain("pa ss");
    assertThatThrownBy(() -> RedisActionCacheStore.builder().uri("redis://:pw@127.0.0.1:6379/not-a-db").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Not a valid Redis URI: redis://***@127.0.0.1:6379/not-a-db");
    assertThatThrownBy(() -> RedisActionCacheStore.builder().uri("http://user:pw@cache:6379").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Not a Redis URI: http://***@cache:6379 (expected " + RedisUris.FORM + ")");
    assertThatThrownBy(() -> RedisActionCacheStore.builder().build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("either a uri(...) or a connection(...)");
    assertThatThrownBy(() -> RedisActionCacheStore.builder().timeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RedisActionCacheStore.builder().ttl(Duration.ofNanos(10)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RedisActionCacheStore.builder().maxEntryBytes(0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aStoppedServerFailsEachCallPromptlyAndARestartedOneServesAgain() throws IOException {
    RedisServer redis = server();
    RedisActionCacheStore store = store(RedisActionCacheStore.builder().uri(redis.uri()));
    store.put(KEY, ENTRY);
    assertThat(store.get(KEY)).contains(ENTRY);

    redis.stop();

    assertFailsPromptly(() -> store.get(KEY), "127.0.0.1:" + redis.port());
    assertFailsPromptly(() -> {
      store.put(KEY, ENTRY);
      return null;
    }, "127.0.0.1:" + redis.port());

    redis.restart();   // same port, empty: nothing is persisted

    assertThat(awaitServing(store)).as("a get after the restart: the server lost the entry").isEmpty();
    store.put(KEY, ENTRY);
    assertThat(store.get(KEY)).contains(ENTRY);
  }

  @Test
  void aServerThatStopsAnsweringFailsEachCallAfterTheTimeout() throws IOException {
    RedisServer redis = server();
    RedisActionCacheStore store = store(RedisActionCacheStore.builder().uri(redis.uri()).timeout(Duration.ofMillis(200)));
    store.put(KEY, ENTRY);

    redis.freeze();   // SIGSTOP: the connection stays open, and nothing is answered
    try {
      Throwable failure = assertFailsPromptly(() -> store.get(KEY), "did not answer");
      assertThat(failure).hasMessage("Redis at redis://127.0.0.1:" + redis.port() + " did not answer GETRANGE " + KEY
          + " within 200 ms");
      assertFailsPromptly(() -> {
        store.put(KEY, ENTRY);
        return null;
      }, "did not answer SET " + KEY);
    } finally {
      redis.thaw();
    }
    assertThat(store.get(KEY)).contains(ENTRY);
  }

  @Test
  void overAConnectionOfTheCallersClosingTheStoreLeavesItOpen() throws IOException {
    RedisServer redis = server();
    RedisClient client = RedisClient.create(redis.uri());
    closing(client::shutdown);
    StatefulRedisConnection<String, String> connection = closing(client.connect());
    RedisActionCacheStore store = RedisActionCacheStore.builder().connection(connection).keyPrefix("mine:")
        .ttl(Duration.ofHours(1)).build();

    store.put(KEY, ENTRY);
    assertThat(store.get(KEY)).contains(ENTRY);
    assertThat(redis.integer("PTTL", "mine:" + KEY)).isPositive();
    assertThat(store.toString()).startsWith("RedisActionCacheStore{an existing Lettuce connection, keyPrefix=mine:");
    store.close();
    store.close();

    assertThat(connection.isOpen()).isTrue();
    assertThat(connection.sync().get("mine:" + KEY)).isEqualTo(ENTRY);
    assertThatThrownBy(() -> store.get(KEY)).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    try (RedisActionCacheStore defaults = RedisActionCacheStore.of(connection)) {
      defaults.put(KEY, ENTRY);
      assertThat(redis.keys()).contains("stagehand:act:" + KEY);
    }
    assertThat(connection.isOpen()).isTrue();
  }

  @Test
  void closingAStoreOfItsOwnStopsItsConnectionAndThreads() throws IOException {
    RedisServer redis = server();
    long before = lettuceThreads();
    RedisActionCacheStore store = RedisActionCacheStore.builder().uri(redis.uri()).build();
    store.put(KEY, ENTRY);
    assertThat(clients(redis)).isEqualTo(2);   // the store's and the one asking

    store.close();

    // The server and the JVM see the ends a moment after close() returns: waited for, up to 10 s.
    assertThat(eventually(() -> clients(redis) == 1)).as("the store's connection is closed").isTrue();
    assertThat(eventually(() -> lettuceThreads() <= before)).as("Lettuce's threads have ended").isTrue();
    assertThatThrownBy(() -> store.put(KEY, ENTRY)).isInstanceOf(IllegalStateException.class)
        .hasMessage("The Redis action cache store redis://127.0.0.1:" + redis.port() + " is closed");
    assertThat(store.toString()).endsWith(", closed}");
  }

  /** The first {@code get} that succeeds: the connection reconnects in the background, within 5 s of the server's return. */
  private static Optional<String> awaitServing(RedisActionCacheStore store) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (true) {
      try {
        return store.get(KEY);
      } catch (IllegalStateException stillDown) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("The store did not serve again within 30 s of the restart", stillDown);
        }
        sleep(100);
      }
    }
  }

  private static long clients(RedisServer redis) {
    try {
      return redis.string("CLIENT", "LIST").lines().count();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static boolean eventually(java.util.function.BooleanSupplier condition) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      sleep(50);
    }
    return true;
  }

  private static long lettuceThreads() {
    return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
        .filter(t -> t.getName().startsWith("lettuce-")).count();
  }

  private static Throwable assertFailsPromptly(Supplier<?> call, String messagePart) {
    long started = System.nanoTime();
    Throwable failure = catchThrowable(call::get);
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    assertThat(failure).isInstanceOf(IllegalStateException.class).hasMessageContaining(messagePart);
    assertThat(millis).as("how long the failing call took, in ms").isLessThan(PROMPTLY_MILLIS);
    return failure;
  }

  static String stackTrace(Throwable failure) {
    StringWriter text = new StringWriter();
    failure.printStackTrace(new PrintWriter(text));
    return text.toString();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
