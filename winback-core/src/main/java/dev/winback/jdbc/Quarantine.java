package dev.winback.jdbc;

import dev.winback.model.EventType;
import dev.winback.model.JournalEvent;
import dev.winback.model.PlanStatus;
import dev.winback.model.WinBackPlan;
import dev.winback.spi.QuarantinedPlan;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Quarantined plans: taking a due plan whose row cannot be read out of the due order, and listing such plans for
 * operators. Thread-safe: it holds only the data source and the dialect.
 */
final class Quarantine {
  /** The store's logger: hosts configure WinBack's JDBC logging by the store's name. */
  private static final Logger LOG = LoggerFactory.getLogger(JdbcPlanStore.class);

  private final DataSource dataSource;
  private final Dialect dialect;

  Quarantine(DataSource dataSource, Dialect dialect) {
    this.dataSource = dataSource;
    this.dialect = dialect;
  }

  /** Takes a plan whose row cannot be read out of the due order, and journals why by the exception's type only. */
  void quarantine(Connection c, Rows.ClaimedRow row, Instant now) throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement("UPDATE winback_plan SET status = ?, next_due = NULL, "
            + "lease_owner = NULL, lease_until = NULL WHERE plan_id = ?")) {
      p.setString(1, PlanStatus.QUARANTINED.name());
      p.setString(2, row.planId());
      p.executeUpdate();
    }
    String cause = Rows.unreadableBecause(row.body(), WinBackPlan.class);
    PlanWrites.appendEvents(
        dialect,
        c,
        List.of(JournalEvent.builder()
            .customerId(row.customerId())
            .planId(row.planId())
            .at(now)
            .type(EventType.PLAN_QUARANTINED)
            .detail("the stored plan cannot be read: " + cause)
            .build()));
    LOG.warn("A due plan's stored record could not be read ({}); it was quarantined", cause);
  }

  /** See {@link dev.winback.spi.PlanStore#quarantined}. */
  List<QuarantinedPlan> list(String afterPlanId, int limit) {
    return Transactions.read(dataSource, "list quarantined plans", c -> {
      Map<String, String> customers = new LinkedHashMap<>();
      try (PreparedStatement p = c.prepareStatement("SELECT plan_id, customer_id FROM winback_plan "
          + "WHERE status = ? AND plan_id > ? ORDER BY plan_id LIMIT ?")) {
        p.setString(1, PlanStatus.QUARANTINED.name());
        p.setString(2, afterPlanId);
        p.setInt(3, limit);
        try (ResultSet r = p.executeQuery()) {
          while (r.next()) {
            customers.put(r.getString(1), r.getString(2));
          }
        }
      }
      List<QuarantinedPlan> plans = new ArrayList<>(customers.size());
      try (PreparedStatement p = c.prepareStatement("SELECT happened_at, body FROM winback_journal "
          + "WHERE customer_id = ? AND plan_id = ? AND type = ? ORDER BY seq DESC")) {
        for (Map.Entry<String, String> plan : customers.entrySet()) {
          p.setString(1, plan.getValue());
          p.setString(2, plan.getKey());
          p.setString(3, EventType.PLAN_QUARANTINED.name());
          Instant at = Instant.EPOCH;
          String reason = "unknown";
          try (ResultSet r = p.executeQuery()) {
            if (r.next()) {
              at = Rows.requiredInstant(r, 1);
              reason = Rows.tryRead(r.getString(2), JournalEvent.class)
                  .map(JournalEvent::detail)
                  .orElse(reason);
            }
          }
          plans.add(new QuarantinedPlan(plan.getKey(), plan.getValue(), at, reason));
        }
      }
      return plans;
    });
  }
}
