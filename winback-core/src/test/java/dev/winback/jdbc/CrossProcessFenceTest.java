package dev.winback.jdbc;

import static dev.winback.testing.Customers.lost;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.winback.ManualClock;
import dev.winback.WinBack;
import dev.winback.spi.StepResult;
import dev.winback.testing.Databases;
import dev.winback.testing.PooledDataSource;
import java.io.File;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Separate JVMs on one PostgreSQL: two runner processes send while a third process opts out, suppresses, erases,
 * records the decline of, or (as an operator) pauses or ends the plan of 200 of 300 customers. No send starts after
 * such a call returned, on any node; no step is invoked under two idempotency keys; and with runners killed at
 * random, no step is lost.
 */
class CrossProcessFenceTest {
  private static final int CUSTOMERS = 300;
  private static final int DECIDED = 200;
  private static final int STEPS_PER_PLAN = 4;
  private static final Instant LOST_AT = Instant.parse("2026-01-05T12:00:00Z");
  private static final Instant RUNNERS_AT = LOST_AT.plus(Duration.ofDays(200)); // every step is due

  @Test
  void noSendStartsOnAnyNodeAfterAnOptOutSuppressionErasureOrDeclineReturned() throws Exception {
    run(false);
  }

  @Test
  void runnersKilledAtRandomLoseNoStepAndStillNeverSendAfterADecision() throws Exception {
    run(true);
  }

  private void run(boolean killRunners) throws Exception {
    PooledDataSource dataSource = Databases.newPostgres();
    String url = Databases.postgresUrl(Databases.lastPostgresDatabase());
    JdbcPlanStore store = JdbcPlanStore.create(dataSource).migrate();
    execute(dataSource, "CREATE SEQUENCE ticks");
    execute(
        dataSource,
        "CREATE TABLE sent (tick BIGINT NOT NULL, idempotency_key TEXT NOT NULL, "
            + "customer_id TEXT NOT NULL, plan_id TEXT NOT NULL, step_index INT NOT NULL, node TEXT NOT NULL)");
    execute(
        dataSource,
        "CREATE TABLE decided (tick BIGINT NOT NULL, customer_id TEXT NOT NULL, kind TEXT NOT NULL)");
    execute(dataSource, "CREATE TABLE stop (at TIMESTAMP)");
    try (WinBack starter = WinBack.builder()
        .clock(ManualClock.at(LOST_AT))
        .store(store)
        .playbook(InfraPlaybook.create())
        .feedback(c -> StepResult.sent())
        .apology(c -> StepResult.sent())
        .incentives(c -> StepResult.sent())
        .reEngagement(c -> StepResult.sent())
        .build()) {
      for (int i = 0; i < CUSTOMERS; i++) {
        starter.start(lost("c" + i).lostAt(LOST_AT).build());
      }
    }
    List<String> decided = new ArrayList<>();
    for (int i = 0; i < DECIDED; i++) {
      decided.add("c" + i);
    }
    Random random = new Random(18);
    Collections.shuffle(decided, random);

    List<Process> runners =
        new ArrayList<>(List.of(runner(url, "runner-a"), runner(url, "runner-b")));
    List<String> deciderArgs = new ArrayList<>(List.of(url));
    deciderArgs.addAll(decided);
    Process decider = java(DecidingHost.class, "decider", deciderArgs.toArray(String[]::new));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
    int killed = 0;
    while (decider.isAlive()
        || undecidedStepsSent(dataSource) < (CUSTOMERS - DECIDED) * STEPS_PER_PLAN) {
      if (System.nanoTime() > deadline) {
        runners.forEach(Process::destroyForcibly);
        decider.destroyForcibly();
        fail("the runners did not finish in time: " + undecidedStepsSent(dataSource)
            + " steps sent");
      }
      if (killRunners
          && killed < 4
          && count(dataSource, "SELECT count(*) FROM sent") > 60 * (killed + 1)) {
        Process victim = runners.remove(random.nextInt(runners.size()));
        victim.destroyForcibly().waitFor();
        killed++;
        runners.add(runner(url, "runner-" + (char) ('c' + killed)));
      }
      runners.stream()
          .filter(p -> !p.isAlive())
          .findFirst()
          .ifPresent(dead -> fail("a runner exited on its own with " + dead.exitValue()));
      Thread.onSpinWait();
      decider.waitFor(20, TimeUnit.MILLISECONDS);
    }
    assertThat(decider.exitValue()).as("the deciding host's exit code").isZero();
    execute(dataSource, "INSERT INTO stop VALUES (now())");
    for (Process runner : runners) {
      assertThat(runner.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    Map<String, Long> decidedAt = longs(dataSource, "SELECT customer_id, tick FROM decided");
    Map<String, Long> lastSendAt =
        longs(dataSource, "SELECT customer_id, max(tick) FROM sent GROUP BY customer_id");
    assertThat(decidedAt).hasSize(DECIDED);
    decidedAt.forEach((customer, returnedAt) -> assertThat(lastSendAt.getOrDefault(customer, 0L))
        .as("the last send to %s started before its decision returned", customer)
        .isLessThan(returnedAt));
    assertThat(decidedAt.keySet())
        .as("customers who were sent something before their decision")
        .filteredOn(lastSendAt::containsKey)
        .isNotEmpty();
    assertThat(count(dataSource, "SELECT count(*) FROM decided WHERE kind IN ('pause', 'end')"))
        .as("operators' pauses and ends of plans still running")
        .isPositive();
    assertThat(count(
            dataSource,
            "SELECT count(*) FROM (SELECT plan_id, step_index FROM sent "
                + "GROUP BY plan_id, step_index HAVING count(DISTINCT idempotency_key) > 1) twice"))
        .as("steps invoked under two keys")
        .isZero();
    if (killRunners) {
      assertThat(killed).isEqualTo(4);
    }
    dataSource.closeAll();
  }

  private static int undecidedStepsSent(PooledDataSource dataSource) throws SQLException {
    return count(
        dataSource,
        "SELECT count(*) FROM (SELECT DISTINCT plan_id, step_index FROM sent "
            + "WHERE CAST(substring(customer_id FROM 2) AS INT) >= " + DECIDED + ") steps");
  }

  private static Process runner(String url, String node) throws Exception {
    return java(FencedRunner.class, node, url, node, RUNNERS_AT.toString());
  }

  private static Process java(Class<?> main, String name, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp",
        System.getProperty("java.class.path"),
        main.getName()));
    command.addAll(List.of(args));
    File log = Path.of("target", "cross-process-" + name + ".log").toFile();
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(log)
        .start();
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

  private static Map<String, Long> longs(PooledDataSource dataSource, String sql)
      throws SQLException {
    Map<String, Long> values = new HashMap<>();
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      while (r.next()) {
        values.put(r.getString(1), r.getLong(2));
      }
    }
    return values;
  }
}
