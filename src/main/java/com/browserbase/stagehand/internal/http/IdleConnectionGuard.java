package com.browserbase.stagehand.internal.http;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
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
 * Keeps requests off HTTP/1 connections that the server, or a proxy in between, has closed while they
 * sat idle in the pool. Not API.
 *
 * <p>Servers and proxies close idle keep-alive connections, after 5 s (Node's default), or after much
 * less. OkHttp reuses a pooled connection idle for less than 10 s without looking at it, so a request
 * written just after the peer closed it fails with "unexpected end of stream" although the server
 * never read it; and a request with side effects ({@code act}, {@code start}) cannot be retried after
 * the fact, because from the client's side "never read" and "read, then the server died" look the
 * same. So the decision is made before a byte of the request is written, when it is still certain
 * that none reached the server, and such a call fails with {@link StaleConnectionException}, which the
 * retry loop sends again at once on a new connection without counting it as a retry:
 *
 * <ul>
 *   <li>A reused connection is first checked for what the peer sent while it was idle: a peer that
 *       closed it has sent its FIN (and, over TLS, its close_notify), which a read finds at once. On
 *       the SDK's own sockets ({@link InterruptibleSockets}, plain HTTP) the check is one non-blocking
 *       read of a few microseconds; on other sockets (TLS, a socket factory of the user's, JDKs before
 *       13) it is a read that waits at most 1 ms, as OkHttp's own health check does. Nothing may
 *       arrive on an idle HTTP/1 connection: any byte read makes it unusable too. This holds for any
 *       idle timeout of the peer, however short.
 *   <li>What the check cannot see is a close that crosses the request on the wire: the peer's timeout
 *       running out in the instant between the check and the request's arrival. So a connection idle
 *       longer than {@code maxIdleMs} ({@link #DEFAULT_MAX_IDLE_MS} unless the client is built with
 *       another bound) is closed unused without a check: no peer whose timeout is longer than the
 *       bound can close it under a request. The default is Apache HttpClient's {@code
 *       validateAfterInactivity}, well under the idle timeouts in use; the SDK's own connection pool
 *       also evicts connections idle for that long.
 * </ul>
 *
 * <p>Resending after a failure instead (only when no byte of the request could have reached the
 * server) was not chosen: once a request is written, the client cannot know that, and an {@code act}
 * sent twice clicks twice. HTTP/2 connections are left alone: a server closes those with a GOAWAY that
 * names the requests it did not process, and OkHttp retries those itself.
 *
 * <p>Both an {@link EventListener} (to note when a connection goes idle) and a network {@link
 * Interceptor} (to check it before the request is written).
 */
final class IdleConnectionGuard extends EventListener implements Interceptor {
  /** The longest a connection may sit idle and still carry a request, by default. */
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
      if (since != null) { // reused: it sat idle in the pool
        long idleMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - since);
        Socket socket = connection.socket();
        if (System.nanoTime() - since > maxIdleNanos) {
          socket.close(); // never offered again: the pool drops closed connections
          throw new StaleConnectionException("a pooled connection idle for " + Failures.duration(idleMs)
              + " was closed unused");
        }
        if (closedByPeer(socket)) {
          socket.close();
          throw new StaleConnectionException("a pooled connection idle for " + Failures.duration(idleMs)
              + " had been closed by the server");
        }
      }
    }
    return chain.proceed(chain.request());
  }

  /**
   * Whether an idle HTTP/1 connection can no longer carry a request: the peer closed it (a read finds
   * the end of the stream), broke it (the read fails), or sent bytes nobody asked for.
   */
  static boolean closedByPeer(Socket socket) {
    SocketChannel channel = socket.getChannel();
    try {
      return channel != null ? closedByPeer(channel) : closedByPeerWithin1Ms(socket);
    } catch (IOException broken) {
      return true;
    }
  }

  /** One non-blocking read: 0 bytes means the peer has neither closed nor written. */
  private static boolean closedByPeer(SocketChannel channel) throws IOException {
    synchronized (channel.blockingLock()) {
      channel.configureBlocking(false);
      try {
        return channel.read(ByteBuffer.allocate(1)) != 0;
      } finally {
        channel.configureBlocking(true);
      }
    }
  }

  /** A read that waits at most 1 ms: timing out means the peer has neither closed nor written. */
  private static boolean closedByPeerWithin1Ms(Socket socket) throws IOException {
    int timeout = socket.getSoTimeout();
    socket.setSoTimeout(1);
    try {
      socket.getInputStream().read();
      return true; // the end of the stream, or a byte nobody asked for
    } catch (SocketTimeoutException quiet) {
      return false;
    } finally {
      socket.setSoTimeout(timeout);
    }
  }

  /** A pooled connection could not be used; nothing of the request was sent. */
  static final class StaleConnectionException extends IOException {
    private static final long serialVersionUID = 1L;

    StaleConnectionException(String message) {
      super(message);
    }
  }
}
