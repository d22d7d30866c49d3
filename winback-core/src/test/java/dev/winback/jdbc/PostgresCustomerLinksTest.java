package dev.winback.jdbc;

import static dev.winback.testing.Customers.LOST_AT;
import static dev.winback.testing.Customers.leftBecauseOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.winback.ManualClock;
import dev.winback.ReactivationTokens;
import dev.winback.TokenRejectedException;
import dev.winback.WinBack;
import dev.winback.model.EventType;
import dev.winback.model.ExitCategory;
import dev.winback.model.Feedback;
import dev.winback.model.JournalEvent;
import dev.winback.model.PlanStatus;
import dev.winback.model.ReasonSource;
import dev.winback.spi.StepContext;
import dev.winback.testing.Databases;
import dev.winback.testing.PooledDataSource;
import dev.winback.testing.Recorder;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The links customers answer, on one real PostgreSQL shared by several engines, each with its own connections, as
 * on separate nodes: when the same link is answered on every node at once, the database lets exactly one answer
 * through (one survey answer, one return, one opt-out written).
 */
class PostgresCustomerLinksTest {
  private static final int NODES = 8;
  private static final ReactivationTokens TOKENS = ReactivationTokens.builder()
      .key("k1", "a secret of at least thirty-two bytes".getBytes(StandardCharsets.UTF_8))
      .build();
  private static final URI PAGES = URI.create("https://shop.example/winback");

  private final ManualClock clock = ManualClock.at(LOST_AT);
  private final Recorder host = new Recorder();
  private final List<PooledDataSource> dataSources = new ArrayList<>();
  private final List<WinBack> nodes = new ArrayList<>();
  private WinBack first;

  @BeforeEach
  void nodesOnOneDatabase() {
    PooledDataSource setup = Databases.newPostgres();
    dataSources.add(setup);
    JdbcPlanStore.create(setup).migrate();
    String url = Databases.postgresUrl(Databases.lastPostgresDatabase());
    for (int i = 0; i < NODES; i++) {
      PGSimpleDataSource postgres = new PGSimpleDataSource();
      postgres.setURL(url);
      PooledDataSource own = new PooledDataSource(postgres);
      dataSources.add(own);
      nodes.add(WinBack.builder()
          .clock(clock)
          .store(JdbcPlanStore.create(own))
          .nodeId("node-" + i)
          .reactivationTokens(TOKENS)
          .customerPages(PAGES)
          .feedback(host)
          .apology(host)
          .incentives(host)
          .reEngagement(host)
          .build());
    }
    first = nodes.get(0);
  }

  @AfterEach
  void closeNodes() {
    nodes.forEach(WinBack::close);
    dataSources.forEach(PooledDataSource::closeAll);
  }

  private StepContext firstMessageTo(String customerId) {
    first.start(leftBecauseOf(customerId, ExitCategory.UNKNOWN).build());
    first.runDue();
    return host.calls().stream()
        .filter(c -> c.customer().id().equals(customerId))
        .findFirst()
        .orElseThrow();
  }

  private static String token(String link) {
    return link.substring(link.indexOf("?token=") + "?token=".length());
  }

  /** Every node answers at once; how many answers went through (the others were refused as used). */
  private int atOnceOnEveryNode(Function<WinBack, Object> answer) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(NODES);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Boolean>> outcomes = new ArrayList<>();
    try {
      for (WinBack node : nodes) {
        outcomes.add(pool.submit(() -> {
          start.await();
          try {
            answer.apply(node);
            return true;
          } catch (TokenRejectedException e) {
            assertThat(e.reason()).isEqualTo(TokenRejectedException.Reason.ALREADY_USED);
            return false;
          }
        }));
      }
      start.countDown();
      int through = 0;
      for (Future<Boolean> outcome : outcomes) {
        through += outcome.get(60, TimeUnit.SECONDS) ? 1 : 0;
      }
      return through;
    } finally {
      pool.shutdownNow();
    }
  }

  private long events(String customerId, EventType type) {
    return first.history(customerId).stream().filter(e -> e.type() == type).count();
  }

  @Test
  void oneSurveyLinkAnsweredOnEveryNodeAtOnceRecordsOneAnswer() throws Exception {
    String survey = token(firstMessageTo("c1").links().survey().orElseThrow());

    int recorded = atOnceOnEveryNode(node -> node.links()
        .answerSurvey(
            survey,
            Feedback.of("It was too expensive", ReasonSource.SURVEY, clock.instant()),
            true));

    assertThat(recorded).isEqualTo(1);
    assertThat(events("c1", EventType.FEEDBACK_RECORDED)).isEqualTo(1);
  }

  @Test
  void oneComeBackLinkFollowedOnEveryNodeAtOnceBringsTheCustomerBackOnce() throws Exception {
    firstMessageTo("c1");
    String comeBack = first.issueReactivationToken("c1");

    int redeemed = atOnceOnEveryNode(node -> node.links().comeBack(comeBack));

    assertThat(redeemed).isEqualTo(1);
    assertThat(events("c1", EventType.TOKEN_REDEEMED)).isEqualTo(1);
    assertThat(first.plan("c1").orElseThrow().status()).isEqualTo(PlanStatus.WON_BACK);
  }

  @Test
  void oneUnsubscribeLinkPostedOnEveryNodeAtOnceWritesOneOptOut() throws Exception {
    String unsubscribe = token(firstMessageTo("c1").links().unsubscribe().orElseThrow());

    int answered = atOnceOnEveryNode(node -> node.links().unsubscribe(unsubscribe));

    assertThat(answered).isEqualTo(NODES); // the customer's wish holds however often it is posted
    assertThat(first.history("c1"))
        .filteredOn(e -> e.type() == EventType.RESPONSE_RECORDED)
        .extracting(JournalEvent::detail)
        .containsExactly("the customer opted out of all contact");
    assertThat(events("c1", EventType.CONSENT_CHANGED)).isEqualTo(1);
    assertThat(first.plan("c1").orElseThrow().status()).isEqualTo(PlanStatus.OPTED_OUT);
  }
}
