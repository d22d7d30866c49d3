package dev.winback.mail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A hand-written SMTP server for the replies GreenMail does not give: it answers every command as a plain server
 * without STARTTLS would, except {@code RCPT TO}, which gets the reply the test chose (e.g. a 550 that quotes the
 * address, as real servers do). Or it stays silent: accepts and never says a word. One connection at a time.
 */
final class ScriptedSmtpServer implements AutoCloseable {
  private final ServerSocket socket;
  private final String rcptReply;
  private final boolean silent;
  private final AtomicInteger messagesAccepted = new AtomicInteger();
  private final Thread thread;

  private ScriptedSmtpServer(String rcptReply, boolean silent) {
    this.rcptReply = rcptReply;
    this.silent = silent;
    try {
      this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.thread = new Thread(this::serve, "scripted-smtp");
    thread.setDaemon(true);
    thread.start();
  }

  /** A server that answers {@code RCPT TO} with the given reply line. */
  static ScriptedSmtpServer answeringRcptWith(String reply) {
    return new ScriptedSmtpServer(reply, false);
  }

  /** A server that accepts connections and never answers. */
  static ScriptedSmtpServer silent() {
    return new ScriptedSmtpServer("", true);
  }

  int port() {
    return socket.getLocalPort();
  }

  int messagesAccepted() {
    return messagesAccepted.get();
  }

  private void serve() {
    while (!socket.isClosed()) {
      try (Socket client = socket.accept()) {
        if (silent) {
          // holds the connection open without a greeting until the client gives up and closes it
          while (client.getInputStream().read() != -1) {
            // discards whatever arrives
          }
        } else {
          converse(client);
        }
      } catch (IOException e) {
        // the server was closed, or the client went away: wait for the next one
      }
    }
  }

  private void converse(Socket client) throws IOException {
    BufferedReader in = new BufferedReader(
        new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
    OutputStream out = client.getOutputStream();
    reply(out, "220 scripted.test ESMTP");
    String line;
    while ((line = in.readLine()) != null) {
      String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase(Locale.ROOT) : line;
      switch (command) {
        case "EHLO" -> reply(out, "250-scripted.test\r\n250 8BITMIME");
        case "HELO", "MAIL", "RSET", "NOOP" -> reply(out, "250 OK");
        case "RCPT" -> reply(out, rcptReply);
        case "DATA" -> {
          reply(out, "354 go ahead");
          while ((line = in.readLine()) != null && !line.equals(".")) {
            // reads the message to its end
          }
          messagesAccepted.incrementAndGet();
          reply(out, "250 accepted");
        }
        case "QUIT" -> {
          reply(out, "221 bye");
          return;
        }
        default -> reply(out, "502 not implemented");
      }
    }
  }

  private static void reply(OutputStream out, String text) throws IOException {
    out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
