package dev.winback.jdbc;

import static dev.winback.jdbc.PlanStoreContract.event;
import static dev.winback.jdbc.PlanStoreContract.plan;
import static dev.winback.testing.Customers.LOST_AT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.winback.internal.Json;
import dev.winback.model.Channel;
import dev.winback.model.EventType;
import dev.winback.model.JournalEvent;
import dev.winback.model.StepKind;
import dev.winback.model.WinBackPlan;
import dev.winback.spi.ContactRecord;
import dev.winback.testing.Databases;
import dev.winback.testing.PooledDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Upgrades of a database that holds data, from each earlier schema version to the current one. */
class MigrationTest {
  static Stream<Arguments> databases() {
    return Stream.of(Arguments.of("PostgreSQL", (Supplier<PooledDataSource>) Databases::newPostgres),
        Arguments.of("H2", (Supplier<PooledDataSource>) Databases::newH2));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void upgradingFromTheFirstSchemaKeepsEveryPlanRunnable(String database, Supplier<PooledDataSource> newDatabase)
      throws Exception {
    PooledDataSource dataSource = newDatabase.get();
    JdbcPlanStore.create(dataSource).migrate(1);
    WinBackPlan plan = plan("c1", LOST_AT, 0);
    insertAsVersionOneAndTwoDid(dataSource, plan, List.of());

    JdbcPlanStore upgraded = JdbcPlanStore.create(dataSource).migrate();

    assertThat(upgraded.find(plan.id())).contains(plan);
    Instant now = LOST_AT.plusSeconds(10);
    assertThat(upgraded.claimDue(now, 10, "a", Duration.ofSeconds(60))).singleElement()
        .satisfies(claimed -> assertThat(claimed.plan()).isEqualTo(plan));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void upgradingFromTheSecondSchemaKeepsEveryContactInTheHistory(String database,
      Supplier<PooledDataSource> newDatabase) throws Exception {
    PooledDataSource dataSource = newDatabase.get();
    JdbcPlanStore.create(dataSource).migrate(2);
    WinBackPlan plan = plan("c1", LOST_AT, 0);
    JournalEvent started = event(plan, EventType.PLAN_STARTED, "started");
    JournalEvent done = event(plan, EventType.STEP_DONE, "sent");
    JournalEvent again = event(plan, EventType.STEP_DONE, "sent again");
    insertAsVersionOneAndTwoDid(dataSource, plan, List.of(started, done, again));
    WinBackPlan other = plan("c2", LOST_AT, 0);
    insertAsVersionOneAndTwoDid(dataSource, other, List.of(event(other, EventType.STEP_DONE, "sent")));

    JdbcPlanStore upgraded = JdbcPlanStore.create(dataSource).migrate();

    ContactRecord contact = new ContactRecord(LOST_AT, Channel.EMAIL, StepKind.FEEDBACK_REQUEST, plan.id());
    assertThat(upgraded.contactHistory("c1")).containsExactly(contact, contact);
    assertThat(upgraded.contactHistories(List.of("c1", "c2"))).containsOnlyKeys("c1", "c2")
        .hasEntrySatisfying("c2", contacts -> assertThat(contacts).hasSize(1));
    assertThat(upgraded.journal("c1")).containsExactly(started, done, again);
    assertThat(upgraded.claimDue(LOST_AT.plusSeconds(10), 10, "a", Duration.ofSeconds(50))).hasSize(2);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void upgradingFromTheThirdSchemaKeepsEveryCustomersPlansInTheOrderTheyStarted(String database,
      Supplier<PooledDataSource> newDatabase) throws Exception {
    PooledDataSource dataSource = newDatabase.get();
    JdbcPlanStore.create(dataSource).migrate(3);
    WinBackPlan first = plan("c1", LOST_AT.plusSeconds(1), 0); // its id sorts after the second's
    WinBackPlan second = plan("c1", LOST_AT, 0);
    WinBackPlan other = plan("c2", LOST_AT, 0);
    JournalEvent started = event(first, EventType.PLAN_STARTED, "started");
    JournalEvent done = event(first, EventType.STEP_DONE, "sent");
    JournalEvent again = event(second, EventType.STEP_DONE, "sent again");
    insertAsVersionThreeDid(dataSource, first, List.of(started, done));
    insertAsVersionThreeDid(dataSource, other, List.of(event(other, EventType.STEP_DONE, "sent")));
    insertAsVersionThreeDid(dataSource, second, List.of(again));

    JdbcPlanStore upgraded = JdbcPlanStore.create(dataSource).migrate();

    assertThat(upgraded.plans("c1")).containsExactly(first, second);
    assertThat(upgraded.latestPlan("c1")).contains(second);
    assertThat(upgraded.customerIds("", 10)).containsExactly("c1", "c2");
    assertThat(upgraded.journal("c1")).containsExactly(started, done, again);
    assertThat(upgraded.contactHistory("c1")).extracting(ContactRecord::planId)
        .containsExactly(first.id(), second.id());
    WinBackPlan third = plan("c1", LOST_AT.plusSeconds(2), 0);
    upgraded.insertIfAbsent(third, List.of());
    assertThat(upgraded.plans("c1")).containsExactly(first, second, third);
  }

  /** Writes a plan and its journal rows the way the store did in version 3 (contacts marked in the journal). */
  private static void insertAsVersionThreeDid(PooledDataSource dataSource, WinBackPlan plan, List<JournalEvent> events)
      throws Exception {
    insertAsVersionOneAndTwoDid(dataSource, plan, List.of());
    try (Connection c = dataSource.getConnection(); PreparedStatement p = c.prepareStatement("INSERT INTO "
        + "winback_journal (customer_id, plan_id, at_micros, type, body, contact_channel, contact_kind) "
        + "VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      for (JournalEvent event : events) {
        p.setString(1, event.customerId());
        p.setString(2, event.planId());
        p.setLong(3, JdbcPlanStore.micros(event.at()));
        p.setString(4, event.type().name());
        p.setString(5, Json.MAPPER.writeValueAsString(event));
        p.setString(6, event.channel().map(Enum::name).orElse(null));
        p.setString(7, event.stepKind().map(Enum::name).orElse(null));
        p.executeUpdate();
      }
    }
  }

  /** Writes a plan and its journal rows the way the store did before version 3 (contacts in their own table). */
  private static void insertAsVersionOneAndTwoDid(PooledDataSource dataSource, WinBackPlan plan,
      List<JournalEvent> events) throws Exception {
    try (Connection c = dataSource.getConnection()) {
      try (PreparedStatement p = c.prepareStatement("INSERT INTO winback_plan "
          + "(plan_id, customer_id, version, status, next_due, body) VALUES (?, ?, ?, ?, ?, ?)")) {
        p.setString(1, plan.id());
        p.setString(2, plan.customer().id());
        p.setLong(3, plan.version());
        p.setString(4, plan.status().name());
        p.setLong(5, JdbcPlanStore.nextDue(plan));
        p.setString(6, Json.MAPPER.writeValueAsString(plan));
        p.executeUpdate();
      }
      for (JournalEvent event : events) {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO winback_journal "
            + "(customer_id, plan_id, at_micros, type, body) VALUES (?, ?, ?, ?, ?)")) {
          p.setString(1, event.customerId());
          p.setString(2, event.planId());
          p.setLong(3, JdbcPlanStore.micros(event.at()));
          p.setString(4, event.type().name());
          p.setString(5, Json.MAPPER.writeValueAsString(event));
          p.executeUpdate();
        }
        if (event.type() == EventType.STEP_DONE) {
          try (PreparedStatement p = c.prepareStatement("INSERT INTO winback_contact "
              + "(customer_id, at_micros, channel, kind, plan_id) VALUES (?, ?, ?, ?, ?)")) {
            p.setString(1, event.customerId());
            p.setLong(2, JdbcPlanStore.micros(event.at()));
            p.setString(3, event.channel().orElseThrow().name());
            p.setString(4, event.stepKind().orElseThrow().name());
            p.setString(5, event.planId());
            p.executeUpdate();
          }
        }
      }
    }
  }
}
