package com.browserbase.stagehand.internal.http;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.SocketChannel;
import javax.net.SocketFactory;

/**
 * Makes sockets whose blocking reads and writes end when the thread doing them is interrupted. Not
 * API.
 *
 * <p>A plain {@link Socket} ignores {@link Thread#interrupt()}: a blocking call, or a {@code stream()}
 * waiting for its next event, would run on until its timeout (minutes) although the executor that
 * owns the thread was shut down with {@code shutdownNow()}. A socket made from a {@link
 * SocketChannel} is an interruptible channel: interrupting a thread blocked on it closes it at once,
 * the blocked operation fails with {@link java.nio.channels.ClosedByInterruptException}, and the
 * interrupt flag stays set. No watcher thread is needed, and nothing changes for threads that are
 * not interrupted.
 *
 * <p>Used from JDK 13 on, where the socket adaptor of a channel reads and writes independently; on
 * older JDKs a blocked read held a lock that writes need, which would stall HTTP/2.
 */
public final class InterruptibleSockets extends SocketFactory {
  /** The factory, or {@code null} on JDKs before 13. */
  public static final SocketFactory INSTANCE = javaVersion() >= 13 ? new InterruptibleSockets() : null;

  private InterruptibleSockets() {}

  @Override
  public Socket createSocket() throws IOException {
    return SocketChannel.open().socket();
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    return connect(new InetSocketAddress(host, port), null);
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
    return connect(new InetSocketAddress(host, port), new InetSocketAddress(localHost, localPort));
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    return connect(new InetSocketAddress(host, port), null);
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
      throws IOException {
    return connect(new InetSocketAddress(address, port), new InetSocketAddress(localAddress, localPort));
  }

  /** A new socket, bound to {@code local} unless it is {@code null}, connected to {@code remote}. */
  private Socket connect(InetSocketAddress remote, InetSocketAddress local) throws IOException {
    Socket socket = createSocket();
    if (local != null) {
      socket.bind(local);
    }
    socket.connect(remote);
    return socket;
  }

  private static int javaVersion() {
    String version = System.getProperty("java.specification.version", "1.8");
    try {
      return version.startsWith("1.") ? Integer.parseInt(version.substring(2)) : Integer.parseInt(version);
    } catch (NumberFormatException e) {
      return 8;
    }
  }
}
