package dev.winback.jdbc;

import dev.winback.WinBack;
import dev.winback.spi.ContactDecision;
import dev.winback.spi.StepContext;
import dev.winback.spi.StepResult;
import dev.winback.testing.PooledDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A runner in its own JVM, for the cross-process tests: runs due steps on a PostgreSQL store until the test writes
 * a row into {@code stop}. Each strategy call first takes a tick from the database's {@code ticks} sequence and
 * records it with the step's idempotency key in {@code sent}, as a host's mail log would.
 */
public final class FencedRunner {
  private FencedRunner() {}

  /**
   * Runs.
   *
   * @param args the JDBC URL, the node id, the instant the runner's clock stands at
   * @throws Exception when the database fails
   */
  public static void main(String[] args) throws Exception {
    PGSimpleDataSource postgres = new PGSimpleDataSource();
    postgres.setURL(args[0]);
    PooledDataSource dataSource = new PooledDataSource(postgres);
    String node = args[1];
    Clock clock = Clock.fixed(Instant.parse(args[2]), ZoneOffset.UTC);
    try (WinBack winBack = WinBack.builder()
        .clock(clock)
        .store(JdbcPlanStore.create(dataSource))
        .playbook(InfraPlaybook.create())
        .nodeId(node)
        .lease(Duration.ofSeconds(2))
        .batchSize(20)
        .contactPolicy(
            request -> { // the host's own rule looks the customer up in its CRM: it takes a moment
              long until = System.nanoTime() + 2_000_000;
              while (System.nanoTime() < until) {
                Thread.onSpinWait();
              }
              return ContactDecision.allow();
            })
        .feedback(c -> send(dataSource, node, c))
        .apology(c -> send(dataSource, node, c))
        .incentives(c -> send(dataSource, node, c))
        .reEngagement(c -> send(dataSource, node, c))
        .build()) {
      System.out.println("ready");
      while (!stopped(dataSource)) {
        winBack.runDue();
      }
    }
  }

  static StepResult send(DataSource dataSource, String node, StepContext context)
      throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement p = c.prepareStatement(
            "INSERT INTO sent (tick, idempotency_key, customer_id, plan_id, step_index, node) "
                + "VALUES (nextval('ticks'), ?, ?, ?, ?, ?)")) {
      p.setString(1, context.idempotencyKey());
      p.setString(2, context.customer().id());
      p.setString(3, context.plan().id());
      p.setInt(4, context.step().index());
      p.setString(5, node);
      p.executeUpdate();
    }
    Thread.onSpinWait();
    return StepResult.sent();
  }

  private static boolean stopped(DataSource dataSource) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement p = c.prepareStatement("SELECT count(*) FROM stop");
        ResultSet r = p.executeQuery()) {
      r.next();
      return r.getInt(1) > 0;
    }
  }
}
