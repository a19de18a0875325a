package com.browserbase.stagehand.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The server side of {@link ScaleBenchmark}, run in a JVM of its own: a single-threaded NIO
 * selector server on 127.0.0.1 that holds thousands of Server-Sent-Event streams open at once.
 *
 * <p>HTTP/1.1 with keep-alive. For each request it reads the head and the {@code Content-Length}
 * body, then answers {@code 200} with {@code Content-Type: text/event-stream}, chunked, and the two
 * events the real Stagehand server sends first ({@code starting}, {@code connected}), and holds the
 * stream open. Commands, one per line on standard input, answered with one line on standard output:
 *
 * <ul>
 *   <li>{@code count}: {@code HELD <streams held> OPEN <connections> REQUESTS <requests read>};
 *   <li>{@code finish}: sends every held stream a {@code finished} event with an act result and the
 *       last chunk, so each body ends and its connection stays open for reuse; {@code FINISHED <n>};
 *   <li>{@code exit}, or the end of standard input: closes everything and exits. So the server never
 *       outlives the process that started it, even one killed with {@code SIGKILL}: its pipe closes.
 * </ul>
 *
 * <p>The first line it prints is {@code PORT <port>}. One thread does all the network work; a
 * second one only reads standard input and wakes the selector. It allocates a little per
 * connection (its buffers), nothing per event that matters at this scale.
 */
public final class ScaleServer {
  private static final byte[] HEAD = ("HTTP/1.1 200 OK\r\n"
      + "Content-Type: text/event-stream\r\n"
      + "Cache-Control: no-cache\r\n"
      + "Transfer-Encoding: chunked\r\n"
      + "\r\n").getBytes(StandardCharsets.US_ASCII);
  private static final byte[] LAST_CHUNK = "0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
  private static final int MAX_REQUEST = 64 * 1024;

  private final Selector selector;
  private final ServerSocketChannel server;
  private final ConcurrentLinkedQueue<String> commands = new ConcurrentLinkedQueue<>();
  private final List<Connection> held = new ArrayList<>();
  private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(64 * 1024);
  private final PrintStream out;
  private int open;
  private long requests;

  private ScaleServer(PrintStream out) throws IOException {
    this.out = out;
    this.selector = Selector.open();
    this.server = ServerSocketChannel.open();
    // The kernel caps the backlog at net.core.somaxconn; the selector accepts as fast as it can anyway.
    server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16_384);
    server.configureBlocking(false);
    server.register(selector, SelectionKey.OP_ACCEPT);
  }

  public static void main(String[] args) throws IOException {
    PrintStream out = new PrintStream(System.out, true, "US-ASCII");
    ScaleServer scaleServer = new ScaleServer(out);
    Thread stdin = new Thread(scaleServer::readCommands, "scale-server-stdin");
    stdin.setDaemon(true);
    stdin.start();
    out.println("PORT " + ((InetSocketAddress) scaleServer.server.getLocalAddress()).getPort());
    try {
      scaleServer.run();
    } finally {
      scaleServer.closeAll();
    }
    System.exit(0);
  }

  private void readCommands() {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII))) {
      String line;
      while ((line = in.readLine()) != null) {
        commands.add(line.trim());
        selector.wakeup();
      }
    } catch (IOException e) {
      // treated as the end of input
    }
    commands.add("exit");
    selector.wakeup();
  }

  private void run() throws IOException {
    while (true) {
      selector.select();
      String command;
      while ((command = commands.poll()) != null) {
        if (command.equals("exit")) {
          return;
        } else if (command.equals("count")) {
          out.println("HELD " + heldCount() + " OPEN " + open + " REQUESTS " + requests);
        } else if (command.equals("finish")) {
          int finished = finishAll();
          out.println("FINISHED " + finished);
        } else if (!command.isEmpty()) {
          out.println("UNKNOWN " + command);
        }
      }
      Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
      while (keys.hasNext()) {
        SelectionKey key = keys.next();
        keys.remove();
        if (!key.isValid()) {
          continue;
        }
        if (key.isAcceptable()) {
          accept();
          continue;
        }
        Connection connection = (Connection) key.attachment();
        try {
          if (key.isValid() && key.isWritable()) {
            connection.flush();
          }
          if (key.isValid() && key.isReadable()) {
            connection.read();
          }
        } catch (IOException e) {
          connection.close();
        }
      }
    }
  }

  private void accept() throws IOException {
    SocketChannel channel;
    while ((channel = server.accept()) != null) {
      channel.configureBlocking(false);
      channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
      Connection connection = new Connection(channel);
      connection.key = channel.register(selector, SelectionKey.OP_READ, connection);
      open++;
    }
  }

  private int heldCount() {
    int count = 0;
    for (Connection connection : held) {
      if (!connection.closed) {
        count++;
      }
    }
    return count;
  }

  private int finishAll() {
    int count = 0;
    for (Connection connection : held) {
      if (!connection.closed) {
        try {
          connection.write(chunk(event("{\"status\":\"finished\",\"result\":{\"success\":true,\"message\":\"done\","
              + "\"actionDescription\":\"x\",\"actions\":[]}}")));
          connection.write(LAST_CHUNK);
          connection.holding = false;
          count++;
        } catch (IOException e) {
          connection.close();
        }
      }
    }
    held.clear();
    return count;
  }

  private void closeAll() {
    for (SelectionKey key : selector.keys()) {
      try {
        key.channel().close();
      } catch (IOException ignored) {
        // exiting anyway
      }
    }
    try {
      selector.close();
    } catch (IOException ignored) {
      // exiting anyway
    }
  }

  /** One SSE event as the Stagehand server writes it: a system event with this {@code data}. */
  private static byte[] event(String data) {
    return ("data: {\"data\":" + data + ",\"type\":\"system\",\"id\":\"" + UUID.randomUUID() + "\"}\n\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] chunk(byte[] payload) {
    byte[] size = (Integer.toHexString(payload.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
    byte[] chunk = Arrays.copyOf(size, size.length + payload.length + 2);
    System.arraycopy(payload, 0, chunk, size.length, payload.length);
    chunk[chunk.length - 2] = '\r';
    chunk[chunk.length - 1] = '\n';
    return chunk;
  }

  private final class Connection {
    final SocketChannel channel;
    SelectionKey key;
    /** Bytes of the request being read. */
    byte[] request = new byte[1024];
    int length;
    /** Bytes not yet written, or {@code null}. */
    ByteBuffer pending;
    boolean holding;
    boolean closed;

    Connection(SocketChannel channel) {
      this.channel = channel;
    }

    void read() throws IOException {
      readBuffer.clear();
      int n = channel.read(readBuffer);
      if (n < 0) {
        close();
        return;
      }
      readBuffer.flip();
      if (length + n > request.length) {
        if (length + n > MAX_REQUEST) {
          throw new IOException("request larger than " + MAX_REQUEST + " bytes");
        }
        request = Arrays.copyOf(request, Math.max(request.length * 2, length + n));
      }
      readBuffer.get(request, length, n);
      length += n;
      while (!holding) {
        int headEnd = RequestHeads.headEnd(request, length);
        if (headEnd < 0) {
          return;
        }
        int total = headEnd + RequestHeads.contentLength(request, headEnd);
        if (total > MAX_REQUEST) {
          throw new IOException("request larger than " + MAX_REQUEST + " bytes");
        }
        if (length < total) {
          return;
        }
        System.arraycopy(request, total, request, 0, length - total);
        length -= total;
        requests++;
        respond();
      }
    }

    private void respond() throws IOException {
      byte[] starting = chunk(event("{\"status\":\"starting\"}"));
      byte[] connected = chunk(event("{\"status\":\"connected\"}"));
      byte[] all = new byte[HEAD.length + starting.length + connected.length];
      System.arraycopy(HEAD, 0, all, 0, HEAD.length);
      System.arraycopy(starting, 0, all, HEAD.length, starting.length);
      System.arraycopy(connected, 0, all, HEAD.length + starting.length, connected.length);
      write(all);
      holding = true;
      held.add(this);
    }

    void write(byte[] bytes) throws IOException {
      if (pending == null) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        channel.write(buffer);
        if (buffer.hasRemaining()) {
          pending = ByteBuffer.allocate(buffer.remaining()).put(buffer);
          pending.flip();
          key.interestOps(key.interestOps() | SelectionKey.OP_WRITE);
        }
      } else {
        ByteBuffer more = ByteBuffer.allocate(pending.remaining() + bytes.length);
        more.put(pending).put(bytes).flip();
        pending = more;
      }
    }

    void flush() throws IOException {
      if (pending != null) {
        channel.write(pending);
        if (!pending.hasRemaining()) {
          pending = null;
          key.interestOps(key.interestOps() & ~SelectionKey.OP_WRITE);
        }
      }
    }

    void close() {
      if (closed) {
        return;
      }
      closed = true;
      open--;
      key.cancel();
      try {
        channel.close();
      } catch (IOException ignored) {
        // closing anyway
      }
    }
  }
}
