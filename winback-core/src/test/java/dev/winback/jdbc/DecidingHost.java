package dev.winback.jdbc;

import dev.winback.InvalidInputException;
import dev.winback.WinBack;
import dev.winback.model.CustomerResponse;
import dev.winback.model.Suppression;
import dev.winback.spi.StepResult;
import dev.winback.testing.PooledDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A host in its own JVM, for the cross-process tests: for every customer id it is given, opts them out, suppresses,
 * erases, records their decline, or has an operator pause or end their plan (by turns), and once the call has returned takes a tick from the database's
 * {@code ticks} sequence and records it in {@code decided}.
 */
public final class DecidingHost {
  private static final String OPERATOR = "operator-on-another-node";

  private DecidingHost() {}

  /**
   * Decides.
   *
   * @param args the JDBC URL, then the customer ids
   * @throws Exception when the database fails
   */
  public static void main(String[] args) throws Exception {
    PGSimpleDataSource postgres = new PGSimpleDataSource();
    postgres.setURL(args[0]);
    PooledDataSource dataSource = new PooledDataSource(postgres);
    try (WinBack winBack = WinBack.builder()
        .store(JdbcPlanStore.create(dataSource))
        .playbook(InfraPlaybook.create())
        .nodeId("decider")
        .feedback(c -> StepResult.sent())
        .apology(c -> StepResult.sent())
        .incentives(c -> StepResult.sent())
        .reEngagement(c -> StepResult.sent())
        .build()) {
      System.out.println("ready");
      for (int i = 1; i < args.length; i++) {
        String customer = args[i];
        String kind = switch (i % 6) {
          case 0 -> {
            winBack.optOut(customer);
            yield "opt-out";
          }
          case 1 -> {
            winBack.suppress(customer, Suppression.LEGAL_HOLD);
            yield "suppress";
          }
          case 2 -> {
            winBack.erase(customer);
            yield "erase";
          }
          case 3 -> {
            winBack.recordResponse(customer, CustomerResponse.DECLINED);
            yield "decline";
          }
          case 4 -> operatorAction(() -> winBack.operations().pause(customer, OPERATOR), "pause");
          default -> operatorAction(() -> winBack.operations().end(customer, OPERATOR), "end");
        };
        decided(dataSource, customer, kind);
      }
    }
  }

  /**
   * An operator's pause or end; a plan whose steps the runners finished first has ended already, which the action
   * refuses, and which stops contact all the same.
   */
  private static String operatorAction(Runnable action, String kind) {
    try {
      action.run();
      return kind;
    } catch (InvalidInputException e) {
      if (!e.getMessage().contains("already ended")) {
        throw e;
      }
      return kind + " (ended before)";
    }
  }

  private static void decided(DataSource dataSource, String customer, String kind)
      throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement p = c.prepareStatement(
            "INSERT INTO decided (tick, customer_id, kind) VALUES (nextval('ticks'), ?, ?)")) {
      p.setString(1, customer);
      p.setString(2, kind);
      p.executeUpdate();
    }
  }
}
