package com.browserbase.stagehand.internal.http;

import java.io.IOException;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Connection;
import okhttp3.EventListener;
import okhttp3.Interceptor;
import okhttp3.Protocol;
import okhttp3.Response;

/**
 * Keeps requests off HTTP/1 connections that sat idle long enough for the server to have closed
 * them. Not API.
 *
 * <p>Servers and proxies close idle keep-alive connections after a few seconds (Node's default is
 * 5 s). OkHttp reuses a pooled connection idle for less than 10 s without probing it, so a request
 * written just after the server closed it fails with "unexpected end of stream" although the server
 * never read it; and a request with side effects ({@code act}, {@code start}) cannot be retried after
 * the fact, because from the client's side "never read" and "read, then the server died" look the
 * same. So the decision is made before anything is sent: a connection idle longer than {@link
 * #DEFAULT_MAX_IDLE_MS} is closed unused and the attempt fails with {@link StaleConnectionException},
 * which the retry loop repeats at once on a new connection without counting it as a retry. The bound
 * is Apache HttpClient's {@code validateAfterInactivity} default, well under the idle timeouts in
 * use; the SDK's own connection pool also evicts connections idle for that long. HTTP/2 connections
 * are left alone: a server closes those with a GOAWAY that names the requests it did not process,
 * and OkHttp retries those itself.
 *
 * <p>Both an {@link EventListener} (to note when a connection goes idle) and a network {@link
 * Interceptor} (to check it before the request is written).
 */
final class IdleConnectionGuard extends EventListener implements Interceptor {
  /** The longest a connection may sit idle and still carry a request. */
  static final long DEFAULT_MAX_IDLE_MS = 2_000;

  private final long maxIdleNanos;
  /** When each pooled connection was released, by identity; entries go with their connection. */
  private final Map<Connection, Long> idleSince = Collections.synchronizedMap(new WeakHashMap<Connection, Long>());

  IdleConnectionGuard(long maxIdleMs) {
    this.maxIdleNanos = TimeUnit.MILLISECONDS.toNanos(maxIdleMs);
  }

  @Override
  public void connectionReleased(Call call, Connection connection) {
    idleSince.put(connection, System.nanoTime());
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Connection connection = chain.connection();
    if (connection != null && connection.protocol() != Protocol.HTTP_2) {
      Long since = idleSince.remove(connection);
      long idleNanos = since == null ? 0 : System.nanoTime() - since;
      if (idleNanos > maxIdleNanos) {
        connection.socket().close(); // never offered again: the pool drops closed connections
        throw new StaleConnectionException(TimeUnit.NANOSECONDS.toMillis(idleNanos));
      }
    }
    return chain.proceed(chain.request());
  }

  /** A pooled connection was too old to use; nothing of the request was sent. */
  static final class StaleConnectionException extends IOException {
    private static final long serialVersionUID = 1L;

    StaleConnectionException(long idleMs) {
      super("a pooled connection idle for " + Failures.duration(idleMs) + " was closed unused");
    }
  }
}
