package com.browserbase.stagehand.cache.redis;

import com.browserbase.stagehand.cache.ActionCacheStore;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SetArgs;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.SslOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link ActionCacheStore} in Redis (or Valkey, which speaks the same protocol), so that every machine and JVM
 * pointed at one server shares the action cache: an act the model solved on one replays on all. Give it to
 * {@code ActionCache.of(store)}, with a signing key where others can write to the server.
 *
 * <p>Each entry is one Redis string, {@code <keyPrefix><key>}, holding the entry's JSON text as the directory store
 * writes it, set with an expiry when {@link Builder#ttl(Duration) ttl} is given. Every call waits at most
 * {@link Builder#timeout(Duration) timeout}, then throws; so does a call while the server cannot be reached (the
 * connection reconnects by itself in the background). The cache counts a throwing {@code get} as a miss and a throwing
 * {@code put} as a failed write: a Redis outage never fails an act.
 *
 * <p>Thread-safe: one connection, which Lettuce multiplexes, serves every thread. The password of the URI never appears
 * in {@link #toString()}, in an exception message or in a log line of this class.
 */
public final class RedisActionCacheStore implements ActionCacheStore, AutoCloseable {
  /** The prefix of every key unless {@link Builder#keyPrefix(String)} says otherwise: {@value}. */
  public static final String DEFAULT_KEY_PREFIX = "stagehand:act:";
  /** How long a store call waits for Redis unless {@link Builder#timeout(Duration)} says otherwise: 250 ms. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMillis(250);
  /** How long {@link Builder#build()} waits to connect unless {@link Builder#connectTimeout(Duration)} says otherwise: 10 s. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
  /** The largest entry stored or returned unless {@link Builder#maxEntryBytes(int)} says otherwise: 1 MiB, the core's bound. */
  public static final int DEFAULT_MAX_ENTRY_BYTES = 1024 * 1024;

  private static final Logger log = LoggerFactory.getLogger(RedisActionCacheStore.class);

  private final StatefulRedisConnection<String, String> connection;
  /** The client and resources this store made (and closes), or null for a connection the caller owns. */
  private final RedisClient ownClient;
  private final ClientResources ownResources;
  /** The server, for messages: {@code redis://user:***@host:port/db}, or a description of a caller's connection. */
  private final String where;
  private final String keyPrefix;
  private final Duration ttl;
  private final Duration timeout;
  private final int maxEntryBytes;
  private final AtomicBoolean closed = new AtomicBoolean();

  private RedisActionCacheStore(Builder builder, StatefulRedisConnection<String, String> connection, RedisClient ownClient,
      ClientResources ownResources, String where) {
    this.connection = connection;
    this.ownClient = ownClient;
    this.ownResources = ownResources;
    this.where = where;
    this.keyPrefix = builder.keyPrefix;
    this.ttl = builder.ttl;
    this.timeout = builder.timeout;
    this.maxEntryBytes = builder.maxEntryBytes;
  }

  /** A builder: give it {@link Builder#uri(String)} or {@link Builder#connection(StatefulRedisConnection)}. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A store over a Lettuce connection you already have, with the default options; {@link #close()} leaves the
   * connection open. For other options use {@code builder().connection(connection)}.
   */
  public static RedisActionCacheStore of(StatefulRedisConnection<String, String> connection) {
    return builder().connection(connection).build();
  }

  /**
   * The entry stored under {@code key}, or empty when there is none or when it is larger than {@code maxEntryBytes}
   * (then logged at WARN, without its content; at most {@code maxEntryBytes + 1} bytes are read).
   *
   * @throws IllegalStateException when Redis cannot be reached, answers an error, or does not answer within the
   *     timeout; or when the store is closed
   */
  @Override
  public Optional<String> get(String key) {
    String redisKey = redisKey(key);
    // GETRANGE reads at most maxEntryBytes + 1 bytes, so an oversized value is never loaded whole; it answers "" for a
    // missing key, and an entry (JSON text) is never empty.
    String value = await(connection.async().getrange(redisKey, 0, maxEntryBytes), "GETRANGE", key);
    if (value == null || value.isEmpty()) {
      return Optional.empty();
    }
    // A value cut inside a multi-byte character decodes to U+FFFD (3 bytes) for the 1 to 3 bytes cut off, so a cut
    // value is still over the bound here.
    if (utf8Length(value) > maxEntryBytes) {
      log.warn("Ignoring the action cache entry {} in {}: it is more than the limit of {} bytes", key, where, maxEntryBytes);
      return Optional.empty();
    }
    return Optional.of(value);
  }

  /**
   * Stores {@code entry} under {@code key} with {@code SET} (with {@code PX} when a TTL is set), replacing what was
   * there. An entry larger than {@code maxEntryBytes} is not stored (logged at WARN, without its content).
   *
   * @throws IllegalStateException when Redis cannot be reached, answers an error, or does not answer within the
   *     timeout; or when the store is closed
   */
  @Override
  public void put(String key, String entry) {
    String redisKey = redisKey(key);
    Objects.requireNonNull(entry, "entry");
    int size = utf8Length(entry);
    if (size > maxEntryBytes) {
      log.warn("Not storing the action cache entry {} in {}: it is {} bytes, more than the limit of {} bytes", key, where,
          size, maxEntryBytes);
      return;
    }
    RedisFuture<String> set = ttl == null
        ? connection.async().set(redisKey, entry)
        : connection.async().set(redisKey, entry, SetArgs.Builder.px(ttl.toMillis()));
    await(set, "SET", key);
  }

  /**
   * Closes the connection and stops the client threads this store started; a connection given to
   * {@link Builder#connection(StatefulRedisConnection)} or {@link #of(StatefulRedisConnection)} is left open. Calls
   * after it throw {@link IllegalStateException}. Idempotent.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true) || ownClient == null) {
      return;
    }
    shutdown(connection, ownClient, ownResources);
  }

  /** The server (its password masked), key prefix, TTL, timeout and entry bound. */
  @Override
  public String toString() {
    return "RedisActionCacheStore{" + where + ", keyPrefix=" + keyPrefix + ", ttl=" + (ttl == null ? "none" : ttl)
        + ", timeout=" + timeout + ", maxEntryBytes=" + maxEntryBytes + (closed.get() ? ", closed" : "") + "}";
  }

  private String redisKey(String key) {
    Objects.requireNonNull(key, "key");
    if (closed.get()) {
      throw new IllegalStateException("The Redis action cache store " + where + " is closed");
    }
    return keyPrefix + key;
  }

  /** The command's answer within the timeout, or an {@link IllegalStateException} naming the server and the command. */
  private <T> T await(RedisFuture<T> future, String command, String key) {
    long millis = timeout.toMillis();
    try {
      return future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      future.cancel(false);
      throw new IllegalStateException(
          "Redis at " + where + " did not answer " + command + " " + key + " within " + millis + " ms");
    } catch (InterruptedException e) {
      future.cancel(false);
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for Redis at " + where + " (" + command + " " + key + ")");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new IllegalStateException(
          "Redis at " + where + " failed " + command + " " + key + ": " + Failures.describe(cause), cause);
    }
  }

  private static int utf8Length(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length;
  }

  private static void shutdown(StatefulRedisConnection<?, ?> connection, RedisClient client, ClientResources resources) {
    try {
      if (connection != null) {
        connection.close();
      }
    } finally {
      try {
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
      } finally {
        resources.shutdown(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(3, TimeUnit.SECONDS);
      }
    }
  }

  /** Options of a {@link RedisActionCacheStore}; {@link #build()} connects. Not thread-safe. */
  public static final class Builder {
    private String uri;
    private StatefulRedisConnection<String, String> connection;
    private String keyPrefix = DEFAULT_KEY_PREFIX;
    private Duration ttl;
    private Duration timeout = DEFAULT_TIMEOUT;
    private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    private int maxEntryBytes = DEFAULT_MAX_ENTRY_BYTES;
    private Path trustedCertificates;

    private Builder() {
    }

    /**
     * The server: {@code redis://[[username]:password@]host[:port][/database]}, or {@code rediss://...} for TLS (the
     * server's certificate checked against the JVM's trusted CAs, or {@link #trustedCertificates(Path)}, and its host
     * name). Percent-encode a password's reserved characters ({@code @} as {@code %40}). The store connects and closes
     * the connection itself.
     */
    public Builder uri(String uri) {
      this.uri = Objects.requireNonNull(uri, "uri");
      return this;
    }

    /** A Lettuce connection you already have, instead of {@link #uri(String)}: the store never closes it. */
    public Builder connection(StatefulRedisConnection<String, String> connection) {
      this.connection = Objects.requireNonNull(connection, "connection");
      return this;
    }

    /** The prefix of every key in Redis (default {@value #DEFAULT_KEY_PREFIX}): one per application or environment. */
    public Builder keyPrefix(String keyPrefix) {
      this.keyPrefix = Objects.requireNonNull(keyPrefix, "keyPrefix");
      return this;
    }

    /** An expiry set on every entry as it is written ({@code SET ... PX}), at least 1 ms; default none. */
    public Builder ttl(Duration ttl) {
      Objects.requireNonNull(ttl, "ttl");
      if (ttl.isNegative() || ttl.toMillis() < 1) {
        throw new IllegalArgumentException("ttl must be at least 1 ms: " + ttl);
      }
      this.ttl = ttl;
      return this;
    }

    /** How long each {@code get} and {@code put} waits for Redis before it throws (default 250 ms). */
    public Builder timeout(Duration timeout) {
      this.timeout = positive(timeout, "timeout");
      return this;
    }

    /** How long {@link #build()} with a {@link #uri(String)} waits to connect and authenticate (default 10 s). */
    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = positive(connectTimeout, "connectTimeout");
      return this;
    }

    /** The largest entry, in bytes of UTF-8, that is stored or returned (default 1 MiB); larger ones are skipped. */
    public Builder maxEntryBytes(int maxEntryBytes) {
      if (maxEntryBytes <= 0) {
        throw new IllegalArgumentException("maxEntryBytes must be positive: " + maxEntryBytes);
      }
      this.maxEntryBytes = maxEntryBytes;
      return this;
    }

    /**
     * For {@code rediss://}: trust the server certificates signed by the CA certificates of this PEM file (for a
     * private CA) instead of the JVM's trusted CAs.
     */
    public Builder trustedCertificates(Path pemFile) {
      this.trustedCertificates = Objects.requireNonNull(pemFile, "pemFile");
      return this;
    }

    /**
     * The store. With a {@link #uri(String)}, connects and authenticates within the connect timeout, or throws
     * {@link IllegalStateException} naming the host, the port and the cause (a wrong password, a refused or timed-out
     * connection, a TLS failure), never the password.
     *
     * @throws IllegalArgumentException when the URI is not a {@code redis://} or {@code rediss://} URI, or neither or
     *     both of a URI and a connection are given
     */
    public RedisActionCacheStore build() {
      if ((uri == null) == (connection == null)) {
        throw new IllegalArgumentException("Give the Redis action cache store either a uri(...) or a connection(...)");
      }
      if (connection != null) {
        if (trustedCertificates != null) {
          throw new IllegalArgumentException("trustedCertificates applies to a uri(...), not to a connection you configured");
        }
        return new RedisActionCacheStore(this, connection, null, null, "an existing Lettuce connection");
      }
      RedisURI redisUri = RedisUris.parse(uri);
      String where = RedisUris.display(redisUri);
      if (trustedCertificates != null && !redisUri.isSsl()) {
        throw new IllegalArgumentException("trustedCertificates needs a rediss:// URI (TLS), not " + where);
      }
      if (trustedCertificates != null && !Files.isReadable(trustedCertificates)) {
        throw new IllegalArgumentException("Cannot read the trusted certificates " + trustedCertificates);
      }
      redisUri.setTimeout(connectTimeout);   // the connect and handshake; each command has `timeout`

      ClientResources resources = DefaultClientResources.builder()
          .ioThreadPoolSize(DefaultClientResources.MIN_IO_THREADS)
          .computationThreadPoolSize(DefaultClientResources.MIN_COMPUTATION_THREADS)
          // After an outage, reconnect within 5 s of the server's return (Lettuce's default waits up to 30 s).
          .reconnectDelay(Delay.exponential(Duration.ofMillis(100), Duration.ofSeconds(5), 2, TimeUnit.MILLISECONDS))
          .build();
      RedisClient client = null;
      StatefulRedisConnection<String, String> opened = null;
      try {
        client = RedisClient.create(resources);
        ClientOptions.Builder options = ClientOptions.builder()
            .autoReconnect(true)
            // While disconnected, fail each call at once rather than queue it until the timeout.
            .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
            // Commands time out after the connection's timeout: the connect timeout for the PING below, then `timeout`.
            .timeoutOptions(TimeoutOptions.enabled())
            .socketOptions(SocketOptions.builder().connectTimeout(connectTimeout).build());
        if (trustedCertificates != null) {
          options.sslOptions(SslOptions.builder().jdkSslProvider().trustManager(trustedCertificates.toFile()).build());
        }
        client.setOptions(options.build());
        opened = client.connect(StringCodec.UTF8, redisUri);
        // The handshake authenticates when the URI has a password; a server that wants one and got none answers
        // NOAUTH only to a command.
        String pong = opened.async().ping().get(connectTimeout.toNanos(), TimeUnit.NANOSECONDS);
        if (!"PONG".equals(pong)) {
          throw new IllegalStateException("it answered PING with " + pong);
        }
        opened.setTimeout(timeout);
        return new RedisActionCacheStore(this, opened, client, resources, where);
      } catch (Exception e) {
        Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
        if (cause instanceof InterruptedException) {
          Thread.currentThread().interrupt();
        }
        try {
          if (client != null) {
            shutdown(opened, client, resources);
          } else {
            resources.shutdown(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(3, TimeUnit.SECONDS);
          }
        } catch (RuntimeException closing) {
          cause.addSuppressed(closing);
        }
        String password = RedisUris.password(redisUri);
        throw new IllegalStateException("Cannot connect to the Redis action cache store at " + redisUri.getHost() + ":"
            + redisUri.getPort() + " (" + where + "): " + Failures.scrub(Failures.describe(cause), password),
            Failures.withoutSecret(cause, password));
      }
    }

    private static Duration positive(Duration duration, String name) {
      Objects.requireNonNull(duration, name);
      if (duration.isNegative() || duration.isZero()) {
        throw new IllegalArgumentException(name + " must be positive: " + duration);
      }
      return duration;
    }
  }
}
