package dev.winback.jdbc;

import dev.winback.model.Backlog;
import dev.winback.model.EventType;
import dev.winback.model.JournalEvent;
import dev.winback.model.PlanStatus;
import dev.winback.spi.PlanStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The store's answers for operators, metrics and health checks: the due backlog (from the due index), the plans by
 * status and the newest notable journal events (from the index schema version 2 adds). Thread-safe: it holds only
 * the data source.
 */
final class Overview {
  private final DataSource dataSource;

  Overview(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** See {@link PlanStore#backlog}. */
  Backlog backlog(Instant now) {
    return Transactions.read(dataSource, "read the due backlog", c -> {
      try (PreparedStatement p = c.prepareStatement(
          "SELECT count(*), min(next_due) FROM winback_plan WHERE next_due <= ?")) {
        Rows.setTime(p, 1, now);
        try (ResultSet r = p.executeQuery()) {
          r.next();
          long due = r.getLong(1);
          return due == 0
              ? Backlog.empty()
              : new Backlog(due, Optional.of(Rows.requiredInstant(r, 2)));
        }
      }
    });
  }

  /** See {@link PlanStore#planCounts}; a status no version of WinBack knows is left out. */
  Map<PlanStatus, Long> planCounts() {
    return Transactions.read(dataSource, "count plans by status", c -> {
      Map<PlanStatus, Long> counts = new EnumMap<>(PlanStatus.class);
      for (PlanStatus status : PlanStatus.values()) {
        counts.put(status, 0L);
      }
      try (PreparedStatement p =
              c.prepareStatement("SELECT status, count(*) FROM winback_plan GROUP BY status");
          ResultSet r = p.executeQuery()) {
        while (r.next()) {
          String status = r.getString(1);
          for (PlanStatus known : PlanStatus.values()) {
            if (known.name().equals(status)) {
              counts.put(known, r.getLong(2));
            }
          }
        }
      }
      return counts;
    });
  }

  /** See {@link PlanStore#recentEvents}. */
  List<JournalEvent> recentEvents(Set<EventType> types, int limit) {
    PlanStore.requireNotable(types);
    if (types.isEmpty() || limit <= 0) {
      return List.of();
    }
    StringBuilder sql = new StringBuilder("SELECT body FROM winback_journal WHERE type IN (");
    for (int i = 0; i < types.size(); i++) {
      sql.append(i == 0 ? "?" : ", ?");
    }
    sql.append(") ORDER BY happened_at DESC, seq DESC LIMIT ?");
    return Transactions.read(dataSource, "read recent events", c -> {
      try (PreparedStatement p = c.prepareStatement(sql.toString())) {
        int index = 1;
        for (EventType type : types) {
          p.setString(index++, type.name());
        }
        p.setInt(index, limit);
        List<JournalEvent> events = new ArrayList<>();
        try (ResultSet r = p.executeQuery()) {
          while (r.next()) {
            Rows.tryRead(r.getString(1), JournalEvent.class).ifPresent(events::add);
          }
        }
        return events;
      }
    });
  }
}
