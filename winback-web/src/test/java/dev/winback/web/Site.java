package dev.winback.web;

import static dev.winback.testing.Customers.LOST_AT;

import com.sun.net.httpserver.HttpServer;
import dev.winback.ManualClock;
import dev.winback.ReactivationTokens;
import dev.winback.WinBack;
import dev.winback.model.JournalEvent;
import dev.winback.model.LinkPurpose;
import dev.winback.model.LostCustomer;
import dev.winback.model.WinBackPlan;
import dev.winback.spi.StepContext;
import dev.winback.testing.Recorder;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * A host serving the customer pages on the JDK's HTTP server, on a free loopback port, over a real engine that puts
 * the pages' links in every message it sends (a recording strategy keeps them), with a manual clock. Close it after
 * each test.
 */
final class Site implements AutoCloseable {
  static final byte[] SECRET =
      "a form secret of at least thirty-two bytes".getBytes(StandardCharsets.UTF_8);
  static final Duration LINKS_VALID_FOR = Duration.ofDays(30);
  private static final ReactivationTokens TOKENS = ReactivationTokens.builder()
      .key("k1", "a link secret of at least thirty-two bytes".getBytes(StandardCharsets.UTF_8))
      .validFor(LINKS_VALID_FOR)
      .build();

  final ManualClock clock = ManualClock.at(LOST_AT);
  final Recorder host = new Recorder();
  final HttpServer server;
  final String origin;
  final WinBack winBack;
  final CustomerPages pages;

  Site() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    origin = "http://localhost:" + server.getAddress().getPort();
    winBack = WinBack.builder()
        .clock(clock)
        .defaultZone(ZoneOffset.UTC)
        .reactivationTokens(TOKENS)
        .customerPages(URI.create(origin + "/customer"))
        .feedback(host)
        .apology(host)
        .incentives(host)
        .reEngagement(host)
        .build();
    pages = CustomerPages.builder()
        .links(winBack.links())
        .basePath("/customer")
        .clock(clock)
        .csrfSecret(SECRET)
        .build();
    JdkHttpAdapter.mount(server, pages);
    server.start();
  }

  /** Starts a plan for a customer. */
  WinBackPlan start(LostCustomer customer) {
    return winBack.start(customer);
  }

  /**
   * The link for a page in the latest message sent to the customer; runs the engine, six hours at a time, until a
   * message carries one.
   */
  String link(LinkPurpose purpose, String customerId) {
    return link(purpose, customerId, message -> true);
  }

  /** The link of the first message to the customer that carries one for the purpose and matches. */
  String link(
      LinkPurpose purpose, String customerId, java.util.function.Predicate<StepContext> which) {
    for (int hours = 0; hours <= 24 * 120; hours += 6) {
      Optional<String> sent = latest(purpose, customerId, which);
      if (sent.isPresent()) {
        return sent.get();
      }
      winBack.runDue();
      clock.advance(Duration.ofHours(6));
    }
    throw new AssertionError("no message to " + customerId + " carried a " + purpose + " link");
  }

  /** A come-back link of the host's own, issued now (not from a message). */
  String comeBackLink(String customerId) {
    return origin + "/customer/come-back?token=" + winBack.issueReactivationToken(customerId);
  }

  private Optional<String> latest(
      LinkPurpose purpose, String customerId, java.util.function.Predicate<StepContext> which) {
    List<StepContext> calls = host.calls();
    for (int i = calls.size() - 1; i >= 0; i--) {
      StepContext message = calls.get(i);
      if (message.customer().id().equals(customerId)
          && message.links().of(purpose).isPresent()
          && which.test(message)) {
        return message.links().of(purpose);
      }
    }
    return Optional.empty();
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

  /** A link with one character of its token's signature changed. */
  static String tampered(String link) {
    char last = link.charAt(link.length() - 1);
    return link.substring(0, link.length() - 1) + (last == 'A' ? 'B' : 'A');
  }

  @Override
  public void close() {
    server.stop(0);
    winBack.close();
  }
}
