package dev.winback.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.winback.testing.Databases;
import dev.winback.testing.PooledDataSource;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Separate JVMs on one PostgreSQL record new losses for the same customers at the same moment: each customer ends
 * with exactly one active plan, every time, because the database (a unique index on active plans, and the customer's
 * fence) decides, not a lock inside one JVM.
 */
class ConcurrentStartAcrossProcessesTest {
  private static final int NODES = 2;
  private static final int CUSTOMERS = 60;
  private static final int ROUNDS = 5;

  @Test
  void twoNodesStartingLossesForTheSameCustomersAtOnceLeaveExactlyOneActivePlanEach()
      throws Exception {
    PooledDataSource dataSource = Databases.newPostgres();
    String url = Databases.postgresUrl(Databases.lastPostgresDatabase());
    JdbcPlanStore.create(dataSource).migrate();
    for (int round = 0; round < ROUNDS; round++) {
      String prefix = "r" + round + "c";
      List<Process> nodes = new ArrayList<>();
      try {
        for (int node = 0; node < NODES; node++) {
          nodes.add(new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-cp",
                  System.getProperty("java.class.path"),
                  StartingNode.class.getName(),
                  url,
                  prefix,
                  String.valueOf(CUSTOMERS),
                  String.valueOf(node + 1)) // each node knows of a different, later loss
              .redirectErrorStream(true)
              .start());
        }
        List<BufferedReader> outputs = new ArrayList<>();
        for (Process node : nodes) {
          BufferedReader output = new BufferedReader(
              new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8));
          outputs.add(output);
          assertThat(lineStartingWith(output, "ready")).isEqualTo("ready");
        }
        for (Process node : nodes) { // every node is built and waiting: release them together
          OutputStream input = node.getOutputStream();
          input.write("go\n".getBytes(StandardCharsets.UTF_8));
          input.flush();
        }
        for (int node = 0; node < NODES; node++) {
          assertThat(lineStartingWith(outputs.get(node), "started"))
              .as("round %d, node %d", round, node)
              .isEqualTo("started");
          assertThat(nodes.get(node).waitFor(60, TimeUnit.SECONDS)).isTrue();
          assertThat(nodes.get(node).exitValue()).isZero();
        }
      } finally {
        nodes.forEach(Process::destroyForcibly);
      }

      assertThat(JdbcTests.count(
              dataSource,
              "SELECT count(DISTINCT customer_id) FROM winback_plan WHERE customer_id LIKE '"
                  + prefix + "%'"))
          .as("round %d: customers with plans", round)
          .isEqualTo(CUSTOMERS);
      assertThat(JdbcTests.count(
              dataSource,
              "SELECT count(*) FROM (SELECT customer_id FROM winback_plan WHERE customer_id LIKE '"
                  + prefix
                  + "%' AND status = 'ACTIVE' GROUP BY customer_id HAVING count(*) = 1) one"))
          .as("round %d: customers with exactly one active plan", round)
          .isEqualTo(CUSTOMERS);
    }
    dataSource.closeAll();
  }

  /** The first line that starts with {@code prefix} or tells of a failure; skips the driver's log lines. */
  private static String lineStartingWith(BufferedReader output, String prefix) throws Exception {
    for (String line = output.readLine(); line != null; line = output.readLine()) {
      if (line.startsWith(prefix) || line.startsWith("failed")) {
        return line;
      }
    }
    return "no output";
  }
}
