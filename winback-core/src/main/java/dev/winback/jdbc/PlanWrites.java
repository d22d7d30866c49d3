package dev.winback.jdbc;

import dev.winback.ConcurrentUpdateException;
import dev.winback.StoreException;
import dev.winback.model.JournalEvent;
import dev.winback.model.WinBackPlan;
import dev.winback.spi.PlanChange;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * The store's plan writes: a new plan, and changes to stored ones under optimistic locking, each with its journal
 * events in the same transaction. Thread-safe: it holds only the data source and the dialect.
 */
final class PlanWrites {
  private final DataSource dataSource;
  private final Dialect dialect;

  PlanWrites(DataSource dataSource, Dialect dialect) {
    this.dataSource = dataSource;
    this.dialect = dialect;
  }

  /** See {@link dev.winback.spi.PlanStore#insertIfAbsent}. */
  WinBackPlan insertIfAbsent(WinBackPlan plan, List<JournalEvent> events) {
    return Transactions.write(dataSource, "insert plan", c -> {
      if (dialect.insertPlan(c, plan)) {
        Rows.fileUnderCustomers(c, List.of(plan));
        appendEvents(dialect, c, events);
        return plan;
      }
      Optional<String> stored = PlanReads.body(c, plan.id());
      if (stored.isEmpty()) {
        throw ConcurrentUpdateException.anotherActivePlan(plan.id());
      }
      return Rows.tryRead(stored.get(), WinBackPlan.class)
          .orElseThrow(() -> new StoreException(
              "insert plan: a plan with the same id is stored but cannot be read (see unreadableRecords)",
              "unknown"));
    });
  }

  /** Stores the changes in one transaction and, when {@code owner} is given, releases its claims on them. */
  List<Boolean> updateAll(List<PlanChange> changes, @Nullable String owner) {
    if (changes.isEmpty()) {
      return List.of();
    }
    return Transactions.write(dataSource, "update plans", c -> {
      boolean[] ok;
      try {
        ok = dialect.update(c, changes, owner);
      } catch (SQLException e) {
        if ("23505"
            .equals(
                e.getSQLState())) { // a plan made active while its customer has another active plan
          throw ConcurrentUpdateException.anotherActivePlan(
              changes.get(0).plan().id());
        }
        throw e;
      }
      List<Boolean> stored = new ArrayList<>(changes.size());
      List<JournalEvent> events = new ArrayList<>();
      for (int i = 0; i < changes.size(); i++) {
        stored.add(ok[i]);
        if (ok[i]) {
          events.addAll(changes.get(i).events());
        }
      }
      appendEvents(dialect, c, events);
      return stored;
    });
  }

  /** Appends journal rows in the order given; nothing when there are none. */
  static void appendEvents(Dialect dialect, Connection c, List<JournalEvent> events)
      throws SQLException {
    if (!events.isEmpty()) {
      dialect.appendEvents(c, events);
    }
  }
}
