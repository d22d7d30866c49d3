package dev.winback.jdbc;

import dev.winback.WinBack;
import dev.winback.spi.StepContext;
import dev.winback.spi.StepResult;
import dev.winback.testing.PooledDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A runner in its own JVM, for the crash test: runs due steps forever on a PostgreSQL store, each strategy call
 * recording its idempotency key in the {@code sent} table (as a host's mail log would) before reporting success.
 * After {@code hangAfter} sends its host call hangs, mid-step, and the test kills it with {@code destroyForcibly}.
 */
public final class CrashingRunner {
  private CrashingRunner() {}

  public static void main(String[] args) throws Exception {
    PGSimpleDataSource postgres = new PGSimpleDataSource();
    postgres.setURL(args[0]);
    PooledDataSource dataSource = new PooledDataSource(postgres);
    String node = args[1];
    int hangAfter = Integer.parseInt(args[3]);
    java.util.concurrent.atomic.AtomicInteger sends =
        new java.util.concurrent.atomic.AtomicInteger();
    WinBack winBack = WinBack.builder()
        .store(JdbcPlanStore.create(dataSource))
        .playbook(InfraPlaybook.create())
        .nodeId(node)
        .lease(Duration.ofSeconds(Long.parseLong(args[2])))
        .batchSize(50)
        .feedback(c -> sendThenMaybeHang(dataSource, node, c, sends, hangAfter))
        .apology(c -> sendThenMaybeHang(dataSource, node, c, sends, hangAfter))
        .incentives(c -> sendThenMaybeHang(dataSource, node, c, sends, hangAfter))
        .reEngagement(c -> sendThenMaybeHang(dataSource, node, c, sends, hangAfter))
        .build();
    System.out.println("ready");
    while (true) {
      winBack.runDue();
    }
  }

  private static StepResult sendThenMaybeHang(
      javax.sql.DataSource dataSource,
      String node,
      StepContext context,
      java.util.concurrent.atomic.AtomicInteger sends,
      int hangAfter)
      throws Exception {
    StepResult result = send(dataSource, node, context);
    if (sends.incrementAndGet() >= hangAfter) {
      Thread.sleep(
          600_000); // the host call hangs after sending: the step is left running when the JVM dies
    }
    return result;
  }

  /** Records a send as a host's mail log would, with the step's idempotency key. */
  static StepResult send(javax.sql.DataSource dataSource, String node, StepContext context)
      throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement p = c.prepareStatement(
            "INSERT INTO sent (idempotency_key, plan_id, step_index, node) VALUES (?, ?, ?, ?)")) {
      p.setString(1, context.idempotencyKey());
      p.setString(2, context.plan().id());
      p.setInt(3, context.step().index());
      p.setString(4, node);
      p.executeUpdate();
    }
    return StepResult.sent();
  }
}
