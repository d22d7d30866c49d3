package dev.winback.jdbc;

import dev.winback.StoreException;
import dev.winback.model.JournalEvent;
import dev.winback.model.WinBackPlan;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;

/**
 * A customer's records under their rights of access and erasure: the raw text of the records that cannot be read,
 * for an export, and anonymisation, which copies the readable ones under an anonymous id and deletes the rest.
 * Thread-safe: it holds only the data source and the dialect.
 */
final class Erasure {
  private final DataSource dataSource;
  private final Dialect dialect;

  Erasure(DataSource dataSource, Dialect dialect) {
    this.dataSource = dataSource;
    this.dialect = dialect;
  }

  /** See {@link dev.winback.spi.PlanStore#unreadableRecords}: the plans' first, then the journal's, in order. */
  List<String> unreadableRecords(String customerId) {
    List<String> unreadable = new ArrayList<>();
    for (String body :
        PlanReads.bodies(dataSource, "read plans", PlanReads.PLANS_OF_CUSTOMER, customerId)) {
      if (Rows.tryRead(body, WinBackPlan.class).isEmpty()) {
        unreadable.add(body);
      }
    }
    for (String body :
        PlanReads.bodies(dataSource, "read journal", PlanReads.JOURNAL_OF_CUSTOMER, customerId)) {
      if (Rows.tryRead(body, JournalEvent.class).isEmpty()) {
        unreadable.add(body);
      }
    }
    return unreadable;
  }

  /**
   * See {@link dev.winback.spi.PlanStore#anonymise}: in one transaction, deletes the customer's plans, journal and
   * grants, unreadable ones included, and stores anonymous copies of the readable plans and events.
   */
  void anonymise(
      String customerId,
      UnaryOperator<WinBackPlan> anonymisePlan,
      UnaryOperator<JournalEvent> anonymiseEvent) {
    Transactions.write(dataSource, "erase a customer", c -> {
      List<String> planIds = planIds(c, customerId);
      List<WinBackPlan> plans = new ArrayList<>();
      try (PreparedStatement p =
          c.prepareStatement("SELECT body FROM winback_plan WHERE plan_id = ? FOR UPDATE")) {
        for (String planId : planIds) {
          p.setString(1, planId);
          try (ResultSet r = p.executeQuery()) {
            if (r.next()) {
              Rows.tryRead(r.getString(1), WinBackPlan.class).ifPresent(plans::add);
            }
          }
        }
      }
      try (PreparedStatement p = c.prepareStatement("DELETE FROM winback_plan WHERE plan_id = ?")) {
        for (String planId : planIds) {
          p.setString(1, planId);
          p.addBatch();
        }
        p.executeBatch();
      }
      List<JournalEvent> events = new ArrayList<>();
      try (PreparedStatement p = c.prepareStatement(PlanReads.JOURNAL_OF_CUSTOMER)) {
        p.setString(1, customerId);
        try (ResultSet r = p.executeQuery()) {
          while (r.next()) {
            Rows.tryRead(r.getString(1), JournalEvent.class)
                .ifPresent(e -> events.add(anonymiseEvent.apply(e)));
          }
        }
      }
      for (String table : List.of("winback_customer_plan", "winback_journal", "winback_grant")) {
        try (PreparedStatement p =
            c.prepareStatement("DELETE FROM " + table + " WHERE customer_id = ?")) {
          p.setString(1, customerId);
          p.executeUpdate();
        }
      }
      List<WinBackPlan> copies = new ArrayList<>(plans.size());
      for (WinBackPlan plan : plans) {
        WinBackPlan copy = anonymisePlan.apply(plan); // the copy's customer id is the anonymous id
        if (!dialect.insertPlan(c, copy)) {
          throw new StoreException(
              "erase a customer: an anonymous copy clashes with a stored plan", "23505");
        }
        copies.add(copy);
      }
      Rows.fileUnderCustomers(c, copies);
      PlanWrites.appendEvents(dialect, c, events);
      return true;
    });
  }

  /** The ids of a customer's plans, oldest first. */
  private static List<String> planIds(Connection c, String customerId) throws SQLException {
    List<String> planIds = new ArrayList<>();
    try (PreparedStatement p = c.prepareStatement(
        "SELECT plan_id FROM winback_customer_plan WHERE customer_id = ? ORDER BY seq")) {
      p.setString(1, customerId);
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          planIds.add(r.getString(1));
        }
      }
    }
    return planIds;
  }
}
