package dev.winback.jdbc;

import static dev.winback.jdbc.PlanStoreContract.event;
import static dev.winback.jdbc.PlanStoreContract.plan;
import static dev.winback.testing.Customers.LOST_AT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.winback.ManualClock;
import dev.winback.StoreException;
import dev.winback.WinBack;
import dev.winback.model.EventType;
import dev.winback.model.JournalEvent;
import dev.winback.model.StepStatus;
import dev.winback.model.WinBackPlan;
import dev.winback.spi.ClaimedPlan;
import dev.winback.spi.GrantConsumption;
import dev.winback.spi.QuarantinedPlan;
import dev.winback.spi.ReactivationGrant;
import dev.winback.testing.Databases;
import dev.winback.testing.PooledDataSource;
import dev.winback.testing.Recorder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A row whose JSON cannot be read (corrupted or written by SQL) affects its customer only: the others are claimed
 * and run, the plan is quarantined and listed, its raw text can be exported and erasure deletes it.
 */
class UnreadableRowsTest {
  private static final String CORRUPT_PLAN = "{\"id\": \"half a plan, cut off by a bad manual edit";
  private static final String CORRUPT_EVENT = "not even JSON";

  static Stream<Arguments> databases() {
    return Stream.of(
        Arguments.of("PostgreSQL", (Supplier<PooledDataSource>) Databases::newPostgres),
        Arguments.of("H2", (Supplier<PooledDataSource>) Databases::newH2));
  }

  /** Three customers with a due plan each; the plan of c2 and one of its journal rows corrupted by SQL. */
  private static JdbcPlanStore storeWithOnePoisonedCustomer(PooledDataSource dataSource)
      throws Exception {
    JdbcPlanStore store = JdbcPlanStore.create(dataSource).migrate();
    for (String id : List.of("c1", "c2", "c3")) {
      WinBackPlan plan = plan(id, LOST_AT, 0);
      store.insertIfAbsent(plan, List.of(event(plan, EventType.PLAN_STARTED, "started")));
    }
    try (Connection c = dataSource.getConnection()) {
      try (PreparedStatement p =
          c.prepareStatement("UPDATE winback_plan SET body = ? WHERE customer_id = 'c2'")) {
        p.setString(1, CORRUPT_PLAN);
        p.executeUpdate();
      }
      try (PreparedStatement p =
          c.prepareStatement("INSERT INTO winback_journal (customer_id, plan_id, happened_at, "
              + "type, body) VALUES ('c2', ?, CURRENT_TIMESTAMP, 'PLAN_REVISED', ?)")) {
        p.setString(1, "c2@" + LOST_AT);
        p.setString(2, CORRUPT_EVENT);
        p.executeUpdate();
      }
    }
    return store;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void anUnreadablePlanIsQuarantinedWhenDueAndEveryOtherCustomerIsClaimed(
      String name, Supplier<PooledDataSource> database) throws Exception {
    PooledDataSource dataSource = database.get();
    JdbcPlanStore store = storeWithOnePoisonedCustomer(dataSource);

    List<ClaimedPlan> claimed =
        store.claimDue(LOST_AT.plusSeconds(10), 10, "runner", Duration.ofMinutes(1));

    assertThat(claimed).extracting(c -> c.plan().customer().id()).containsExactly("c1", "c3");
    assertThat(
            JdbcTests.count(
                dataSource,
                "SELECT count(*) FROM winback_plan WHERE customer_id = 'c2' "
                    + "AND status = 'QUARANTINED' AND next_due IS NULL AND lease_owner IS NULL AND lease_until IS NULL"))
        .isEqualTo(1);
    assertThat(store.journal("c2"))
        .extracting(JournalEvent::type)
        .containsExactly(EventType.PLAN_STARTED, EventType.PLAN_QUARANTINED);
    JournalEvent quarantined = store.journal("c2").get(1);
    assertThat(quarantined.detail())
        .as("names the exception's type only")
        .matches("the stored plan cannot be read: [A-Za-z]+Exception");
    assertThat(store.quarantined("", 10))
        .containsExactly(new QuarantinedPlan(
            "c2@" + LOST_AT, "c2", LOST_AT.plusSeconds(10), quarantined.detail()));
    assertThat(
            store.claimDue(LOST_AT.plus(Duration.ofDays(400)), 10, "other", Duration.ofMinutes(1)))
        .as("out of the due order for good")
        .isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void readsLeaveOutUnreadableRowsWhichAnExportGetsAsRawText(
      String name, Supplier<PooledDataSource> database) throws Exception {
    JdbcPlanStore store = storeWithOnePoisonedCustomer(database.get());

    assertThat(store.find("c2@" + LOST_AT)).isEmpty();
    assertThat(store.latestPlan("c2")).isEmpty();
    assertThat(store.plans("c2")).isEmpty();
    assertThat(store.journal("c2")).extracting(JournalEvent::detail).containsExactly("started");
    assertThat(store.unreadableRecords("c2")).containsExactly(CORRUPT_PLAN, CORRUPT_EVENT);
    assertThat(store.unreadableRecords("c1")).isEmpty();
    assertThat(store.dueSteps(LOST_AT.plusSeconds(10), 10)).hasSize(2);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void theLatestPlanIsTheNewestReadableOne(String name, Supplier<PooledDataSource> database)
      throws Exception {
    PooledDataSource dataSource = database.get();
    JdbcPlanStore store = JdbcPlanStore.create(dataSource).migrate();
    WinBackPlan older = plan("c4", LOST_AT, 0);
    store.insertIfAbsent(older, List.of());
    store.update(
        PlanStoreContract.ended(older, dev.winback.model.PlanStatus.SUPERSEDED), List.of());
    store.insertIfAbsent(plan("c4", LOST_AT.plusSeconds(60), 0), List.of());
    JdbcTests.execute(
        dataSource,
        "UPDATE winback_plan SET body = 'garbage' WHERE plan_id = 'c4@" + LOST_AT.plusSeconds(60)
            + "'");

    assertThat(store.latestPlan("c4"))
        .hasValueSatisfying(plan -> assertThat(plan.id()).isEqualTo(older.id()));
    assertThat(store.plans("c4")).hasSize(1);
    assertThat(store.unreadableRecords("c4")).containsExactly("garbage");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void erasingACustomerDeletesTheirUnreadableRows(String name, Supplier<PooledDataSource> database)
      throws Exception {
    PooledDataSource dataSource = database.get();
    JdbcPlanStore store = storeWithOnePoisonedCustomer(dataSource);
    store.claimDue(
        LOST_AT.plusSeconds(10), 10, "runner", Duration.ofMinutes(1)); // quarantines c2's plan

    store.anonymise(
        "c2",
        "anonymous",
        plan -> plan,
        event -> JournalEvent.builder()
            .from(event)
            .customerId("anonymous")
            .planId("anonymous@x")
            .build());

    assertThat(store.unreadableRecords("c2")).isEmpty();
    assertThat(JdbcTests.count(
            dataSource, "SELECT count(*) FROM winback_plan WHERE customer_id = 'c2'"))
        .isZero();
    assertThat(JdbcTests.count(
            dataSource, "SELECT count(*) FROM winback_journal WHERE customer_id = 'c2'"))
        .isZero();
    assertThat(store.quarantined("", 10)).isEmpty();
    assertThat(store.journal("anonymous"))
        .extracting(JournalEvent::type)
        .containsExactly(EventType.PLAN_STARTED, EventType.PLAN_QUARANTINED);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void theEngineRunsEveryOtherCustomersStepsPastAPoisonedOne(
      String name, Supplier<PooledDataSource> database) throws Exception {
    JdbcPlanStore store = storeWithOnePoisonedCustomer(database.get());
    Recorder host = new Recorder();
    WinBack winBack = WinBack.builder()
        .clock(ManualClock.at(LOST_AT.plusSeconds(10)))
        .store(store)
        .playbook(InfraPlaybook.create())
        .feedback(host)
        .apology(host)
        .incentives(host)
        .reEngagement(host)
        .build();

    assertThat(winBack.runDue().done()).isEqualTo(2);

    assertThat(host.calls()).hasSize(2);
    assertThat(store.quarantined("", 10))
        .extracting(QuarantinedPlan::customerId)
        .containsExactly("c2");
    assertThat(store.latestPlan("c1").orElseThrow().step(0).status()).isEqualTo(StepStatus.DONE);
    assertThat(store.latestPlan("c3").orElseThrow().step(0).status()).isEqualTo(StepStatus.DONE);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void anUnreadableGrantFailsItsLinkWithoutNamingItOrUsingItUpAndErasureDeletesIt(
      String name, Supplier<PooledDataSource> database) throws Exception {
    PooledDataSource dataSource = database.get();
    JdbcPlanStore store = JdbcPlanStore.create(dataSource).migrate();
    store.saveGrant(new ReactivationGrant(
        "t-secret-id", "c2", "c2@" + LOST_AT, Optional.empty(), LOST_AT, LOST_AT.plusSeconds(60)));
    try (Connection c = dataSource.getConnection();
        PreparedStatement p =
            c.prepareStatement("UPDATE winback_grant SET body = ? WHERE customer_id = 'c2'")) {
      p.setString(1, CORRUPT_EVENT);
      p.executeUpdate();
    }

    assertThatThrownBy(() -> store.findGrant("t-secret-id"))
        .isInstanceOf(StoreException.class)
        .hasMessageNotContaining("t-secret-id")
        .hasMessageNotContaining("c2");
    assertThat(JdbcTests.count(
            dataSource, "SELECT count(*) FROM winback_grant WHERE consumed_at IS NOT NULL"))
        .isZero();
    assertThat(store.findGrant("another").status()).isEqualTo(GrantConsumption.Status.UNKNOWN);

    store.anonymise("c2", "anonymous", plan -> plan, event -> event);

    assertThat(JdbcTests.count(dataSource, "SELECT count(*) FROM winback_grant"))
        .isZero();
    assertThat(store.findGrant("t-secret-id").status()).isEqualTo(GrantConsumption.Status.UNKNOWN);
  }
}
