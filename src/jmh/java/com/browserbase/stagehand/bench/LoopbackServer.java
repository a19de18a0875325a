package com.browserbase.stagehand.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A minimal HTTP/1.1 keep-alive server on 127.0.0.1 that answers every request with the same
 * pre-encoded bytes.
 *
 * <p>Why not MockWebServer: its own cost swamps the client's. Measured here, a blocking {@code act}
 * through it takes about 44 ms (against about 0.1 ms through this server; the pattern of a response
 * sent in several small writes meeting Nagle's algorithm and delayed ACKs), and it adds about 10 KB
 * of allocation per call: it parses each request into a {@code RecordedRequest} with a copy of its
 * body, keeps every one in an unbounded queue and encodes the response anew each time. That runs in
 * the same JVM, and {@code -prof gc} counts the allocation of every thread, so its bookkeeping would
 * land in both sides' {@code gc.alloc.rate.norm} and dilute the SDK/baseline ratio. This server reads
 * a request into one reused buffer (only {@code Content-Length} is parsed), answers with one write of
 * a prebuilt byte array with TCP_NODELAY, and allocates nothing per request, so what is measured is
 * the client. Run with {@code -p server=mockwebserver} to compare.
 */
final class LoopbackServer implements CannedServer {

  private final ServerSocket serverSocket;
  private final byte[] response;
  private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
  private volatile boolean capture;
  private volatile byte[] lastRequest;

  LoopbackServer(CannedResponse canned) throws IOException {
    this.response = canned.toHttp11();
    this.serverSocket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::acceptLoop, "loopback-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  @Override
  public String baseUrl() {
    return "http://127.0.0.1:" + serverSocket.getLocalPort();
  }

  @Override
  public void capture(boolean on) {
    lastRequest = null;
    capture = on;
  }

  @Override
  public byte[] lastRequest() {
    return lastRequest;
  }

  private void acceptLoop() {
    while (!serverSocket.isClosed()) {
      Socket socket;
      try {
        socket = serverSocket.accept();
      } catch (IOException e) {
        return;
      }
      sockets.add(socket);
      Thread connection = new Thread(() -> serve(socket), "loopback-connection");
      connection.setDaemon(true);
      connection.start();
    }
  }

  private void serve(Socket socket) {
    try (Socket s = socket) {
      s.setTcpNoDelay(true);
      InputStream in = s.getInputStream();
      OutputStream out = s.getOutputStream();
      byte[] buf = new byte[64 * 1024];
      int len = 0;
      while (true) {
        int headEnd;
        while ((headEnd = RequestHeads.headEnd(buf, len)) < 0) {
          if (len == buf.length) {
            throw new IOException("request head larger than " + buf.length + " bytes");
          }
          int n = in.read(buf, len, buf.length - len);
          if (n < 0) {
            return;
          }
          len += n;
        }
        int total = headEnd + RequestHeads.contentLength(buf, headEnd);
        if (total > buf.length) {
          throw new IOException("request larger than " + buf.length + " bytes");
        }
        while (len < total) {
          int n = in.read(buf, len, buf.length - len);
          if (n < 0) {
            return;
          }
          len += n;
        }
        if (capture) {
          lastRequest = Arrays.copyOf(buf, total);
        }
        System.arraycopy(buf, total, buf, 0, len - total);
        len -= total;
        out.write(response);
        out.flush();
      }
    } catch (IOException e) {
      // the client closed or cancelled the connection
    } finally {
      sockets.remove(socket);
    }
  }

  @Override
  public void close() throws IOException {
    serverSocket.close();
    for (Socket socket : sockets) {
      socket.close();
    }
  }
}
