package dev.winback.jdbc;

import dev.winback.model.JournalEvent;
import dev.winback.model.WinBackPlan;
import dev.winback.spi.ContactRecord;
import dev.winback.spi.PlanChange;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Everything the JDBC store does differently on each database: claims, batch writes, the customer fence's locks,
 * the lease clock and the migration lock. One implementation per database; the store itself has no branches on the
 * database.
 */
sealed interface Dialect permits PostgresDialect, H2Dialect {

  /** The WinBack-specific first key of every advisory lock WinBack takes ("WB" and 1), apart from hosts' locks. */
  int CUSTOMER_LOCK_CLASS = 0x57420001;

  /** The advisory lock class of schema migrations ("WB" and 2). */
  int MIGRATION_LOCK_CLASS = 0x57420002;

  /** The dialect of a database product name, e.g. "PostgreSQL" or "H2". */
  static Dialect of(String productName) {
    String product = productName.toLowerCase(java.util.Locale.ROOT);
    if (product.contains("postgres")) {
      return new PostgresDialect(Duration.ZERO);
    }
    if (product.contains("h2")) {
      return new H2Dialect(Duration.ZERO);
    }
    throw new IllegalArgumentException(
        "JdbcPlanStore supports PostgreSQL and H2, not " + productName);
  }

  /** The database's name, e.g. {@code PostgreSQL}. */
  String name();

  /** How this database's variant of a schema script ends, e.g. {@code .postgresql.sql}. */
  String scriptSuffix();

  /** The same dialect with a lease clock that reads {@code offset} later than the database's: for tests. */
  Dialect withLeaseClockOffset(Duration offset);

  /** A lock that one migration at a time holds, across every process using the database. */
  interface MigrationLock extends AutoCloseable {
    @Override
    void close() throws SQLException;
  }

  /**
   * Takes the migration lock, waiting for another process's migration to finish.
   *
   * @param dataSource the database, for a connection of the lock's own where the database needs one
   * @param migration the connection the migration runs on, in auto-commit mode
   */
  MigrationLock lockMigrations(DataSource dataSource, Connection migration) throws SQLException;

  /**
   * Inserts a plan's row unless a plan with its id, or another active plan of its customer, is stored; without
   * spoiling the transaction it runs in when it inserts nothing.
   *
   * @return true when inserted
   */
  boolean insertPlan(Connection c, WinBackPlan plan) throws SQLException;

  /** Appends journal rows in the order given. */
  void appendEvents(Connection c, List<JournalEvent> events) throws SQLException;

  /**
   * Leases up to {@code limit} plans due at {@code now} (engine clock) whose lease has lapsed by the database clock
   * (or that have none) to {@code owner} until {@code lease} from now by the database clock.
   */
  List<Rows.ClaimedRow> claim(Connection c, Instant now, int limit, String owner, Duration lease)
      throws SQLException;

  /** Updates plans under optimistic locking; when {@code owner} is given, its leases on the plans stored end. */
  boolean[] update(Connection c, List<PlanChange> changes, @Nullable String owner)
      throws SQLException;

  /** Extends an owner's leases to {@code lease} from now by the database clock. */
  void extendLeases(Connection c, String owner, Collection<String> planIds, Duration lease)
      throws SQLException;

  /** Ends an owner's leases. */
  void releaseLeases(Connection c, String owner, Collection<String> planIds) throws SQLException;

  /** The contact histories of up to 500 customers. */
  Map<String, List<ContactRecord>> contactHistories(Connection c, List<String> customerIds)
      throws SQLException;

  /** Takes the customer's fence exclusively until the connection's transaction ends. */
  void lockExclusive(Connection c, String customerId) throws SQLException;

  /**
   * Whether a send holds the customer's fence in a transaction (ended by commit), rather than by a session lock on
   * a connection in auto-commit mode (ended by {@link #unlockShared}).
   */
  boolean sendsInTransaction();

  /**
   * Takes the customer's fence shared (or, on databases without shared locks, exclusively) and then reads the plan's
   * version, seeing every decision committed before the lock was granted. With session locks, first lets go of the
   * session's shared hold on {@code release}, when given, in the same round trip.
   *
   * @return the plan's version; empty when the plan is gone
   */
  OptionalLong lockSharedAndReadVersion(
      Connection c, String customerId, String planId, @Nullable String release) throws SQLException;

  /** The session-level shared locks that let a run of sends hold several customers at once, where the database has them. */
  default java.util.Optional<SessionLocks> sessionLocks() {
    return java.util.Optional.empty();
  }

  /** Ends a send's hold on the fence taken outside a transaction. */
  void unlockShared(Connection c, String customerId) throws SQLException;
}
