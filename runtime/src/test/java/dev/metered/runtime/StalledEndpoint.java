package dev.metered.runtime;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A Sentry endpoint that has stalled: it accepts every connection on {@code 127.0.0.1} and then
 * neither reads nor answers, so the SDK's HTTP transport waits on each request until its own
 * timeouts.
 */
final class StalledEndpoint implements AutoCloseable {
  private final ServerSocket server;
  private final List<Socket> connections = new CopyOnWriteArrayList<>();

  StalledEndpoint() throws IOException {
    server = new ServerSocket();
    server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    Thread acceptor = new Thread(this::accept, "stalled-endpoint");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** A DSN that points the SDK here. */
  String dsn() {
    return "http://publickey@127.0.0.1:" + server.getLocalPort() + "/1";
  }

  /** The connections accepted so far. */
  List<Socket> connections() {
    return connections;
  }

  private void accept() {
    try {
      while (true) {
        connections.add(server.accept());
      }
    } catch (IOException closed) {
      // the test is over
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket connection : connections) {
      connection.close();
    }
  }
}
