package dev.winback.web;

import static dev.winback.testing.Customers.LOST_AT;

import com.sun.net.httpserver.HttpServer;
import dev.winback.ManualClock;
import dev.winback.WinBack;
import dev.winback.model.JournalEvent;
import dev.winback.model.LinkPurpose;
import dev.winback.model.LostCustomer;
import dev.winback.model.WinBackPlan;
import dev.winback.testing.Recorder;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;

/**
 * A host serving the customer pages on the JDK's HTTP server, on a free loopback port, over a real engine with a
 * manual clock and a recording strategy. Close it after each test.
 */
final class Site implements AutoCloseable {
  static final byte[] SECRET =
      "a form secret of at least thirty-two bytes".getBytes(StandardCharsets.UTF_8);

  final ManualClock clock = ManualClock.at(LOST_AT);
  final Recorder host = new Recorder();
  final WinBack winBack;
  final FakeLinks links;
  final CustomerPages pages;
  final HttpServer server;
  final String origin;

  Site() throws IOException {
    winBack = WinBack.builder()
        .clock(clock)
        .defaultZone(ZoneOffset.UTC)
        .feedback(host)
        .apology(host)
        .incentives(host)
        .reEngagement(host)
        .build();
    links = new FakeLinks(winBack, clock);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    pages = new CustomerPages(links, "/customer", clock, SECRET);
    JdkHttpAdapter.mount(server, pages);
    server.start();
    origin = "http://localhost:" + server.getAddress().getPort();
  }

  /** Starts a plan for a customer. */
  WinBackPlan start(LostCustomer customer) {
    return winBack.start(customer);
  }

  /** The link a message to the customer would carry for a page. */
  String link(LinkPurpose purpose, String customerId) {
    return origin + "/customer/" + purpose.path() + "?token=" + links.issue(purpose, customerId);
  }

  /** Runs the engine for some days, six hours at a time. */
  void runDays(int days) {
    for (int hour = 0; hour < days * 24; hour += 6) {
      winBack.runDue();
      clock.advance(Duration.ofHours(6));
    }
    winBack.runDue();
  }

  WinBackPlan plan(String customerId) {
    return winBack.plan(customerId).orElseThrow();
  }

  List<JournalEvent> journal(String customerId) {
    return winBack.history(customerId);
  }

  URI uri(String pathAndQuery) {
    return URI.create(origin + pathAndQuery);
  }

  @Override
  public void close() {
    server.stop(0);
    winBack.close();
  }
}
