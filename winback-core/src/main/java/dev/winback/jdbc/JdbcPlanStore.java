package dev.winback.jdbc;

import dev.winback.ConcurrentUpdateException;
import dev.winback.StoreException;
import dev.winback.model.Channel;
import dev.winback.model.EventType;
import dev.winback.model.JournalEvent;
import dev.winback.model.PlanStatus;
import dev.winback.model.PlanStep;
import dev.winback.model.StepKind;
import dev.winback.model.StepStatus;
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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
  private static final Logger LOG = LoggerFactory.getLogger(JdbcPlanStore.class);

  private final DataSource dataSource;
  private final Dialect dialect;
  private final JdbcCustomerFence fence;

  private JdbcPlanStore(DataSource dataSource, Dialect dialect) {
    this.dataSource = dataSource;
    this.dialect = dialect;
    this.fence = new JdbcCustomerFence(dataSource, dialect);
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

  private <T> T read(String operation, Transactions.Work<T> work) {
    return Transactions.read(dataSource, operation, work);
  }

  private <T> T write(String operation, Transactions.Work<T> work) {
    return Transactions.write(dataSource, operation, work);
  }

  // ------------------------------------------------------------------------------------------------ plans

  @Override
  public WinBackPlan insertIfAbsent(WinBackPlan plan, List<JournalEvent> events) {
    return write("insert plan", c -> {
      if (dialect.insertPlan(c, plan)) {
        Rows.fileUnderCustomers(c, List.of(plan));
        appendEvents(c, events);
        return plan;
      }
      Optional<String> stored = body(c, plan.id());
      if (stored.isEmpty()) {
        throw ConcurrentUpdateException.anotherActivePlan(plan.id());
      }
      return Rows.tryRead(stored.get(), WinBackPlan.class).orElseThrow(() -> new StoreException(
          "insert plan: a plan with the same id is stored but cannot be read (see unreadableRecords)", "unknown"));
    });
  }

  @Override
  public boolean update(WinBackPlan plan, List<JournalEvent> events) {
    return updateAll(List.of(new PlanChange(plan, events))).get(0);
  }

  private void appendEvents(Connection c, List<JournalEvent> events) throws SQLException {
    if (!events.isEmpty()) {
      dialect.appendEvents(c, events);
    }
  }

  private static Optional<String> body(Connection c, String planId) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("SELECT body FROM winback_plan WHERE plan_id = ?")) {
      p.setString(1, planId);
      try (ResultSet r = p.executeQuery()) {
        return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
      }
    }
  }

  @Override
  public Optional<WinBackPlan> find(String planId) {
    return read("read plan", c -> body(c, planId).flatMap(body -> Rows.tryRead(body, WinBackPlan.class)));
  }

  /** The latest readable plan: the newest row's, unless that one cannot be read (then the newest readable). */
  @Override
  public Optional<WinBackPlan> latestPlan(String customerId) {
    for (String body : bodies("read plans", "SELECT p.body FROM winback_customer_plan o "
        + "JOIN winback_plan p ON p.plan_id = o.plan_id WHERE o.customer_id = ? ORDER BY o.seq DESC", customerId)) {
      Optional<WinBackPlan> plan = Rows.tryRead(body, WinBackPlan.class);
      if (plan.isPresent()) {
        return plan;
      }
    }
    return Optional.empty();
  }

  @Override
  public List<WinBackPlan> plans(String customerId) {
    List<WinBackPlan> plans = new ArrayList<>();
    for (String body : bodies("read plans", "SELECT p.body FROM winback_customer_plan o "
        + "JOIN winback_plan p ON p.plan_id = o.plan_id WHERE o.customer_id = ? ORDER BY o.seq", customerId)) {
      Rows.tryRead(body, WinBackPlan.class).ifPresent(plans::add);
    }
    return plans;
  }

  /** The stored texts one customer's query selects. */
  private List<String> bodies(String operation, String sql, String customerId) {
    return read(operation, c -> {
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

  @Override
  public List<String> unreadableRecords(String customerId) {
    List<String> unreadable = new ArrayList<>();
    for (String body : bodies("read plans", "SELECT p.body FROM winback_customer_plan o "
        + "JOIN winback_plan p ON p.plan_id = o.plan_id WHERE o.customer_id = ? ORDER BY o.seq", customerId)) {
      if (Rows.tryRead(body, WinBackPlan.class).isEmpty()) {
        unreadable.add(body);
      }
    }
    for (String body : bodies("read journal",
        "SELECT body FROM winback_journal WHERE customer_id = ? ORDER BY seq", customerId)) {
      if (Rows.tryRead(body, JournalEvent.class).isEmpty()) {
        unreadable.add(body);
      }
    }
    return unreadable;
  }

  @Override
  public List<String> customerIds(String after, int limit) {
    return read("list customers", c -> {
      try (PreparedStatement p = c.prepareStatement("SELECT DISTINCT customer_id FROM winback_customer_plan "
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

  // ------------------------------------------------------------------------------------------------ due steps

  @Override
  public List<DueStep> dueSteps(Instant now, int limit) {
    return read("find due steps", c -> {
      try (PreparedStatement p = c.prepareStatement(
          "SELECT body FROM winback_plan WHERE next_due <= ? ORDER BY next_due LIMIT ?")) {
        Rows.setTime(p, 1, now);
        p.setInt(2, limit);
        List<DueStep> due = new ArrayList<>();
        try (ResultSet r = p.executeQuery()) {
          while (r.next()) {
            Rows.tryRead(r.getString(1), WinBackPlan.class).ifPresent(plan -> addDue(plan, now, due));
          }
        }
        due.sort(Comparator.comparing(DueStep::dueAt));
        return due.size() > limit ? List.copyOf(due.subList(0, limit)) : due;
      }
    });
  }

  private static void addDue(WinBackPlan plan, Instant now, List<DueStep> due) {
    if (!plan.status().isActive()) {
      return;
    }
    for (PlanStep step : plan.steps()) {
      if (step.status() == StepStatus.PENDING && !step.dueAt().isAfter(now)) {
        due.add(new DueStep(plan.id(), step.index(), step.dueAt()));
      }
    }
  }

  @Override
  public List<ClaimedPlan> claimDue(Instant now, int limit, String owner, Duration lease) {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(lease, "lease");
    return write("claim due steps", c -> {
      List<ClaimedPlan> plans = new ArrayList<>();
      for (Rows.ClaimedRow row : dialect.claim(c, now, limit, owner, lease)) {
        Optional<WinBackPlan> plan = Rows.tryRead(row.body(), WinBackPlan.class);
        if (plan.isEmpty()) {
          quarantine(c, row, now);
          continue;
        }
        boolean orphans = plan.get().steps().stream().anyMatch(step -> step.status() == StepStatus.RUNNING);
        plans.add(new ClaimedPlan(plan.get(), row.lapsed() || orphans));
      }
      plans.sort(Comparator.comparing(p -> p.plan().nextDue().orElse(Instant.MAX)));
      return plans;
    });
  }

  /** Takes a plan whose row cannot be read out of the due order, and journals why by the exception's type only. */
  private void quarantine(Connection c, Rows.ClaimedRow row, Instant now) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("UPDATE winback_plan SET status = ?, next_due = NULL, "
        + "lease_owner = NULL, lease_until = NULL WHERE plan_id = ?")) {
      p.setString(1, PlanStatus.QUARANTINED.name());
      p.setString(2, row.planId());
      p.executeUpdate();
    }
    String cause = Rows.unreadableBecause(row.body(), WinBackPlan.class);
    appendEvents(c, List.of(JournalEvent.builder().customerId(row.customerId()).planId(row.planId()).at(now)
        .type(EventType.PLAN_QUARANTINED).detail("the stored plan cannot be read: " + cause).build()));
    LOG.warn("A due plan's stored record could not be read ({}); it was quarantined", cause);
  }

  @Override
  public List<QuarantinedPlan> quarantined(String afterPlanId, int limit) {
    return read("list quarantined plans", c -> {
      Map<String, String> customers = new java.util.LinkedHashMap<>();
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
              at = Rows.instant(r, 1);
              reason = Rows.tryRead(r.getString(2), JournalEvent.class).map(JournalEvent::detail).orElse(reason);
            }
          }
          plans.add(new QuarantinedPlan(plan.getKey(), plan.getValue(), at, reason));
        }
      }
      return plans;
    });
  }

  @Override
  public List<Boolean> updateAll(List<PlanChange> changes) {
    return updateAll(changes, null);
  }

  @Override
  public List<Boolean> updateAllAndRelease(String owner, List<PlanChange> changes) {
    return updateAll(changes, Objects.requireNonNull(owner, "owner"));
  }

  @Override
  public boolean leasesClaims() {
    return true;
  }

  /** Stores the changes in one transaction and, when {@code owner} is given, releases its claims on them. */
  private List<Boolean> updateAll(List<PlanChange> changes, String owner) {
    if (changes.isEmpty()) {
      return List.of();
    }
    return write("update plans", c -> {
      boolean[] ok;
      try {
        ok = dialect.update(c, changes, owner);
      } catch (SQLException e) {
        if ("23505".equals(e.getSQLState())) { // a plan made active while its customer has another active plan
          throw ConcurrentUpdateException.anotherActivePlan(changes.get(0).plan().id());
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
      appendEvents(c, events);
      return stored;
    });
  }

  @Override
  public Map<String, List<ContactRecord>> contactHistories(Collection<String> customerIds) {
    Map<String, List<ContactRecord>> histories = new HashMap<>();
    List<String> ids = new ArrayList<>(customerIds);
    for (int from = 0; from < ids.size(); from += 500) {
      List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
      histories.putAll(read("read contact histories", c -> dialect.contactHistories(c, chunk)));
    }
    return histories;
  }

  @Override
  public void extendClaims(String owner, Collection<String> planIds, Duration lease) {
    if (!planIds.isEmpty()) {
      write("extend claims", c -> {
        dialect.extendLeases(c, owner, planIds, lease);
        return null;
      });
    }
  }

  @Override
  public void releaseClaims(String owner, Collection<String> planIds) {
    if (!planIds.isEmpty()) {
      write("release claims", c -> {
        dialect.releaseLeases(c, owner, planIds);
        return null;
      });
    }
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
   * wait for each other. On H2 it is the decision's row lock, exclusive, in a transaction held across the send. The
   * store's calls made by the send on its thread use the held connection. A decision about the same customer made
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
    List<JournalEvent> events = new ArrayList<>();
    for (String body : bodies("read journal",
        "SELECT body FROM winback_journal WHERE customer_id = ? ORDER BY seq", customerId)) {
      Rows.tryRead(body, JournalEvent.class).ifPresent(events::add);
    }
    return events;
  }

  @Override
  public List<ContactRecord> contactHistory(String customerId) {
    return read("read contact history", c -> {
      try (PreparedStatement p = c.prepareStatement("SELECT happened_at, contact_channel, contact_kind, plan_id "
          + "FROM winback_journal WHERE customer_id = ? AND contact_channel IS NOT NULL ORDER BY happened_at, seq")) {
        p.setString(1, customerId);
        List<ContactRecord> contacts = new ArrayList<>();
        try (ResultSet r = p.executeQuery()) {
          while (r.next()) {
            contacts.add(new ContactRecord(Rows.instant(r, 1), Channel.valueOf(r.getString(2)),
                StepKind.valueOf(r.getString(3)), r.getString(4)));
          }
        }
        return contacts;
      }
    });
  }

  // ------------------------------------------------------------------------------------------------ erasure

  /** Also deletes the customer's unreadable plans and journal rows, which cannot be copied. */
  @Override
  public void anonymise(String customerId, String anonymousId, UnaryOperator<WinBackPlan> anonymisePlan,
      UnaryOperator<JournalEvent> anonymiseEvent) {
    write("erase a customer", c -> {
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
      List<WinBackPlan> plans = new ArrayList<>();
      try (PreparedStatement p = c.prepareStatement("SELECT body FROM winback_plan WHERE plan_id = ? FOR UPDATE")) {
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
      try (PreparedStatement p = c.prepareStatement(
          "SELECT body FROM winback_journal WHERE customer_id = ? ORDER BY seq")) {
        p.setString(1, customerId);
        try (ResultSet r = p.executeQuery()) {
          while (r.next()) {
            Rows.tryRead(r.getString(1), JournalEvent.class).ifPresent(e -> events.add(anonymiseEvent.apply(e)));
          }
        }
      }
      for (String table : List.of("winback_customer_plan", "winback_journal", "winback_grant")) {
        try (PreparedStatement p = c.prepareStatement("DELETE FROM " + table + " WHERE customer_id = ?")) {
          p.setString(1, customerId);
          p.executeUpdate();
        }
      }
      List<WinBackPlan> copies = new ArrayList<>(plans.size());
      for (WinBackPlan plan : plans) {
        WinBackPlan copy = anonymisePlan.apply(plan); // the copy's customer id is the anonymous id
        if (!dialect.insertPlan(c, copy)) {
          throw new StoreException("erase a customer: an anonymous copy clashes with a stored plan", "23505");
        }
        copies.add(copy);
      }
      Rows.fileUnderCustomers(c, copies);
      appendEvents(c, events);
      return null;
    });
  }

  // ------------------------------------------------------------------------------------------------ grants

  @Override
  public void saveGrant(ReactivationGrant grant) {
    write("save a reactivation grant", c -> {
      try (PreparedStatement p = c.prepareStatement(
          "INSERT INTO winback_grant (token_id, customer_id, body) VALUES (?, ?, ?)")) {
        p.setString(1, grant.tokenId());
        p.setString(2, grant.customerId());
        p.setString(3, Rows.write(grant));
        return p.executeUpdate();
      }
    });
  }

  @Override
  public GrantConsumption consumeGrant(String tokenId, Instant at) {
    return write("consume a reactivation grant", c -> {
      int consumed;
      try (PreparedStatement p = c.prepareStatement(
          "UPDATE winback_grant SET consumed_at = ? WHERE token_id = ? AND consumed_at IS NULL")) {
        Rows.setTime(p, 1, at);
        p.setString(2, tokenId);
        consumed = p.executeUpdate();
      }
      try (PreparedStatement p = c.prepareStatement("SELECT body FROM winback_grant WHERE token_id = ?")) {
        p.setString(1, tokenId);
        try (ResultSet r = p.executeQuery()) {
          if (!r.next()) {
            return new GrantConsumption(GrantConsumption.Status.UNKNOWN, Optional.empty());
          }
          if (consumed != 1) {
            return new GrantConsumption(GrantConsumption.Status.ALREADY_USED, Optional.empty());
          }
          ReactivationGrant grant = Rows.tryRead(r.getString(1), ReactivationGrant.class).orElseThrow(() ->
              new StoreException("consume a reactivation grant: the stored grant cannot be read", "unknown"));
          return new GrantConsumption(GrantConsumption.Status.CONSUMED, Optional.of(grant));
        }
      }
    });
  }

  @Override
  public String toString() {
    return "JdbcPlanStore[" + dialect + "]";
  }
}
