package dev.winback.jdbc;

import dev.winback.ConcurrentUpdateException;
import dev.winback.StoreException;
import dev.winback.model.Backlog;
import dev.winback.model.EventType;
import dev.winback.model.JournalEvent;
import dev.winback.model.PlanStatus;
import dev.winback.model.WinBackPlan;
import dev.winback.spi.ClaimedPlan;
import dev.winback.spi.ContactRecord;
import dev.winback.spi.CustomerFence;
import dev.winback.spi.DueStep;
import dev.winback.spi.GrantConsumption;
import dev.winback.spi.PlanChange;
import dev.winback.spi.PlanStore;
import dev.winback.spi.QuarantinedPlan;
import dev.winback.spi.ReactivationGrant;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;

/**
 * A {@link PlanStore} on PostgreSQL or H2 through plain JDBC. Each change is one transaction: the plan row (with
 * optimistic locking on its version) and the journal events that describe it, all or nothing. A contact is the
 * journal row of the step that made it, marked with its channel and step kind.
 *
 * <p><b>Claims.</b> Several runners, in one process or on several nodes, can share one database: {@link #claimDue}
 * leases due plans to one runner at a time, on PostgreSQL with {@code FOR UPDATE SKIP LOCKED} so that runners never
 * wait for each other. {@code now}, the engine's clock, decides which steps are due; the lease is judged by the
 * database's clock alone (PostgreSQL {@code statement_timestamp()}, H2 {@code CURRENT_TIMESTAMP}): it starts when the
 * database grants it and lapses {@code lease} later, so a node whose clock runs ahead never takes over another
 * node's live lease. A runner extends its leases while it works (a heartbeat) and releases them in the same write
 * that records its results; because the lease says who runs a plan's step, a step is not separately marked as
 * running ({@link #leasesClaims()}). When a runner dies, its leases lapse and its plans are handed to another runner
 * marked as recovering: their due step may have been invoked, so it runs again with the same idempotency key, after
 * a {@link EventType#STEP_RECOVERED} event that counts the lost attempt.
 *
 * <p><b>Guarantee:</b> every due step is invoked at least once; again only after a crash, a lapsed lease or a store
 * failure before its result was recorded, and then always with the same idempotency key. A host that remembers the
 * step's idempotency key therefore sends each message once.
 *
 * <p><b>One active plan per customer</b>, guaranteed by the database (PostgreSQL: a partial unique index on the
 * customer of active plans; H2: a unique generated column): {@link #insertIfAbsent} of a second active plan throws
 * {@link ConcurrentUpdateException}.
 *
 * <p><b>Unreadable rows</b> (a JSON body that cannot be read, e.g. corrupted by hand) affect their customer only:
 * {@link #claimDue} quarantines such a plan (status {@code QUARANTINED}, out of the due order, lease released, a
 * {@link EventType#PLAN_QUARANTINED} journal row naming only the exception's type) and claims the others;
 * {@link #find}, {@link #latestPlan}, {@link #plans} and {@link #journal} return the readable records;
 * {@link #unreadableRecords} returns the raw text of the others for an export; {@link #anonymise} deletes them;
 * {@link #quarantined} lists quarantined plans for operators.
 *
 * <p><b>The fence</b>: see {@link #fence()}.
 *
 * <p><b>The schema</b> is created by {@link #migrate()} from the script {@code dev/winback/jdbc/V1__winback_schema}
 * {@code .postgresql.sql} or {@code .h2.sql} in the jar, or by the host's own Flyway or Liquibase with that file
 * (named {@code V1__winback_schema.sql}); see the {@linkplain dev.winback.jdbc package} for its tables.
 *
 * <p>Thread-safe. Each operation uses one pooled connection, or the connection the fence holds on the calling
 * thread.
 */
public final class JdbcPlanStore implements PlanStore {
  private final DataSource dataSource;
  private final Dialect dialect;
  private final JdbcCustomerFence fence;
  private final PlanWrites writes;
  private final PlanReads reads;
  private final Quarantine quarantine;
  private final Overview overview;
  private final Claims claims;
  private final Erasure erasure;
  private final Grants grants;

  private JdbcPlanStore(DataSource dataSource, Dialect dialect) {
    this.dataSource = dataSource;
    this.dialect = dialect;
    this.fence = new JdbcCustomerFence(dataSource, dialect);
    this.writes = new PlanWrites(dataSource, dialect);
    this.reads = new PlanReads(dataSource, dialect);
    this.quarantine = new Quarantine(dataSource, dialect);
    this.overview = new Overview(dataSource);
    this.claims = new Claims(dataSource, dialect, quarantine);
    this.erasure = new Erasure(dataSource, dialect);
    this.grants = new Grants(dataSource);
  }

  /**
   * A store on a data source; the dialect (PostgreSQL or H2) is read from the database.
   *
   * @param dataSource a pooled data source
   * @return the store
   * @throws StoreException when the database cannot be reached
   * @throws IllegalArgumentException when the database is neither PostgreSQL nor H2
   */
  public static JdbcPlanStore create(DataSource dataSource) {
    try (Connection c = dataSource.getConnection()) {
      return new JdbcPlanStore(dataSource, Dialect.of(c.getMetaData().getDatabaseProductName()));
    } catch (SQLException e) {
      throw new StoreException("connect", e);
    }
  }

  /**
   * Applies the schema scripts this version ships that the database does not have yet, and records them with their
   * SHA-256 checksums in {@code winback_schema}. Safe when many nodes start at once: one migrates while the others
   * wait for it (PostgreSQL: a session advisory lock on the migration's connection; H2: a row lock in
   * {@code winback_schema_lock}), then find nothing left to do.
   *
   * <p>On H2 the migration holds two connections at once (the lock's and the scripts'), so the pool must allow two.
   *
   * @return this store
   * @throws SchemaMismatchException when a script applied to the database differs from the shipped one
   * @throws StoreException when a migration fails (on PostgreSQL its transaction is rolled back)
   */
  public JdbcPlanStore migrate() {
    try {
      SchemaMigrations.apply(dataSource, dialect);
      return this;
    } catch (SQLException e) {
      throw new StoreException("migrate the schema", e);
    }
  }

  /**
   * The same store with a lease clock that reads {@code offset} later than the database's: for tests, to let leases
   * lapse (or stay) without waiting. Shares the data source; its fence is another instance on the same locks.
   */
  JdbcPlanStore withLeaseClockAhead(Duration offset) {
    return new JdbcPlanStore(dataSource, dialect.withLeaseClockOffset(offset));
  }

  // ------------------------------------------------------------------------------------------------ plans

  @Override
  public WinBackPlan insertIfAbsent(WinBackPlan plan, List<JournalEvent> events) {
    return writes.insertIfAbsent(plan, events);
  }

  @Override
  public boolean update(WinBackPlan plan, List<JournalEvent> events) {
    return updateAll(List.of(new PlanChange(plan, events))).get(0);
  }

  @Override
  public Optional<WinBackPlan> find(String planId) {
    return reads.find(planId);
  }

  /** The latest readable plan: the newest row's, unless that one cannot be read (then the newest readable). */
  @Override
  public Optional<WinBackPlan> latestPlan(String customerId) {
    return reads.latestPlan(customerId);
  }

  @Override
  public List<WinBackPlan> plans(String customerId) {
    return reads.plans(customerId);
  }

  @Override
  public List<String> unreadableRecords(String customerId) {
    return erasure.unreadableRecords(customerId);
  }

  @Override
  public List<String> customerIds(String after, int limit) {
    return reads.customerIds(after, limit);
  }

  // ------------------------------------------------------------------------------------------------ due steps

  @Override
  public List<DueStep> dueSteps(Instant now, int limit) {
    return claims.dueSteps(now, limit);
  }

  @Override
  public List<ClaimedPlan> claimDue(Instant now, int limit, String owner, Duration lease) {
    return claims.claimDue(now, limit, owner, lease);
  }

  @Override
  public Backlog backlog(Instant now) {
    return overview.backlog(now);
  }

  @Override
  public Map<PlanStatus, Long> planCounts() {
    return overview.planCounts();
  }

  @Override
  public List<JournalEvent> recentEvents(Set<EventType> types, int limit) {
    return overview.recentEvents(types, limit);
  }

  @Override
  public List<QuarantinedPlan> quarantined(String afterPlanId, int limit) {
    return quarantine.list(afterPlanId, limit);
  }

  @Override
  public List<Boolean> updateAll(List<PlanChange> changes) {
    return writes.updateAll(changes, null);
  }

  @Override
  public List<Boolean> updateAllAndRelease(String owner, List<PlanChange> changes) {
    return writes.updateAll(changes, Objects.requireNonNull(owner, "owner"));
  }

  @Override
  public boolean leasesClaims() {
    return true;
  }

  @Override
  public Map<String, List<ContactRecord>> contactHistories(Collection<String> customerIds) {
    return reads.contactHistories(customerIds);
  }

  @Override
  public void extendClaims(String owner, Collection<String> planIds, Duration lease) {
    claims.extendClaims(owner, planIds, lease);
  }

  @Override
  public void releaseClaims(String owner, Collection<String> planIds) {
    claims.releaseClaims(owner, planIds);
  }

  // ------------------------------------------------------------------------------------------------ fence

  /**
   * The fence in the database, the same instance on every call; it holds across every node using the database.
   *
   * <p><b>A decision</b> ({@link CustomerFence#decide}) takes a pooled connection, opens one transaction on it and
   * takes the customer's lock exclusively inside it (PostgreSQL: {@code pg_advisory_xact_lock(classid, objid)} with
   * WinBack's own class id {@code 0x57420001} and {@code hashtext(customerId)}, apart from any advisory lock of the
   * host; H2: the row of the customer's 32-bit lock key in {@code winback_fence}, inserted on first use and locked
   * {@code FOR UPDATE}). While the decision runs, every call of this store, and of a {@link JdbcSuppressionList} on
   * the same {@link DataSource} object, made on the same thread joins that transaction on that connection (each
   * write under a savepoint, so that it stays all-or-nothing), so that e.g. an opt-out's plan update and its
   * suppression-list entry commit together; the transaction commits when the decision returns and is rolled back
   * when it throws, and the lock ends with it. A decision inside a decision on the same thread joins the outer one.
   * Cost: one connection for the decision's length, one round trip for the lock and one for the commit, and on
   * PostgreSQL two more (savepoint, release) for each write it makes.
   *
   * <p><b>A send</b> ({@link CustomerFence#send}) takes the customer's lock shared and, seeing every decision
   * committed before it was granted, the plan's version; it runs the send only when the plan is still the version
   * given, and lets the lock go when the send returns or throws. On PostgreSQL the lock is a session-level
   * {@code pg_advisory_lock_shared} on a pooled connection in auto-commit mode, held for the send's length (no
   * transaction stays open): one round trip takes it and reads the version (the schema's function
   * {@code winback_fence_send}), one more ({@code pg_advisory_unlock_shared}) ends it; sends to one customer do not
   * wait for each other. A runner's batch is one {@link CustomerFence#sends() run} on a session of its own (one pooled
   * connection per runner thread, besides the store's): one round trip ({@code winback_fence_sends}) lets go of the
   * run's holds and takes those of the next group of the batch's sends, in lock-key order, reading their versions, so
   * a group of up to 64 quick sends costs one round trip; groups shrink to one send when sends are slow, and a watcher
   * thread lets go of every hold but the current send's when a run makes no progress for 10 ms, so a decision about
   * a customer waits that long at most for another customer's host call. A decision made on the run's thread lets
   * the run's holds go first. On H2 it is the decision's row lock, exclusive, in a transaction held across the send,
   * one send at a time. The store's calls made by a single send on its thread use the held connection (a run's sends
   * use pooled ones). A decision about the same customer made
   * inside a send on the same thread would wait for itself, and is refused with an {@link IllegalStateException}.
   *
   * <p>So a decision about a customer waits for the sends to them in progress on any node, and once it has returned
   * no send decided on an older version of the plan starts. A send that never returns keeps its customer's
   * decisions waiting (on H2 at most H2's {@code LOCK_TIMEOUT}, after which the decision fails with a
   * {@link StoreException}); the engine bounds sends with its step timeout.
   *
   * @return the fence
   */
  @Override
  public CustomerFence fence() {
    return fence;
  }

  // ------------------------------------------------------------------------------------------------ journal

  @Override
  public List<JournalEvent> journal(String customerId) {
    return reads.journal(customerId);
  }

  @Override
  public List<ContactRecord> contactHistory(String customerId) {
    return reads.contactHistory(customerId);
  }

  // ------------------------------------------------------------------------------------------------ erasure

  /** Also deletes the customer's unreadable plans and journal rows, which cannot be copied. */
  @Override
  public void anonymise(
      String customerId,
      String anonymousId,
      UnaryOperator<WinBackPlan> anonymisePlan,
      UnaryOperator<JournalEvent> anonymiseEvent) {
    erasure.anonymise(customerId, anonymisePlan, anonymiseEvent);
  }

  // ------------------------------------------------------------------------------------------------ grants

  @Override
  public void saveGrant(ReactivationGrant grant) {
    grants.save(grant);
  }

  @Override
  public GrantConsumption consumeGrant(String tokenId, Instant at) {
    return grants.consume(tokenId, at);
  }

  @Override
  public GrantConsumption findGrant(String tokenId) {
    return grants.find(tokenId);
  }

  @Override
  public String toString() {
    return "JdbcPlanStore[" + dialect + "]";
  }
}
