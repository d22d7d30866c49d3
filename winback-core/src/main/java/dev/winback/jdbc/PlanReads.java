package dev.winback.jdbc;

import dev.winback.model.Channel;
import dev.winback.model.JournalEvent;
import dev.winback.model.StepKind;
import dev.winback.model.WinBackPlan;
import dev.winback.spi.ContactRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The store's reads of stored rows: plans, journals, contact histories and customer ids, skipping records that
 * cannot be read. Thread-safe: it holds only the data source and the dialect.
 */
final class PlanReads {
  /** A customer's plan bodies, oldest first. */
  static final String PLANS_OF_CUSTOMER = "SELECT p.body FROM winback_customer_plan o "
      + "JOIN winback_plan p ON p.plan_id = o.plan_id WHERE o.customer_id = ? ORDER BY o.seq";
  /** A customer's journal bodies, in order. */
  static final String JOURNAL_OF_CUSTOMER =
      "SELECT body FROM winback_journal WHERE customer_id = ? ORDER BY seq";

  private final DataSource dataSource;
  private final Dialect dialect;

  PlanReads(DataSource dataSource, Dialect dialect) {
    this.dataSource = dataSource;
    this.dialect = dialect;
  }

  /** A plan's stored text; empty when no plan has the id. */
  static Optional<String> body(Connection c, String planId) throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement("SELECT body FROM winback_plan WHERE plan_id = ?")) {
      p.setString(1, planId);
      try (ResultSet r = p.executeQuery()) {
        return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
      }
    }
  }

  /** The stored texts one customer's query selects. */
  static List<String> bodies(
      DataSource dataSource, String operation, String sql, String customerId) {
    return Transactions.read(dataSource, operation, c -> {
      try (PreparedStatement p = c.prepareStatement(sql)) {
        p.setString(1, customerId);
        List<String> values = new ArrayList<>();
        try (ResultSet r = p.executeQuery()) {
          while (r.next()) {
            values.add(r.getString(1));
          }
        }
        return values;
      }
    });
  }

  /** See {@link dev.winback.spi.PlanStore#find}. */
  Optional<WinBackPlan> find(String planId) {
    return Transactions.read(
        dataSource,
        "read plan",
        c -> body(c, planId).flatMap(body -> Rows.tryRead(body, WinBackPlan.class)));
  }

  /** The latest readable plan: the newest row's, unless that one cannot be read (then the newest readable). */
  Optional<WinBackPlan> latestPlan(String customerId) {
    for (String body : bodies(dataSource, "read plans", PLANS_OF_CUSTOMER + " DESC", customerId)) {
      Optional<WinBackPlan> plan = Rows.tryRead(body, WinBackPlan.class);
      if (plan.isPresent()) {
        return plan;
      }
    }
    return Optional.empty();
  }

  /** See {@link dev.winback.spi.PlanStore#plans}. */
  List<WinBackPlan> plans(String customerId) {
    List<WinBackPlan> plans = new ArrayList<>();
    for (String body : bodies(dataSource, "read plans", PLANS_OF_CUSTOMER, customerId)) {
      Rows.tryRead(body, WinBackPlan.class).ifPresent(plans::add);
    }
    return plans;
  }

  /** See {@link dev.winback.spi.PlanStore#customerIds}. */
  List<String> customerIds(String after, int limit) {
    return Transactions.read(dataSource, "list customers", c -> {
      try (PreparedStatement p =
          c.prepareStatement("SELECT DISTINCT customer_id FROM winback_customer_plan "
              + "WHERE customer_id > ? ORDER BY customer_id LIMIT ?")) {
        p.setString(1, after);
        p.setInt(2, limit);
        List<String> ids = new ArrayList<>();
        try (ResultSet r = p.executeQuery()) {
          while (r.next()) {
            ids.add(r.getString(1));
          }
        }
        return ids;
      }
    });
  }

  /** See {@link dev.winback.spi.PlanStore#journal}. */
  List<JournalEvent> journal(String customerId) {
    List<JournalEvent> events = new ArrayList<>();
    for (String body : bodies(dataSource, "read journal", JOURNAL_OF_CUSTOMER, customerId)) {
      Rows.tryRead(body, JournalEvent.class).ifPresent(events::add);
    }
    return events;
  }

  /** See {@link dev.winback.spi.PlanStore#contactHistory}. */
  List<ContactRecord> contactHistory(String customerId) {
    return Transactions.read(dataSource, "read contact history", c -> {
      try (PreparedStatement p = c.prepareStatement(
          "SELECT happened_at, contact_channel, contact_kind, plan_id "
              + "FROM winback_journal WHERE customer_id = ? AND contact_channel IS NOT NULL ORDER BY happened_at, seq")) {
        p.setString(1, customerId);
        List<ContactRecord> contacts = new ArrayList<>();
        try (ResultSet r = p.executeQuery()) {
          while (r.next()) {
            contacts.add(new ContactRecord(
                Rows.requiredInstant(r, 1),
                Channel.valueOf(r.getString(2)),
                StepKind.valueOf(r.getString(3)),
                r.getString(4)));
          }
        }
        return contacts;
      }
    });
  }

  /** See {@link dev.winback.spi.PlanStore#contactHistories}: read 500 customers at a time. */
  Map<String, List<ContactRecord>> contactHistories(Collection<String> customerIds) {
    Map<String, List<ContactRecord>> histories = new HashMap<>();
    List<String> ids = new ArrayList<>(customerIds);
    for (int from = 0; from < ids.size(); from += 500) {
      List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
      histories.putAll(Transactions.read(
          dataSource, "read contact histories", c -> dialect.contactHistories(c, chunk)));
    }
    return histories;
  }
}
