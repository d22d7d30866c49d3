package dev.winback.jdbc;

import static dev.winback.testing.Customers.lost;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.winback.ManualClock;
import dev.winback.RunSummary;
import dev.winback.WinBack;
import dev.winback.model.EventType;
import dev.winback.model.JournalEvent;
import dev.winback.model.PlanStatus;
import dev.winback.model.StepStatus;
import dev.winback.model.WinBackPlan;
import dev.winback.testing.Databases;
import dev.winback.testing.PooledDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A runner in a child JVM is killed ({@code destroyForcibly}) in the middle of its batches, three times over; then a
 * runner of this JVM recovers. Every step has run, none was lost, and every step that ran twice ran with the same
 * idempotency key.
 */
class CrashRecoveryTest {
  private static final int CUSTOMERS = 400;

  @Test
  void killedRunnersLoseNoStepAndReRunsKeepTheirIdempotencyKey() throws Exception {
    PooledDataSource dataSource = Databases.newPostgres();
    String database = Databases.lastPostgresDatabase();
    JdbcPlanStore store = JdbcPlanStore.create(dataSource).migrate();
    execute(
        dataSource,
        "CREATE TABLE sent (idempotency_key VARCHAR(100) NOT NULL, plan_id VARCHAR(400) NOT NULL, "
            + "step_index INT NOT NULL, node VARCHAR(100) NOT NULL)");
    ManualClock past = ManualClock.at(Instant.now().minus(Duration.ofDays(100)));
    WinBack starter = engine(store, past, "starter", dataSource);
    for (int i = 0; i < CUSTOMERS; i++) {
      starter.start(lost("c" + i).lostAt(past.instant()).build());
    }

    for (int round = 1; round <= 3; round++) {
      int before = count(dataSource, "SELECT count(*) FROM sent");
      Process child = new ProcessBuilder(
              Path.of(System.getProperty("java.home"), "bin", "java").toString(),
              "-cp",
              System.getProperty("java.class.path"),
              CrashingRunner.class.getName(),
              Databases.postgresUrl(database),
              "child-" + round,
              "2",
              "150")
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .start();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (count(dataSource, "SELECT count(*) FROM sent") < before + 150) {
        if (System.nanoTime() > deadline || child.waitFor(20, TimeUnit.MILLISECONDS)) {
          child.destroyForcibly();
          fail("the child runner made no progress in round " + round);
        }
      }
      child.destroyForcibly().waitFor();
    }
    int sentBeforeRecovery = count(dataSource, "SELECT count(*) FROM sent");

    // an hour later, by the engine's clock and by the database's lease clock: every child's lease
    // has lapsed
    ManualClock later = ManualClock.at(Instant.now().plus(Duration.ofHours(1)));
    WinBack recoverer =
        engine(store.withLeaseClockAhead(Duration.ofHours(1)), later, "recoverer", dataSource);
    RunSummary summary;
    do {
      summary = recoverer.runDue();
    } while (summary.total() > 0);

    Map<String, Integer> sendsPerStep = new HashMap<>();
    Map<String, Integer> keysPerStep = new HashMap<>();
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(
            "SELECT plan_id, step_index, count(*), count(DISTINCT idempotency_key) FROM sent GROUP BY plan_id, step_index")) {
      while (r.next()) {
        sendsPerStep.put(r.getString(1) + "#" + r.getInt(2), r.getInt(3));
        keysPerStep.put(r.getString(1) + "#" + r.getInt(2), r.getInt(4));
      }
    }
    Set<String> recoveredSteps = new HashSet<>();
    for (int i = 0; i < CUSTOMERS; i++) {
      WinBackPlan plan = recoverer.plan("c" + i).orElseThrow();
      assertThat(plan.status()).as("plan of c%d", i).isEqualTo(PlanStatus.UNRESPONSIVE);
      assertThat(plan.steps())
          .allSatisfy(step -> assertThat(step.status()).isEqualTo(StepStatus.DONE));
      for (JournalEvent event : recoverer.history("c" + i)) {
        if (event.type() == EventType.STEP_RECOVERED) {
          recoveredSteps.add(event.planId() + "#" + event.stepIndex().orElseThrow());
        }
      }
    }
    assertThat(sentBeforeRecovery).isGreaterThan(400);
    assertThat(sendsPerStep).as("every step ran").hasSize(CUSTOMERS * 4);
    assertThat(keysPerStep.values())
        .as("every run of a step carried the same idempotency key")
        .containsOnly(1);
    sendsPerStep.forEach((step, sends) -> {
      if (sends > 1) {
        assertThat(recoveredSteps)
            .as("%s ran %d times: only after a crash", step, sends)
            .contains(step);
      }
    });
    assertThat(recoveredSteps).as("steps recovered from the killed runners").isNotEmpty();
    dataSource.closeAll();
  }

  private static WinBack engine(
      JdbcPlanStore store, ManualClock clock, String node, PooledDataSource log) {
    return WinBack.builder()
        .clock(clock)
        .store(store)
        .playbook(InfraPlaybook.create())
        .nodeId(node)
        .feedback(c -> CrashingRunner.send(log, node, c))
        .apology(c -> CrashingRunner.send(log, node, c))
        .incentives(c -> CrashingRunner.send(log, node, c))
        .reEngagement(c -> CrashingRunner.send(log, node, c))
        .build();
  }

  private static void execute(PooledDataSource dataSource, String sql) throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static int count(PooledDataSource dataSource, String sql) throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getInt(1);
    }
  }
}
