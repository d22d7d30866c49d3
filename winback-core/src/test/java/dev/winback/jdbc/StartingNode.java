package dev.winback.jdbc;

import static dev.winback.testing.Customers.lost;

import dev.winback.ManualClock;
import dev.winback.WinBack;
import dev.winback.spi.StepResult;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A node in its own JVM, for the concurrent-start test: builds an engine on the database, says "ready", waits for
 * "go" on its standard input (so that the test releases every node at once), then records a new loss for each of the
 * customers {@code prefix0} to {@code prefixN-1}, lost {@code hours} after the test's base time, says "started" and
 * exits 0, or says "failed" and exits 1.
 *
 * <p>Arguments: database URL, customer prefix, customer count, hours after the base time.
 */
public final class StartingNode {
  static final Instant BASE = Instant.parse("2026-03-02T09:00:00Z");

  private StartingNode() {}

  public static void main(String[] args) throws Exception {
    PGSimpleDataSource postgres = new PGSimpleDataSource();
    postgres.setURL(args[0]);
    String prefix = args[1];
    int customers = Integer.parseInt(args[2]);
    Instant lostAt = BASE.plus(Duration.ofHours(Long.parseLong(args[3])));
    try (WinBack node = WinBack.builder()
        .clock(ManualClock.at(lostAt))
        .store(JdbcPlanStore.create(postgres))
        .playbook(InfraPlaybook.create())
        .feedback(c -> StepResult.sent())
        .apology(c -> StepResult.sent())
        .incentives(c -> StepResult.sent())
        .reEngagement(c -> StepResult.sent())
        .build()) {
      System.out.println("ready");
      System.out.flush();
      new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
      for (int i = 0; i < customers; i++) {
        node.start(lost(prefix + i).lostAt(lostAt).build());
      }
      System.out.println("started");
    } catch (RuntimeException e) {
      System.out.println("failed: " + e);
      System.exit(1);
    }
  }
}
