package com.browserbase.stagehand.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import javax.net.SocketFactory;
import org.junit.jupiter.api.Test;

/**
 * The socket factory of the SDK's own HTTP client: every way of asking it for a socket gives one made from a
 * channel (so that interrupting a thread blocked on it ends the read), connected where asked, bound where asked.
 */
class InterruptibleSocketsTest {
  @Test
  void everyFactoryMethodGivesAChannelSocketConnectedAndBoundWhereAsked() throws Exception {
    SocketFactory factory = InterruptibleSockets.INSTANCE;
    InetAddress loopback = InetAddress.getByName("127.0.0.1");
    List<Socket> sockets = new ArrayList<>();
    try (ServerSocket server = new ServerSocket(0, 50, loopback)) {
      int port = server.getLocalPort();
      sockets.add(factory.createSocket("127.0.0.1", port));
      sockets.add(factory.createSocket(loopback, port));
      sockets.add(factory.createSocket("127.0.0.1", port, loopback, 0));
      sockets.add(factory.createSocket(loopback, port, loopback, 0));

      for (Socket socket : sockets) {
        assertThat(socket.getChannel()).as("interruptible: made from a channel").isNotNull();
        assertThat(socket.isConnected()).isTrue();
        assertThat(socket.getPort()).isEqualTo(port);
        assertThat(socket.getLocalAddress()).isEqualTo(loopback);
      }
      Socket unconnected = factory.createSocket();
      sockets.add(unconnected);
      assertThat(unconnected.getChannel()).isNotNull();
      assertThat(unconnected.isConnected()).isFalse();
    } finally {
      for (Socket socket : sockets) {
        socket.close();
      }
    }
  }
}
