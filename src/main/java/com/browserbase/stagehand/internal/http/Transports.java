package com.browserbase.stagehand.internal.http;

import java.time.Duration;
import javax.net.SocketFactory;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;

/**
 * Fits an {@link OkHttpClient} for the SDK's calls: never on a pooled connection the peer closed, or
 * idle longer than the bound ({@link IdleConnectionGuard}), never resent by OkHttp behind the retry
 * loop's back ({@link NoHiddenResend}), and on sockets that an interrupt ends ({@link
 * InterruptibleSockets}). Not API.
 */
public final class Transports {
  /** The longest a pooled connection may sit idle and still carry a request, by default. */
  public static final Duration MAX_IDLE_CONNECTION = Duration.ofMillis(IdleConnectionGuard.DEFAULT_MAX_IDLE_MS);

  private Transports() {}

  /**
   * Adds the SDK's guards to {@code http}, the builder of the SDK's client. {@code users} is the user's
   * own client it derives from, or {@code null}: its event listeners are kept, and a socket factory of
   * its own is not replaced.
   */
  public static void guard(OkHttpClient.Builder http, OkHttpClient users, long maxIdleMs) {
    IdleConnectionGuard idle = new IdleConnectionGuard(maxIdleMs);
    if (users == null) {
      http.eventListener(idle);
    } else {
      EventListener.Factory theirs = users.eventListenerFactory();
      http.eventListenerFactory(call -> theirs.create(call).plus(idle));
    }
    http.addNetworkInterceptor(idle).addNetworkInterceptor(new NoHiddenResend());
    SocketFactory sockets = users != null ? users.socketFactory() : SocketFactory.getDefault();
    if (InterruptibleSockets.INSTANCE != null && sockets == SocketFactory.getDefault()) {
      http.socketFactory(InterruptibleSockets.INSTANCE);
    }
  }

  /**
   * Whether {@code host} (as {@code HttpUrl.host()} gives it) is this machine: {@code localhost}, a name under
   * {@code .localhost}, or a loopback address literal. Never asks DNS.
   */
  public static boolean isLoopback(String host) {
    String name = host.toLowerCase(java.util.Locale.ROOT);
    if (name.equals("localhost") || name.endsWith(".localhost")) {
      return true;
    }
    if (!name.contains(":") && !name.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
      return false; // a name: only localhost counts
    }
    try {
      return java.net.InetAddress.getByName(name).isLoopbackAddress(); // an address literal: no lookup
    } catch (java.net.UnknownHostException notALiteral) {
      return false;
    }
  }
}
