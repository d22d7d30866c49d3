package dev.winback.jdbc;

import dev.winback.model.JournalEvent;
import dev.winback.model.WinBackPlan;
import dev.winback.spi.ContactRecord;
import dev.winback.spi.PlanChange;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * PostgreSQL: claims with {@code FOR UPDATE SKIP LOCKED}, batch writes as one statement over arrays, the fence and
 * the migration lock as advisory locks, leases by the database's {@code statement_timestamp()}.
 */
final class PostgresDialect implements Dialect, SessionLocks {
  private final Duration leaseClockOffset;
  /** The database clock that judges leases: the start of the current statement (plus a test's offset). */
  private final String leaseNow;

  private final String claimSql;
  private final String extendSql;

  PostgresDialect(Duration leaseClockOffset) {
    this.leaseClockOffset = leaseClockOffset;
    this.leaseNow = leaseClockOffset.isZero()
        ? "statement_timestamp()"
        : "(statement_timestamp() + interval '" + leaseClockOffset.toNanos() / 1000
            + " microseconds')";
    // the locked rows are found again by their physical address, which a row lock keeps still
    this.claimSql = "WITH due AS (SELECT ctid, lease_owner FROM winback_plan WHERE next_due <= ? "
        + "AND (lease_until IS NULL OR lease_until < " + leaseNow + ") ORDER BY next_due LIMIT ? "
        + "FOR UPDATE SKIP LOCKED) UPDATE winback_plan p SET lease_owner = ?, lease_until = "
        + leaseNow
        + " + ? * interval '1 microsecond' FROM due WHERE p.ctid = due.ctid "
        + "RETURNING p.plan_id, p.customer_id, p.body, due.lease_owner";
    this.extendSql = "UPDATE winback_plan SET lease_until = " + leaseNow
        + " + ? * interval '1 microsecond' " + "WHERE plan_id = ANY (?) AND lease_owner = ?";
  }

  @Override
  public String name() {
    return "PostgreSQL";
  }

  @Override
  public String scriptSuffix() {
    return ".postgresql.sql";
  }

  @Override
  public Dialect withLeaseClockOffset(Duration offset) {
    return new PostgresDialect(offset);
  }

  /** A session-level advisory lock on the migration's own connection: it outlives the scripts' commits. */
  @Override
  public MigrationLock lockMigrations(DataSource dataSource, Connection migration)
      throws SQLException {
    try (PreparedStatement p = migration.prepareStatement("SELECT pg_advisory_lock(?, 0)")) {
      p.setInt(1, MIGRATION_LOCK_CLASS);
      p.execute();
    }
    return () -> {
      migration.setAutoCommit(true);
      try (PreparedStatement p = migration.prepareStatement("SELECT pg_advisory_unlock(?, 0)")) {
        p.setInt(1, MIGRATION_LOCK_CLASS);
        p.execute();
      }
    };
  }

  @Override
  public boolean insertPlan(Connection c, WinBackPlan plan) throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement("INSERT INTO winback_plan (plan_id, customer_id, version, status, "
            + "next_due, body) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
      p.setString(1, plan.id());
      p.setString(2, plan.customer().id());
      p.setLong(3, plan.version());
      p.setString(4, plan.status().name());
      Rows.setTime(p, 5, Rows.nextDue(plan));
      p.setString(6, Rows.write(plan));
      return p.executeUpdate() == 1;
    }
  }

  /** The journal rows in one statement, in the order given. */
  @Override
  public void appendEvents(Connection c, List<JournalEvent> events) throws SQLException {
    int n = events.size();
    String[] customers = new String[n];
    String[] plans = new String[n];
    String[] at = new String[n];
    String[] types = new String[n];
    String[] bodies = new String[n];
    String[] channels = new String[n];
    String[] kinds = new String[n];
    for (int i = 0; i < n; i++) {
      JournalEvent event = events.get(i);
      customers[i] = event.customerId();
      plans[i] = event.planId();
      at[i] = Rows.timeText(event.at());
      types[i] = event.type().name();
      bodies[i] = Rows.write(event);
      channels[i] = Rows.contactChannel(event);
      kinds[i] = channels[i] == null ? null : event.stepKind().get().name();
    }
    try (PreparedStatement p =
        c.prepareStatement("INSERT INTO winback_journal (customer_id, plan_id, happened_at, "
            + "type, body, contact_channel, contact_kind) SELECT c, p, a, t, b, ch, k FROM unnest(?::text[], ?::text[], "
            + "?::timestamptz[], ?::text[], ?::text[], ?::text[], ?::text[]) WITH ORDINALITY AS u(c, p, a, t, b, ch, k, n) "
            + "ORDER BY n")) {
      p.setArray(1, c.createArrayOf("text", customers));
      p.setArray(2, c.createArrayOf("text", plans));
      p.setArray(3, c.createArrayOf("text", at));
      p.setArray(4, c.createArrayOf("text", types));
      p.setArray(5, c.createArrayOf("text", bodies));
      p.setArray(6, c.createArrayOf("text", channels));
      p.setArray(7, c.createArrayOf("text", kinds));
      p.executeUpdate();
    }
  }

  @Override
  public List<Rows.ClaimedRow> claim(
      Connection c, Instant now, int limit, String owner, Duration lease) throws SQLException {
    try (PreparedStatement p = c.prepareStatement(claimSql)) {
      Rows.setTime(p, 1, now);
      p.setInt(2, limit);
      p.setString(3, owner);
      p.setLong(4, micros(lease));
      List<Rows.ClaimedRow> rows = new ArrayList<>();
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          rows.add(new Rows.ClaimedRow(
              r.getString(1), r.getString(2), r.getString(3), r.getString(4) != null));
        }
      }
      return rows;
    }
  }

  @Override
  public boolean[] update(Connection c, List<PlanChange> changes, @Nullable String owner)
      throws SQLException {
    return distinctPlans(changes)
        ? updateAsOne(c, changes, owner)
        : Rows.updateOneByOne(c, changes, owner);
  }

  private static boolean distinctPlans(List<PlanChange> changes) {
    Set<String> ids = new HashSet<>();
    for (PlanChange change : changes) {
      if (!ids.add(change.plan().id())) {
        return false;
      }
    }
    return true;
  }

  /** Every change in one statement, joined to arrays of the new values. */
  private static boolean[] updateAsOne(
      Connection c, List<PlanChange> changes, @Nullable String owner) throws SQLException {
    int n = changes.size();
    String[] ids = new String[n];
    Long[] versions = new Long[n];
    String[] statuses = new String[n];
    String[] due = new String[n];
    String[] bodies = new String[n];
    Map<String, Integer> index = new HashMap<>(n * 2);
    for (int i = 0; i < n; i++) {
      WinBackPlan plan = changes.get(i).plan();
      ids[i] = plan.id();
      versions[i] = plan.version();
      statuses[i] = plan.status().name();
      due[i] = Rows.timeText(Rows.nextDue(plan));
      bodies[i] = Rows.write(plan);
      index.put(plan.id(), i);
    }
    String release = owner == null ? "" : Rows.release("p.");
    try (PreparedStatement p = c.prepareStatement("UPDATE winback_plan p SET version = u.version, "
        + "status = u.status, next_due = u.next_due, body = u.body" + release
        + " FROM unnest(?::text[], "
        + "?::bigint[], ?::text[], ?::timestamptz[], ?::text[]) AS u(plan_id, version, status, next_due, body) "
        + "WHERE p.plan_id = u.plan_id AND p.version = u.version - 1 RETURNING p.plan_id")) {
      int i = 1;
      if (owner != null) {
        p.setString(i++, owner);
        p.setString(i++, owner);
      }
      p.setArray(i++, c.createArrayOf("text", ids));
      p.setArray(i++, c.createArrayOf("bigint", versions));
      p.setArray(i++, c.createArrayOf("text", statuses));
      p.setArray(i++, c.createArrayOf("text", due));
      p.setArray(i, c.createArrayOf("text", bodies));
      boolean[] stored = new boolean[n];
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          stored[java.util.Objects.requireNonNull(index.get(r.getString(1)))] = true;
        }
      }
      return stored;
    }
  }

  @Override
  public void extendLeases(Connection c, String owner, Collection<String> planIds, Duration lease)
      throws SQLException {
    try (PreparedStatement p = c.prepareStatement(extendSql)) {
      p.setLong(1, micros(lease));
      p.setArray(2, c.createArrayOf("text", planIds.toArray()));
      p.setString(3, owner);
      p.executeUpdate();
    }
  }

  @Override
  public void releaseLeases(Connection c, String owner, Collection<String> planIds)
      throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement("UPDATE winback_plan SET lease_owner = NULL, lease_until = NULL "
            + "WHERE plan_id = ANY (?) AND lease_owner = ?")) {
      p.setArray(1, c.createArrayOf("text", planIds.toArray()));
      p.setString(2, owner);
      p.executeUpdate();
    }
  }

  /**
   * One index lookup per customer, whatever the table's statistics say: OFFSET 0 keeps the planner from turning the
   * lookups into a join over the whole table when its statistics are stale.
   */
  @Override
  public Map<String, List<ContactRecord>> contactHistories(Connection c, List<String> customerIds)
      throws SQLException {
    Map<String, List<ContactRecord>> histories = new HashMap<>();
    try (PreparedStatement p =
        c.prepareStatement("SELECT t.id, c.happened_at, c.contact_channel, c.contact_kind, "
            + "c.plan_id FROM unnest(?::text[]) AS t(id) JOIN LATERAL (SELECT happened_at, contact_channel, contact_kind, "
            + "plan_id FROM winback_journal w WHERE w.customer_id = t.id AND contact_channel IS NOT NULL "
            + "ORDER BY happened_at, seq OFFSET 0) c ON true")) {
      p.setArray(1, c.createArrayOf("text", customerIds.toArray()));
      try (ResultSet r = p.executeQuery()) {
        Rows.addContacts(r, histories);
      }
    }
    return histories;
  }

  /** A transaction-level advisory lock, in WinBack's own lock class, on the hash of the customer's id. */
  @Override
  public void lockExclusive(Connection c, String customerId) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("SELECT pg_advisory_xact_lock(?, hashtext(?))")) {
      p.setInt(1, CUSTOMER_LOCK_CLASS);
      p.setString(2, customerId);
      p.execute();
    }
  }

  @Override
  public boolean sendsInTransaction() {
    return false;
  }

  /** One round trip: the schema's function takes the session-level shared lock, then reads the version. */
  @Override
  public OptionalLong lockSharedAndReadVersion(
      Connection c, String customerId, String planId, @Nullable String release)
      throws SQLException {
    try (PreparedStatement p = c.prepareStatement("SELECT winback_fence_send(?, ?, ?, ?)")) {
      p.setInt(1, CUSTOMER_LOCK_CLASS);
      p.setString(2, customerId);
      p.setString(3, planId);
      p.setString(4, release);
      try (ResultSet r = p.executeQuery()) {
        r.next();
        long version = r.getLong(1);
        return r.wasNull() ? OptionalLong.empty() : OptionalLong.of(version);
      }
    }
  }

  @Override
  public void unlockShared(Connection c, String customerId) throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement("SELECT pg_advisory_unlock_shared(?, hashtext(?))")) {
      p.setInt(1, CUSTOMER_LOCK_CLASS);
      p.setString(2, customerId);
      p.execute();
    }
  }

  @Override
  public java.util.Optional<SessionLocks> sessionLocks() {
    return java.util.Optional.of(this);
  }

  @Override
  public List<OptionalLong> lockGroup(
      Connection c, List<String> release, List<String> customers, List<String> plans)
      throws SQLException {
    try (PreparedStatement p = c.prepareStatement("SELECT winback_fence_sends(?, ?, ?, ?)")) {
      p.setInt(1, CUSTOMER_LOCK_CLASS);
      p.setArray(2, c.createArrayOf("text", release.toArray()));
      p.setArray(3, c.createArrayOf("text", customers.toArray()));
      p.setArray(4, c.createArrayOf("text", plans.toArray()));
      try (ResultSet r = p.executeQuery()) {
        r.next();
        java.sql.Array array = r.getArray(1);
        Object[] versions = array == null ? new Object[0] : (Object[]) array.getArray();
        List<OptionalLong> found = new ArrayList<>(plans.size());
        for (int i = 0; i < plans.size(); i++) {
          Object v = i < versions.length ? versions[i] : null;
          found.add(v == null ? OptionalLong.empty() : OptionalLong.of(((Number) v).longValue()));
        }
        return found;
      }
    }
  }

  @Override
  public void unlock(Connection c, List<String> release) throws SQLException {
    try (PreparedStatement p = c.prepareStatement(
        "SELECT count(pg_advisory_unlock_shared(?, hashtext(x))) FROM unnest(?::text[]) AS x")) {
      p.setInt(1, CUSTOMER_LOCK_CLASS);
      p.setArray(2, c.createArrayOf("text", release.toArray()));
      p.execute();
    }
  }

  @Override
  public OptionalLong version(Connection c, String planId) throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement("SELECT version FROM winback_plan WHERE plan_id = ?")) {
      p.setString(1, planId);
      try (ResultSet r = p.executeQuery()) {
        return r.next() ? OptionalLong.of(r.getLong(1)) : OptionalLong.empty();
      }
    }
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
