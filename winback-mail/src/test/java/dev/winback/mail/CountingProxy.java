package dev.winback.mail;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy in front of an SMTP server that counts the SMTP sessions open through it at once, and the most ever
 * open. A session counts from the moment its connection is accepted until the client says {@code QUIT} (counted
 * before the {@code QUIT} is passed on, so before the client can hear the server's goodbye and move on) or goes
 * away. The server's greetings are held back until a given number of sessions are open at once, or until
 * {@link #releaseGreetings()}: so that sessions overlap for certain, and a client that waits for its greeting keeps
 * its connection open.
 */
final class CountingProxy implements AutoCloseable {
  private final ServerSocket socket;
  private final int targetPort;
  private final int holdUntilOpen;
  private final AtomicInteger open = new AtomicInteger();
  private final AtomicInteger peak = new AtomicInteger();
  private final AtomicInteger accepted = new AtomicInteger();
  private final CountDownLatch greetings = new CountDownLatch(1);

  /**
   * Starts the proxy.
   *
   * @param targetPort the SMTP server's port on the loopback address
   * @param holdUntilOpen how many sessions must be open at once before the server's greetings pass
   */
  CountingProxy(int targetPort, int holdUntilOpen) {
    this.targetPort = targetPort;
    this.holdUntilOpen = holdUntilOpen;
    try {
      this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Thread acceptor = new Thread(this::accept, "counting-proxy");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return socket.getLocalPort();
  }

  /** The sessions open now. */
  int open() {
    return open.get();
  }

  /**
   * Waits until the given number of sessions are open at once, at most the timeout.
   *
   * @param sessions how many
   * @param timeout how long to wait at most
   * @return whether they were
   */
  synchronized boolean awaitOpen(int sessions, java.time.Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (open.get() != sessions) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(this, left);
    }
    return true;
  }

  private synchronized void changed() {
    notifyAll();
  }

  /** The most sessions ever open at once. */
  int peak() {
    return peak.get();
  }

  /** The connections accepted so far. */
  int accepted() {
    return accepted.get();
  }

  /** Lets every greeting held back (and every later one) pass. */
  void releaseGreetings() {
    greetings.countDown();
  }

  private void accept() {
    while (!socket.isClosed()) {
      Socket client;
      try {
        client = socket.accept();
      } catch (IOException e) {
        return;
      }
      accepted.incrementAndGet();
      int now = open.incrementAndGet();
      peak.accumulateAndGet(now, Math::max);
      if (now >= holdUntilOpen) {
        greetings.countDown();
      }
      changed();
      Thread session = new Thread(() -> relay(client), "counting-proxy-session");
      session.setDaemon(true);
      session.start();
    }
  }

  private void relay(Socket client) {
    AtomicBoolean counted = new AtomicBoolean(true);
    Runnable ended = () -> {
      if (counted.getAndSet(false)) {
        open.decrementAndGet();
        changed();
      }
    };
    try (client;
        Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort)) {
      Thread down = new Thread(() -> serverToClient(server, client), "counting-proxy-down");
      down.setDaemon(true);
      down.start();
      clientToServer(client, server, ended);
    } catch (IOException e) {
      // either side went away: the session is over
    } finally {
      ended.run();
    }
  }

  private void serverToClient(Socket server, Socket client) {
    try {
      greetings.await();
      server.getInputStream().transferTo(client.getOutputStream());
    } catch (IOException e) {
      // either side went away
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      closeQuietly(client);
    }
  }

  /** Passes the client's bytes on line by line, ending the session's count as its QUIT goes by. */
  private static void clientToServer(Socket client, Socket server, Runnable ended)
      throws IOException {
    InputStream in = new BufferedInputStream(client.getInputStream());
    OutputStream out = server.getOutputStream();
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != -1) {
      line.write(b);
      if (b == '\n') {
        if (line.toString(StandardCharsets.US_ASCII).strip().equalsIgnoreCase("QUIT")) {
          ended.run();
        }
        line.writeTo(out);
        out.flush();
        line.reset();
      }
    }
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // already closed
    }
  }

  @Override
  public void close() throws IOException {
    releaseGreetings();
    socket.close();
  }
}
