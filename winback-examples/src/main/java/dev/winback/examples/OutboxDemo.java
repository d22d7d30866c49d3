package dev.winback.examples;

import com.sun.net.httpserver.HttpServer;
import dev.winback.ManualClock;
import dev.winback.ReactivationTokens;
import dev.winback.WinBack;
import dev.winback.jdbc.JdbcPlanStore;
import dev.winback.message.ComposedMessage;
import dev.winback.message.MessageComposer;
import dev.winback.message.Templates;
import dev.winback.model.Channel;
import dev.winback.model.LostCustomer;
import dev.winback.model.PlanStep;
import dev.winback.model.StepKind;
import dev.winback.spi.ApologyStrategy;
import dev.winback.spi.FeedbackStrategy;
import dev.winback.spi.IncentiveStrategy;
import dev.winback.spi.ReEngagementStrategy;
import dev.winback.spi.StepContext;
import dev.winback.spi.StepResult;
import dev.winback.web.CustomerPages;
import dev.winback.web.JdkHttpAdapter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The demo with what the customer sees: the demo's lost customers run through the standard playbook on the embedded
 * database (H2), every message is composed from the default templates in the customer's language, and a web server
 * on localhost shows the outbox, each message as its customer would read it, and the survey, come-back and
 * unsubscribe pages its links lead to. A button runs the next simulated day, so that what a person answered shows
 * in what is sent next. Run it with the README's second command, then open the address it prints.
 */
public final class OutboxDemo implements AutoCloseable {
  /** The simulated days run before the server opens. */
  static final int FIRST_DAYS = 21;

  private final HttpServer server;
  private final ExecutorService threads;
  private final ManualClock clock;
  private final WinBack winBack;
  private final Outbox outbox;
  private final URI address;

  private OutboxDemo(
      HttpServer server,
      ExecutorService threads,
      ManualClock clock,
      WinBack winBack,
      Outbox outbox) {
    this.server = server;
    this.threads = threads;
    this.clock = clock;
    this.winBack = winBack;
    this.outbox = outbox;
    this.address = URI.create("http://localhost:" + server.getAddress().getPort() + "/");
  }

  /**
   * Starts the demo on {@code localhost:8080}, or the port given as the first argument, and serves until stopped.
   *
   * @param args an optional port
   */
  public static void main(String[] args) {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 8080;
    OutboxDemo demo = start(port, FIRST_DAYS);
    System.out.println("WinBack outbox demo: " + demo.outbox.size() + " messages after "
        + FIRST_DAYS + " simulated days. Open " + demo.address() + " (Ctrl-C stops it).");
  }

  /**
   * Starts the demo: plans for every demo customer, the first simulated days run, the server listening.
   *
   * @param port the port on localhost, 0 for any free one
   * @param days the simulated days to run before serving
   * @return the running demo; close it to stop the server
   */
  public static OutboxDemo start(int port, int days) {
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on port " + port, e);
    }
    URI base = URI.create("http://localhost:" + server.getAddress().getPort());
    ManualClock clock = ManualClock.at(WinBackDemo.START);
    Outbox outbox = new Outbox(Templates.defaults(), clock);
    JdbcDataSource database = new JdbcDataSource();
    database.setURL("jdbc:h2:mem:winback-outbox-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    WinBack winBack = WinBack.builder()
        .clock(clock)
        .store(JdbcPlanStore.create(database).migrate())
        .defaultZone(java.time.ZoneId.of("Europe/Berlin"))
        .reactivationTokens(ReactivationTokens.builder()
            .key("demo", randomBytes())
            .validFor(Duration.ofDays(365))
            .build())
        .customerPages(base.resolve("/winback"))
        .feedback(outbox)
        .apology(outbox)
        .incentives(outbox)
        .reEngagement(outbox)
        .build();
    DemoCustomers.all().forEach(winBack::start);
    CustomerPages pages = CustomerPages.builder()
        .links(winBack.links())
        .basePath("/winback")
        .clock(clock)
        .csrfSecret(randomBytes())
        .build();
    JdkHttpAdapter.mount(server, pages);
    ExecutorService threads = Executors.newFixedThreadPool(4);
    server.setExecutor(threads);
    OutboxDemo demo = new OutboxDemo(server, threads, clock, winBack, outbox);
    server.createContext("/", new OutboxPages(demo));
    demo.runDays(days);
    server.start();
    return demo;
  }

  private static byte[] randomBytes() {
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    return secret;
  }

  /**
   * Runs simulated days, six hours at a time.
   *
   * @param days how many
   */
  synchronized void runDays(int days) {
    for (int quarter = 0; quarter < days * 4; quarter++) {
      winBack.runDue();
      clock.advance(Duration.ofHours(6));
    }
    winBack.runDue();
  }

  /**
   * The address of the outbox.
   *
   * @return e.g. {@code http://localhost:8080/}
   */
  public URI address() {
    return address;
  }

  /**
   * The engine behind the demo.
   *
   * @return the engine
   */
  public WinBack winBack() {
    return winBack;
  }

  /**
   * Every message sent so far, oldest first.
   *
   * @return the messages
   */
  public List<Sent> sent() {
    return outbox.all();
  }

  /**
   * The demo's clock.
   *
   * @return the simulated time now
   */
  Instant now() {
    return clock.instant();
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }

  /**
   * One message as its customer received it.
   *
   * @param at when it was sent, on the simulated clock
   * @param customerId the customer
   * @param channel the channel it went on
   * @param parts the kinds of the steps it carried
   * @param message the message as composed
   */
  public record Sent(
      Instant at,
      String customerId,
      Channel channel,
      List<StepKind> parts,
      ComposedMessage message) {}

  /** The strategies of the demo: every step is composed and kept, as a mail server would deliver it. */
  static final class Outbox
      implements FeedbackStrategy, ApologyStrategy, IncentiveStrategy, ReEngagementStrategy {
    private final MessageComposer composer;
    private final ManualClock clock;
    private final List<Sent> sent = Collections.synchronizedList(new ArrayList<>());
    private final java.util.Set<String> keys = java.util.concurrent.ConcurrentHashMap.newKeySet();

    Outbox(MessageComposer composer, ManualClock clock) {
      this.composer = composer;
      this.clock = clock;
    }

    private StepResult deliver(StepContext context) {
      if (keys.add(
          context.idempotencyKey())) { // a step sent again after a crash is the same message
        ComposedMessage message = composer.compose(context);
        LostCustomer customer = context.customer();
        sent.add(new Sent(
            clock.instant(),
            customer.id(),
            context.step().channel(),
            context.parts().stream().map(PlanStep::kind).toList(),
            message));
      }
      return StepResult.sent("outbox-" + context.idempotencyKey());
    }

    List<Sent> all() {
      synchronized (sent) {
        return List.copyOf(sent);
      }
    }

    int size() {
      return sent.size();
    }

    @Override
    public StepResult requestFeedback(StepContext context) {
      return deliver(context);
    }

    @Override
    public StepResult apologise(StepContext context) {
      return deliver(context);
    }

    @Override
    public StepResult offerIncentive(StepContext context) {
      return deliver(context);
    }

    @Override
    public StepResult reEngage(StepContext context) {
      return deliver(context);
    }
  }
}
