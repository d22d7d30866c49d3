package dev.winback.jdbc;

import dev.winback.model.JournalEvent;
import dev.winback.model.WinBackPlan;
import dev.winback.spi.ContactRecord;
import dev.winback.spi.PlanChange;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * H2: claims row by row under {@code FOR UPDATE}, batch writes as JDBC batches, the fence and the migration lock as
 * row locks (H2 has no advisory locks), leases by the database's {@code CURRENT_TIMESTAMP}.
 */
final class H2Dialect implements Dialect {
  /** H2's state for a lock wait that timed out (its {@code LOCK_TIMEOUT}). */
  private static final String LOCK_TIMEOUT = "HYT00";

  private static final String DUPLICATE_KEY = "23505";
  /** How long a migration waits for another process's migration before it gives up. */
  private static final long MIGRATION_WAIT_NANOS = TimeUnit.MINUTES.toNanos(10);

  private final Duration leaseClockOffset;
  /** The database clock that judges leases (plus a test's offset). */
  private final String leaseNow;

  H2Dialect(Duration leaseClockOffset) {
    this.leaseClockOffset = leaseClockOffset;
    this.leaseNow = leaseClockOffset.isZero()
        ? "CURRENT_TIMESTAMP"
        : "DATEADD(MICROSECOND, " + leaseClockOffset.toNanos() / 1000 + ", CURRENT_TIMESTAMP)";
  }

  @Override
  public String name() {
    return "H2";
  }

  @Override
  public String scriptSuffix() {
    return ".h2.sql";
  }

  @Override
  public Dialect withLeaseClockOffset(Duration offset) {
    return new H2Dialect(offset);
  }

  /**
   * A row lock on the one row of {@code winback_schema_lock}, held by a transaction on a second connection: on H2
   * every DDL statement commits, which would end a lock held on the migration's own connection.
   */
  @Override
  public MigrationLock lockMigrations(DataSource dataSource, Connection migration)
      throws SQLException {
    try (Statement s = migration.createStatement()) {
      s.execute("CREATE TABLE IF NOT EXISTS winback_schema_lock (id INT NOT NULL PRIMARY KEY)");
      insertIgnoringDuplicate(
          s,
          "INSERT INTO winback_schema_lock (id) SELECT 1 "
              + "WHERE NOT EXISTS (SELECT 1 FROM winback_schema_lock WHERE id = 1)");
    }
    Connection lock = dataSource.getConnection();
    try {
      lock.setAutoCommit(false);
      long deadline = System.nanoTime() + MIGRATION_WAIT_NANOS;
      while (true) {
        try (Statement s = lock.createStatement()) {
          s.executeQuery("SELECT id FROM winback_schema_lock WHERE id = 1 FOR UPDATE")
              .close();
          break;
        } catch (SQLException e) {
          if (!LOCK_TIMEOUT.equals(e.getSQLState()) || System.nanoTime() > deadline) {
            throw e;
          }
        }
      }
    } catch (SQLException | RuntimeException e) {
      Transactions.rollback(lock);
      lock.close();
      throw e;
    }
    return () -> {
      try {
        lock.commit();
      } finally {
        Transactions.restoreAutoCommit(lock);
        lock.close();
      }
    };
  }

  private static void insertIgnoringDuplicate(Statement s, String sql) throws SQLException {
    try {
      s.execute(sql);
    } catch (SQLException e) {
      if (!DUPLICATE_KEY.equals(e.getSQLState())) {
        throw e;
      }
    }
  }

  /** A refused insert undoes only itself on H2: the transaction goes on. */
  @Override
  public boolean insertPlan(Connection c, WinBackPlan plan) throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement("INSERT INTO winback_plan (plan_id, customer_id, version, status, "
            + "next_due, body) VALUES (?, ?, ?, ?, ?, ?)")) {
      p.setString(1, plan.id());
      p.setString(2, plan.customer().id());
      p.setLong(3, plan.version());
      p.setString(4, plan.status().name());
      Rows.setTime(p, 5, Rows.nextDue(plan));
      p.setString(6, Rows.write(plan));
      return p.executeUpdate() == 1;
    } catch (SQLException e) {
      if (DUPLICATE_KEY.equals(e.getSQLState())) {
        return false;
      }
      throw e;
    }
  }

  @Override
  public void appendEvents(Connection c, List<JournalEvent> events) throws SQLException {
    Rows.appendEventsOneByOne(c, events);
  }

  @Override
  public List<Rows.ClaimedRow> claim(
      Connection c, Instant now, int limit, String owner, Duration lease) throws SQLException {
    List<String> candidates = new ArrayList<>();
    try (PreparedStatement p =
        c.prepareStatement("SELECT plan_id FROM winback_plan WHERE next_due <= ? "
            + "AND (lease_until IS NULL OR lease_until < " + leaseNow
            + ") ORDER BY next_due LIMIT ?")) {
      Rows.setTime(p, 1, now);
      p.setInt(2, limit);
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          candidates.add(r.getString(1));
        }
      }
    }
    List<Rows.ClaimedRow> rows = new ArrayList<>();
    try (PreparedStatement lock =
            c.prepareStatement("SELECT customer_id, body, lease_owner FROM winback_plan "
                + "WHERE plan_id = ? AND next_due <= ? AND (lease_until IS NULL OR lease_until < "
                + leaseNow
                + ") "
                + "FOR UPDATE");
        PreparedStatement claim = c.prepareStatement("UPDATE winback_plan SET lease_owner = ?, "
            + "lease_until = DATEADD(MICROSECOND, ?, " + leaseNow + ") WHERE plan_id = ?")) {
      for (String planId : candidates) {
        lock.setString(1, planId);
        Rows.setTime(lock, 2, now);
        try (ResultSet r = lock.executeQuery()) {
          if (!r.next()) {
            continue; // another runner claimed it meanwhile
          }
          rows.add(
              new Rows.ClaimedRow(planId, r.getString(1), r.getString(2), r.getString(3) != null));
        }
        claim.setString(1, owner);
        claim.setLong(2, micros(lease));
        claim.setString(3, planId);
        claim.executeUpdate();
      }
    }
    return rows;
  }

  @Override
  public boolean[] update(Connection c, List<PlanChange> changes, @Nullable String owner)
      throws SQLException {
    return Rows.updateOneByOne(c, changes, owner);
  }

  @Override
  public void extendLeases(Connection c, String owner, Collection<String> planIds, Duration lease)
      throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement("UPDATE winback_plan SET lease_until = DATEADD(MICROSECOND, ?, "
            + leaseNow + ") WHERE plan_id = ? AND lease_owner = ?")) {
      for (String planId : planIds) {
        p.setLong(1, micros(lease));
        p.setString(2, planId);
        p.setString(3, owner);
        p.addBatch();
      }
      p.executeBatch();
    }
  }

  @Override
  public void releaseLeases(Connection c, String owner, Collection<String> planIds)
      throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement("UPDATE winback_plan SET lease_owner = NULL, lease_until = NULL "
            + "WHERE plan_id = ? AND lease_owner = ?")) {
      for (String planId : planIds) {
        p.setString(1, planId);
        p.setString(2, owner);
        p.addBatch();
      }
      p.executeBatch();
    }
  }

  @Override
  public Map<String, List<ContactRecord>> contactHistories(Connection c, List<String> customerIds)
      throws SQLException {
    StringBuilder sql =
        new StringBuilder("SELECT customer_id, happened_at, contact_channel, contact_kind, plan_id "
            + "FROM winback_journal WHERE contact_channel IS NOT NULL AND customer_id IN (");
    for (int i = 0; i < customerIds.size(); i++) {
      sql.append(i == 0 ? "?" : ", ?");
    }
    sql.append(") ORDER BY customer_id, happened_at, seq");
    Map<String, List<ContactRecord>> histories = new HashMap<>();
    try (PreparedStatement p = c.prepareStatement(sql.toString())) {
      for (int i = 0; i < customerIds.size(); i++) {
        p.setString(i + 1, customerIds.get(i));
      }
      try (ResultSet r = p.executeQuery()) {
        Rows.addContacts(r, histories);
      }
    }
    return histories;
  }

  /**
   * The row of the customer's lock key in {@code winback_fence}, created on first use and locked until the
   * transaction ends. Waits at most H2's {@code LOCK_TIMEOUT}, then fails (a {@code StoreException}).
   */
  @Override
  public void lockExclusive(Connection c, String customerId) throws SQLException {
    int key = lockKey(customerId);
    try (PreparedStatement insert =
        c.prepareStatement("INSERT INTO winback_fence (lock_key) SELECT ? "
            + "WHERE NOT EXISTS (SELECT 1 FROM winback_fence WHERE lock_key = ?)")) {
      insert.setInt(1, key);
      insert.setInt(2, key);
      insert.executeUpdate();
    } catch (SQLException e) {
      if (!DUPLICATE_KEY.equals(
          e.getSQLState())) { // another transaction created it first: lock it below
        throw e;
      }
    }
    try (PreparedStatement lock =
        c.prepareStatement("SELECT lock_key FROM winback_fence WHERE lock_key = ? FOR UPDATE")) {
      lock.setInt(1, key);
      lock.executeQuery().close();
    }
  }

  /** A 32-bit hash of the customer's id: the fence table never holds the id itself. */
  private static int lockKey(String customerId) {
    return customerId.hashCode();
  }

  @Override
  public boolean sendsInTransaction() {
    return true;
  }

  /** The same row lock as a decision's (exclusive), then the version, read after the lock was granted. */
  @Override
  public OptionalLong lockSharedAndReadVersion(
      Connection c, String customerId, String planId, @Nullable String release)
      throws SQLException {
    lockExclusive(c, customerId);
    try (PreparedStatement p =
        c.prepareStatement("SELECT version FROM winback_plan WHERE plan_id = ?")) {
      p.setString(1, planId);
      try (ResultSet r = p.executeQuery()) {
        return r.next() ? OptionalLong.of(r.getLong(1)) : OptionalLong.empty();
      }
    }
  }

  @Override
  public void unlockShared(Connection c, String customerId) {
    // the transaction's end releases the row lock
  }

  private static long micros(Duration d) {
    return d.toNanos() / 1000;
  }

  @Override
  public String toString() {
    return name()
        + (leaseClockOffset.isZero() ? "" : " (lease clock " + leaseClockOffset + " ahead)");
  }
}
