package com.browserbase.stagehand.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The check of an idle connection before a request is written on it, on the SDK's own sockets (made from a
 * channel: a non-blocking read) and on plain ones (a read of at most 1 ms): usable only while the peer has
 * neither closed it nor written anything; and the socket is left as it was found.
 */
class IdleConnectionGuardTest {
  private static Socket connect(boolean channel, int port) throws Exception {
    InetAddress loopback = InetAddress.getByName("127.0.0.1");
    return channel ? InterruptibleSockets.INSTANCE.createSocket(loopback, port) : new Socket(loopback, port);
  }

  /** Whether the check finds the connection unusable within 5 s: what the peer did crosses the loopback first. */
  private static boolean soonClosedByPeer(Socket client) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!IdleConnectionGuard.closedByPeer(client)) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(5);
    }
    return true;
  }

  @ParameterizedTest(name = "channel socket: {0}")
  @ValueSource(booleans = {true, false})
  void aQuietConnectionIsUsableAndStaysAsItWas(boolean channel) throws Exception {
    try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        Socket client = connect(channel, server.getLocalPort());
        Socket peer = server.accept()) {
      client.setSoTimeout(1234);

      assertThat(IdleConnectionGuard.closedByPeer(client)).isFalse();

      assertThat(client.getSoTimeout()).isEqualTo(1234);
      if (channel) {
        assertThat(client.getChannel().isBlocking()).isTrue();
      }
      peer.getOutputStream().write('x'); // still a working blocking socket
      InputStream in = client.getInputStream();
      assertThat(in.read()).isEqualTo('x');
    }
  }

  @ParameterizedTest(name = "channel socket: {0}")
  @ValueSource(booleans = {true, false})
  void aConnectionThePeerClosedIsNotUsable(boolean channel) throws Exception {
    try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        Socket client = connect(channel, server.getLocalPort())) {
      server.accept().close();

      assertThat(soonClosedByPeer(client)).isTrue();
    }
  }

  @ParameterizedTest(name = "channel socket: {0}")
  @ValueSource(booleans = {true, false})
  void aConnectionOnWhichThePeerWroteUnaskedIsNotUsable(boolean channel) throws Exception {
    try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        Socket client = connect(channel, server.getLocalPort());
        Socket peer = server.accept()) {
      peer.getOutputStream().write("HTTP/1.1 408 Request Timeout\r\n\r\n".getBytes("US-ASCII"));

      assertThat(soonClosedByPeer(client)).isTrue();
    }
  }

  @ParameterizedTest(name = "channel socket: {0}")
  @ValueSource(booleans = {true, false})
  void aBrokenSocketIsNotUsable(boolean channel) throws Exception {
    try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        Socket client = connect(channel, server.getLocalPort())) {
      client.close();

      assertThat(IdleConnectionGuard.closedByPeer(client)).isTrue();
    }
  }
}
