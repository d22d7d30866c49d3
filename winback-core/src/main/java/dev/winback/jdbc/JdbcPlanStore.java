package dev.winback.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.winback.StoreException;
import dev.winback.internal.Json;
import dev.winback.model.Channel;
import dev.winback.model.EventType;
import dev.winback.model.JournalEvent;
import dev.winback.model.PlanStep;
import dev.winback.model.StepKind;
import dev.winback.model.StepStatus;
import dev.winback.model.WinBackPlan;
import dev.winback.spi.ClaimedPlan;
import dev.winback.spi.ContactRecord;
import dev.winback.spi.DueStep;
import dev.winback.spi.GrantConsumption;
import dev.winback.spi.PlanChange;
import dev.winback.spi.PlanStore;
import dev.winback.spi.ReactivationGrant;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * A {@link PlanStore} on PostgreSQL or H2 through plain JDBC. Each change is one transaction: the plan row (with
 * optimistic locking on its version) and the journal events that describe the change, all or nothing. A contact is
 * the journal row of the step that made it, marked with its channel and step kind.
 *
 * <p>Several runners, in one process or on several nodes, can share one database: {@link #claimDue} leases due plans
 * to one runner at a time, on PostgreSQL with {@code FOR UPDATE SKIP LOCKED} so runners never wait for each other. A
 * lease has an owner and an end; a runner extends it while it works (a heartbeat) and releases it in the same write
 * that records its results. Because the lease says who runs a plan's step, a step is not separately marked as
 * running ({@link #leasesClaims()}). When a runner dies, its leases lapse and its plans are handed to another runner,
 * marked as recovering: their due step may have been invoked, so it runs again with the same idempotency key, after
 * a {@link dev.winback.model.EventType#STEP_RECOVERED} event that counts the lost attempt.
 *
 * <p><b>Guarantee:</b> every due step is invoked at least once; it is invoked more than once only when its runner
 * stopped (or its lease lapsed) between invoking the strategy and recording the result. A host that remembers the
 * step's idempotency key therefore sends each message exactly once.
 *
 * <p>The schema is created by {@link #migrate()} from the versioned scripts in {@code dev/winback/jdbc/}:
 * {@code V1__winback_schema.sql}, then {@code V2__cheaper_step_writes}, {@code V3__contacts_in_the_journal} and
 * {@code V4__leaner_indexes}, each as {@code .postgresql.sql} or {@code .h2.sql}; or by the host's own Flyway or
 * Liquibase with those files.
 * Thread-safe; uses one pooled connection per operation.
 */
public final class JdbcPlanStore implements PlanStore {
  private static final String INSERT_PLAN = "INSERT INTO winback_plan "
      + "(plan_id, customer_id, version, status, next_due, body) VALUES (?, ?, ?, ?, ?, ?)";

  private final DataSource dataSource;
  private final boolean postgres;

  private JdbcPlanStore(DataSource dataSource, boolean postgres) {
    this.dataSource = dataSource;
    this.postgres = postgres;
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
      String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
      if (!product.contains("postgres") && !product.contains("h2")) {
        throw new IllegalArgumentException("JdbcPlanStore supports PostgreSQL and H2, not " + product);
      }
      return new JdbcPlanStore(dataSource, product.contains("postgres"));
    } catch (SQLException e) {
      throw failure("connect", e);
    }
  }

  /**
   * Applies the schema migrations this version ships that the database does not have yet, each in a transaction,
   * and records them in {@code winback_schema}.
   *
   * @return this store
   * @throws StoreException when a migration fails (it is rolled back)
   */
  public JdbcPlanStore migrate() {
    return migrate(SchemaMigrations.VERSIONS.size());
  }

  /** Applies the migrations up to a version: {@link #migrate()}, and upgrades from older versions in tests. */
  JdbcPlanStore migrate(int upTo) {
    try {
      SchemaMigrations.apply(dataSource, postgres, upTo);
      return this;
    } catch (SQLException e) {
      throw failure("migrate the schema", e);
    }
  }

  // ------------------------------------------------------------------------------------------------ plans

  @Override
  public WinBackPlan insertIfAbsent(WinBackPlan plan, List<JournalEvent> events) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        if (readPlan(c, plan.id()).isPresent()) {
          c.rollback();
          return find(plan.id()).orElseThrow();
        }
        insertPlans(c, List.of(plan));
        appendEvents(c, events);
        c.commit();
        return plan;
      } catch (SQLException e) {
        rollback(c);
        if ("23505".equals(e.getSQLState())) { // another runner inserted the same plan first
          return find(plan.id()).orElseThrow(() -> failure("insert plan", e));
        }
        throw e;
      }
    } catch (SQLException e) {
      throw failure("insert plan", e);
    }
  }

  /** Inserts plans and files each under its customer, in the order given. */
  private static void insertPlans(Connection c, List<WinBackPlan> plans) throws SQLException {
    try (PreparedStatement p = c.prepareStatement(INSERT_PLAN); PreparedStatement owner = c.prepareStatement(
        "INSERT INTO winback_customer_plan (customer_id, plan_id) VALUES (?, ?)")) {
      for (WinBackPlan plan : plans) {
        p.setString(1, plan.id());
        p.setString(2, plan.customer().id());
        p.setLong(3, plan.version());
        p.setString(4, plan.status().name());
        setNullableLong(p, 5, nextDue(plan));
        p.setString(6, write(plan));
        p.executeUpdate();
        owner.setString(1, plan.customer().id());
        owner.setString(2, plan.id());
        owner.executeUpdate();
      }
    }
  }

  @Override
  public boolean update(WinBackPlan plan, List<JournalEvent> events) {
    return updateAll(List.of(new PlanChange(plan, events))).get(0);
  }

  /**
   * Appends journal rows in the order given; the row of a step that contacted the customer is marked with the channel
   * and step kind, which makes it part of the contact history.
   */
  private void appendEvents(Connection c, List<JournalEvent> events) throws SQLException {
    if (events.isEmpty()) {
      return;
    }
    if (postgres) {
      appendEventsAsOne(c, events);
      return;
    }
    try (PreparedStatement journal = c.prepareStatement("INSERT INTO winback_journal (customer_id, plan_id, "
        + "at_micros, type, body, contact_channel, contact_kind) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      for (JournalEvent event : events) {
        journal.setString(1, event.customerId());
        journal.setString(2, event.planId());
        journal.setLong(3, micros(event.at()));
        journal.setString(4, event.type().name());
        journal.setString(5, write(event));
        String channel = contactChannel(event);
        journal.setString(6, channel);
        journal.setString(7, channel == null ? null : event.stepKind().get().name());
        journal.addBatch();
      }
      journal.executeBatch();
    }
  }

  /** The channel of the contact an event records, or null when it records none. */
  private static @Nullable String contactChannel(JournalEvent event) {
    return event.type() == EventType.STEP_DONE && event.channel().isPresent() && event.stepKind().isPresent()
        ? event.channel().get().name() : null;
  }

  /** PostgreSQL: the journal rows in one statement, in the order given. */
  private static void appendEventsAsOne(Connection c, List<JournalEvent> events) throws SQLException {
    int n = events.size();
    String[] customers = new String[n];
    String[] plans = new String[n];
    Long[] at = new Long[n];
    String[] types = new String[n];
    String[] bodies = new String[n];
    String[] channels = new String[n];
    String[] kinds = new String[n];
    for (int i = 0; i < n; i++) {
      JournalEvent event = events.get(i);
      customers[i] = event.customerId();
      plans[i] = event.planId();
      at[i] = micros(event.at());
      types[i] = event.type().name();
      bodies[i] = write(event);
      channels[i] = contactChannel(event);
      kinds[i] = channels[i] == null ? null : event.stepKind().get().name();
    }
    try (PreparedStatement p = c.prepareStatement("INSERT INTO winback_journal (customer_id, plan_id, at_micros, "
        + "type, body, contact_channel, contact_kind) SELECT c, p, a, t, b, ch, k FROM unnest(?::text[], ?::text[], "
        + "?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[]) WITH ORDINALITY AS u(c, p, a, t, b, ch, k, n) "
        + "ORDER BY n")) {
      p.setArray(1, c.createArrayOf("text", customers));
      p.setArray(2, c.createArrayOf("text", plans));
      p.setArray(3, c.createArrayOf("bigint", at));
      p.setArray(4, c.createArrayOf("text", types));
      p.setArray(5, c.createArrayOf("text", bodies));
      p.setArray(6, c.createArrayOf("text", channels));
      p.setArray(7, c.createArrayOf("text", kinds));
      p.executeUpdate();
    }
  }

  @Override
  public Optional<WinBackPlan> find(String planId) {
    try (Connection c = dataSource.getConnection()) {
      return readPlan(c, planId);
    } catch (SQLException e) {
      throw failure("read plan", e);
    }
  }

  private Optional<WinBackPlan> readPlan(Connection c, String planId) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("SELECT body FROM winback_plan WHERE plan_id = ?")) {
      p.setString(1, planId);
      try (ResultSet r = p.executeQuery()) {
        return r.next() ? Optional.of(read(r.getString(1), WinBackPlan.class)) : Optional.empty();
      }
    }
  }

  @Override
  public Optional<WinBackPlan> latestPlan(String customerId) {
    List<WinBackPlan> plans = query("read plans", "SELECT p.body FROM winback_customer_plan o "
        + "JOIN winback_plan p ON p.plan_id = o.plan_id WHERE o.customer_id = ? ORDER BY o.seq DESC LIMIT 1",
        customerId, WinBackPlan.class);
    return plans.stream().findFirst();
  }

  @Override
  public List<WinBackPlan> plans(String customerId) {
    return query("read plans", "SELECT p.body FROM winback_customer_plan o "
        + "JOIN winback_plan p ON p.plan_id = o.plan_id WHERE o.customer_id = ? ORDER BY o.seq", customerId,
        WinBackPlan.class);
  }

  /** The JSON bodies one customer's query selects, read as {@code type}. */
  private <T> List<T> query(String operation, String sql, String customerId, Class<T> type) {
    try (Connection c = dataSource.getConnection(); PreparedStatement p = c.prepareStatement(sql)) {
      p.setString(1, customerId);
      List<T> values = new ArrayList<>();
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          values.add(read(r.getString(1), type));
        }
      }
      return values;
    } catch (SQLException e) {
      throw failure(operation, e);
    }
  }

  @Override
  public List<String> customerIds(String after, int limit) {
    try (Connection c = dataSource.getConnection(); PreparedStatement p = c.prepareStatement(
        "SELECT DISTINCT customer_id FROM winback_customer_plan WHERE customer_id > ? ORDER BY customer_id LIMIT ?")) {
      p.setString(1, after);
      p.setInt(2, limit);
      List<String> ids = new ArrayList<>();
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          ids.add(r.getString(1));
        }
      }
      return ids;
    } catch (SQLException e) {
      throw failure("list customers", e);
    }
  }

  // ------------------------------------------------------------------------------------------------ due steps

  @Override
  public List<DueStep> dueSteps(Instant now, int limit) {
    try (Connection c = dataSource.getConnection(); PreparedStatement p = c.prepareStatement(
        "SELECT body FROM winback_plan WHERE next_due <= ? ORDER BY next_due LIMIT ?")) {
      p.setLong(1, micros(now));
      p.setInt(2, limit);
      List<DueStep> due = new ArrayList<>();
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          addDue(read(r.getString(1), WinBackPlan.class), now, false, due);
        }
      }
      return limited(due, limit);
    } catch (SQLException e) {
      throw failure("find due steps", e);
    }
  }

  @Override
  public List<ClaimedPlan> claimDue(Instant now, int limit, String owner, Instant leaseUntil) {
    return inTransaction("claim due steps", c -> {
      List<Claimed> rows = postgres ? claimSkipLocked(c, now, limit, owner, leaseUntil)
          : claimOneByOne(c, now, limit, owner, leaseUntil);
      List<ClaimedPlan> plans = new ArrayList<>(rows.size());
      for (Claimed row : rows) {
        WinBackPlan plan = read(row.body(), WinBackPlan.class);
        boolean orphans = plan.steps().stream().anyMatch(step -> step.status() == StepStatus.RUNNING);
        plans.add(new ClaimedPlan(plan, row.lapsed() || orphans));
      }
      plans.sort(Comparator.comparing(p -> p.plan().nextDue().orElse(Instant.MAX)));
      return plans;
    });
  }

  /** A plan row just claimed: its body, and whether an earlier runner's lease on it lapsed unreleased. */
  private record Claimed(String body, boolean lapsed) {}

  private static List<Claimed> claimSkipLocked(Connection c, Instant now, int limit, String owner, Instant until)
      throws SQLException {
    // the locked rows are found again by their physical address, which a row lock keeps still
    try (PreparedStatement p = c.prepareStatement("WITH due AS (SELECT ctid, lease_owner FROM winback_plan "
        + "WHERE next_due <= ? AND (lease_until IS NULL OR lease_until < ?) ORDER BY next_due LIMIT ? "
        + "FOR UPDATE SKIP LOCKED) UPDATE winback_plan p SET lease_owner = ?, lease_until = ? FROM due "
        + "WHERE p.ctid = due.ctid RETURNING p.body, due.lease_owner")) {
      p.setLong(1, micros(now));
      p.setLong(2, micros(now));
      p.setInt(3, limit);
      p.setString(4, owner);
      p.setLong(5, micros(until));
      List<Claimed> rows = new ArrayList<>();
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          rows.add(new Claimed(r.getString(1), r.getString(2) != null));
        }
      }
      return rows;
    }
  }

  private static List<Claimed> claimOneByOne(Connection c, Instant now, int limit, String owner, Instant until)
      throws SQLException {
    List<String> candidates = new ArrayList<>();
    try (PreparedStatement p = c.prepareStatement("SELECT plan_id FROM winback_plan WHERE next_due <= ? "
        + "AND (lease_until IS NULL OR lease_until < ?) ORDER BY next_due LIMIT ?")) {
      p.setLong(1, micros(now));
      p.setLong(2, micros(now));
      p.setInt(3, limit);
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          candidates.add(r.getString(1));
        }
      }
    }
    List<Claimed> rows = new ArrayList<>();
    try (PreparedStatement lock = c.prepareStatement("SELECT body, lease_owner FROM winback_plan "
            + "WHERE plan_id = ? AND (lease_until IS NULL OR lease_until < ?) FOR UPDATE");
        PreparedStatement claim = c.prepareStatement(
            "UPDATE winback_plan SET lease_owner = ?, lease_until = ? WHERE plan_id = ?")) {
      for (String planId : candidates) {
        lock.setString(1, planId);
        lock.setLong(2, micros(now));
        try (ResultSet r = lock.executeQuery()) {
          if (!r.next()) {
            continue; // another runner claimed it meanwhile
          }
          rows.add(new Claimed(r.getString(1), r.getString(2) != null));
        }
        claim.setString(1, owner);
        claim.setLong(2, micros(until));
        claim.setString(3, planId);
        claim.executeUpdate();
      }
    }
    return rows;
  }

  private static void addDue(WinBackPlan plan, Instant now, boolean recoverRunning, List<DueStep> due) {
    if (!plan.status().isActive()) {
      return;
    }
    for (PlanStep step : plan.steps()) {
      if (step.status() == StepStatus.PENDING && !step.dueAt().isAfter(now)) {
        due.add(new DueStep(plan.id(), step.index(), step.dueAt()));
      } else if (recoverRunning && step.status() == StepStatus.RUNNING) {
        due.add(new DueStep(plan.id(), step.index(), step.dueAt(), true));
      }
    }
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
  private List<Boolean> updateAll(List<PlanChange> changes, @Nullable String owner) {
    if (changes.isEmpty()) {
      return List.of();
    }
    return inTransaction("update plans", c -> {
      boolean[] ok = postgres && distinctPlans(changes) ? updateAsOne(c, changes, owner)
          : updateOneByOne(c, changes, owner);
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

  private static boolean distinctPlans(List<PlanChange> changes) {
    Set<String> ids = new HashSet<>();
    for (PlanChange change : changes) {
      if (!ids.add(change.plan().id())) {
        return false;
      }
    }
    return true;
  }

  /** PostgreSQL: every change in one statement, joined to arrays of the new values. */
  private static boolean[] updateAsOne(Connection c, List<PlanChange> changes, @Nullable String owner)
      throws SQLException {
    int n = changes.size();
    String[] ids = new String[n];
    Long[] versions = new Long[n];
    String[] statuses = new String[n];
    Long[] due = new Long[n];
    String[] bodies = new String[n];
    Map<String, Integer> index = new HashMap<>(n * 2);
    for (int i = 0; i < n; i++) {
      WinBackPlan plan = changes.get(i).plan();
      ids[i] = plan.id();
      versions[i] = plan.version();
      statuses[i] = plan.status().name();
      due[i] = nextDue(plan);
      bodies[i] = write(plan);
      index.put(plan.id(), i);
    }
    String release = owner == null ? "" : release("p.");
    try (PreparedStatement p = c.prepareStatement("UPDATE winback_plan p SET version = u.version, "
        + "status = u.status, next_due = u.next_due, body = u.body" + release + " FROM unnest(?::text[], "
        + "?::bigint[], ?::text[], ?::bigint[], ?::text[]) AS u(plan_id, version, status, next_due, body) "
        + "WHERE p.plan_id = u.plan_id AND p.version = u.version - 1 RETURNING p.plan_id")) {
      int i = 1;
      if (owner != null) {
        p.setString(i++, owner);
        p.setString(i++, owner);
      }
      p.setArray(i++, c.createArrayOf("text", ids));
      p.setArray(i++, c.createArrayOf("bigint", versions));
      p.setArray(i++, c.createArrayOf("text", statuses));
      p.setArray(i++, c.createArrayOf("bigint", due));
      p.setArray(i, c.createArrayOf("text", bodies));
      boolean[] stored = new boolean[n];
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          stored[Objects.requireNonNull(index.get(r.getString(1)))] = true;
        }
      }
      return stored;
    }
  }

  /**
   * The assignments that release the lease of the owner given as the next two parameters, and leave any other
   * runner's lease alone; {@code table} qualifies the columns ({@code "p."} or nothing).
   */
  private static String release(String table) {
    String mine = "CASE WHEN " + table + "lease_owner = ? THEN NULL ELSE ";
    return ", lease_owner = " + mine + table + "lease_owner END, lease_until = " + mine + table + "lease_until END";
  }

  private static boolean[] updateOneByOne(Connection c, List<PlanChange> changes, @Nullable String owner)
      throws SQLException {
    String release = owner == null ? "" : release("");
    boolean[] stored = new boolean[changes.size()];
    try (PreparedStatement p = c.prepareStatement("UPDATE winback_plan SET version = ?, status = ?, "
        + "next_due = ?, body = ?" + release + " WHERE plan_id = ? AND version = ?")) {
      for (PlanChange change : changes) {
        WinBackPlan plan = change.plan();
        int i = 1;
        p.setLong(i++, plan.version());
        p.setString(i++, plan.status().name());
        setNullableLong(p, i++, nextDue(plan));
        p.setString(i++, write(plan));
        if (owner != null) {
          p.setString(i++, owner);
          p.setString(i++, owner);
        }
        p.setString(i++, plan.id());
        p.setLong(i, plan.version() - 1);
        p.addBatch();
      }
      int[] counts = p.executeBatch();
      for (int i = 0; i < counts.length; i++) {
        stored[i] = counts[i] == 1 || counts[i] == Statement.SUCCESS_NO_INFO;
      }
    }
    return stored;
  }

  @Override
  public Map<String, List<ContactRecord>> contactHistories(Collection<String> customerIds) {
    Map<String, List<ContactRecord>> histories = new HashMap<>();
    List<String> ids = new ArrayList<>(customerIds);
    for (int from = 0; from < ids.size(); from += 500) {
      List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
      StringBuilder sql = new StringBuilder();
      if (postgres) { // one index lookup per customer, whatever the table's statistics say: OFFSET 0 keeps the
        // planner from turning the lookups into a join over the whole table when its statistics are stale
        sql.append("SELECT t.id, c.at_micros, c.contact_channel, c.contact_kind, c.plan_id ")
            .append("FROM unnest(?::text[]) AS t(id) ")
            .append("JOIN LATERAL (SELECT at_micros, contact_channel, contact_kind, plan_id FROM winback_journal w ")
            .append("WHERE w.customer_id = t.id AND contact_channel IS NOT NULL ORDER BY at_micros, seq OFFSET 0) c ")
            .append("ON true");
      } else {
        sql.append("SELECT customer_id, at_micros, contact_channel, contact_kind, plan_id FROM winback_journal ")
            .append("WHERE contact_channel IS NOT NULL AND customer_id IN (");
        for (int i = 0; i < chunk.size(); i++) {
          sql.append(i == 0 ? "?" : ", ?");
        }
        sql.append(") ORDER BY customer_id, at_micros, seq");
      }
      try (Connection c = dataSource.getConnection(); PreparedStatement p = c.prepareStatement(sql.toString())) {
        if (postgres) {
          p.setArray(1, c.createArrayOf("text", chunk.toArray()));
        } else {
          for (int i = 0; i < chunk.size(); i++) {
            p.setString(i + 1, chunk.get(i));
          }
        }
        try (ResultSet r = p.executeQuery()) {
          while (r.next()) {
            histories.computeIfAbsent(r.getString(1), k -> new ArrayList<>()).add(new ContactRecord(
                instant(r.getLong(2)), Channel.valueOf(r.getString(3)),
                StepKind.valueOf(r.getString(4)), r.getString(5)));
          }
        }
      } catch (SQLException e) {
        throw failure("read contact histories", e);
      }
    }
    return histories;
  }

  private static List<DueStep> limited(List<DueStep> due, int limit) {
    due.sort(Comparator.comparing(DueStep::dueAt));
    return due.size() > limit ? List.copyOf(due.subList(0, limit)) : due;
  }

  @Override
  public void extendClaims(String owner, Collection<String> planIds, Instant leaseUntil) {
    leases("extend claims", "UPDATE winback_plan SET lease_until = ? WHERE plan_id = ? AND lease_owner = ?",
        owner, planIds, micros(leaseUntil));
  }

  @Override
  public void releaseClaims(String owner, Collection<String> planIds) {
    leases("release claims",
        "UPDATE winback_plan SET lease_owner = NULL, lease_until = NULL WHERE plan_id = ? AND lease_owner = ?",
        owner, planIds, null);
  }

  private void leases(String operation, String sql, String owner, Collection<String> planIds, @Nullable Long until) {
    if (planIds.isEmpty()) {
      return;
    }
    try (Connection c = dataSource.getConnection(); PreparedStatement p = c.prepareStatement(sql)) {
      for (String planId : planIds) {
        int i = 1;
        if (until != null) {
          p.setLong(i++, until);
        }
        p.setString(i++, planId);
        p.setString(i, owner);
        p.addBatch();
      }
      p.executeBatch();
    } catch (SQLException e) {
      throw failure(operation, e);
    }
  }

  // ------------------------------------------------------------------------------------------------ journal

  @Override
  public List<JournalEvent> journal(String customerId) {
    return query("read journal", "SELECT body FROM winback_journal WHERE customer_id = ? ORDER BY seq", customerId,
        JournalEvent.class);
  }

  @Override
  public List<ContactRecord> contactHistory(String customerId) {
    try (Connection c = dataSource.getConnection(); PreparedStatement p = c.prepareStatement(
        "SELECT at_micros, contact_channel, contact_kind, plan_id FROM winback_journal "
            + "WHERE customer_id = ? AND contact_channel IS NOT NULL ORDER BY at_micros, seq")) {
      p.setString(1, customerId);
      List<ContactRecord> contacts = new ArrayList<>();
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          contacts.add(new ContactRecord(instant(r.getLong(1)), Channel.valueOf(r.getString(2)),
              StepKind.valueOf(r.getString(3)), r.getString(4)));
        }
      }
      return contacts;
    } catch (SQLException e) {
      throw failure("read contact history", e);
    }
  }

  // ------------------------------------------------------------------------------------------------ erasure

  @Override
  public void anonymise(String customerId, String anonymousId, UnaryOperator<WinBackPlan> anonymisePlan,
      UnaryOperator<JournalEvent> anonymiseEvent) {
    inTransactionWithoutResult("erase a customer", c -> {
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
              plans.add(read(r.getString(1), WinBackPlan.class));
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
            events.add(anonymiseEvent.apply(read(r.getString(1), JournalEvent.class)));
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
        copies.add(anonymisePlan.apply(plan)); // the copy's customer id is the anonymous id
      }
      insertPlans(c, copies);
      appendEvents(c, events);
    });
  }

  // ------------------------------------------------------------------------------------------------ grants

  @Override
  public void saveGrant(ReactivationGrant grant) {
    try (Connection c = dataSource.getConnection(); PreparedStatement p = c.prepareStatement(
        "INSERT INTO winback_grant (token_id, customer_id, body) VALUES (?, ?, ?)")) {
      p.setString(1, grant.tokenId());
      p.setString(2, grant.customerId());
      p.setString(3, write(grant));
      p.executeUpdate();
    } catch (SQLException e) {
      throw failure("save a reactivation grant", e);
    }
  }

  @Override
  public GrantConsumption consumeGrant(String tokenId, Instant at) {
    try (Connection c = dataSource.getConnection()) {
      int consumed;
      try (PreparedStatement p = c.prepareStatement(
          "UPDATE winback_grant SET consumed_at = ? WHERE token_id = ? AND consumed_at IS NULL")) {
        p.setLong(1, micros(at));
        p.setString(2, tokenId);
        consumed = p.executeUpdate();
      }
      try (PreparedStatement p = c.prepareStatement("SELECT body FROM winback_grant WHERE token_id = ?")) {
        p.setString(1, tokenId);
        try (ResultSet r = p.executeQuery()) {
          if (!r.next()) {
            return new GrantConsumption(GrantConsumption.Status.UNKNOWN, Optional.empty());
          }
          return consumed == 1
              ? new GrantConsumption(GrantConsumption.Status.CONSUMED,
                  Optional.of(read(r.getString(1), ReactivationGrant.class)))
              : new GrantConsumption(GrantConsumption.Status.ALREADY_USED, Optional.empty());
        }
      }
    } catch (SQLException e) {
      throw failure("consume a reactivation grant", e);
    }
  }

  // ------------------------------------------------------------------------------------------------ plumbing

  /**
   * The due time of an active plan's first unfinished step, in epoch microseconds: a waiting step to run, or a
   * running one to recover if its runner's lease lapses.
   */
  static @Nullable Long nextDue(WinBackPlan plan) {
    if (!plan.status().isActive()) {
      return null;
    }
    for (PlanStep step : plan.steps()) {
      if (!step.status().isFinal()) {
        return micros(step.dueAt());
      }
    }
    return null;
  }

  static long micros(Instant at) {
    return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), (at.getNano() + 999) / 1000);
  }

  static Instant instant(long micros) {
    return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
  }

  private static void setNullableLong(PreparedStatement p, int index, @Nullable Long value) throws SQLException {
    if (value == null) {
      p.setNull(index, Types.BIGINT);
    } else {
      p.setLong(index, value);
    }
  }

  private static String write(Object value) {
    try {
      return Json.STORED.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), e);
    }
  }

  private static <T> T read(String json, Class<T> type) {
    try {
      return Json.STORED.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored " + type.getSimpleName() + " cannot be read", e);
    }
  }

  /** Work done in one transaction. */
  @FunctionalInterface
  private interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  /** Work done in one transaction that returns nothing. */
  @FunctionalInterface
  private interface VoidWork {
    void run(Connection c) throws SQLException;
  }

  /**
   * Runs work in one transaction on its own connection: committed when the work returns, rolled back when it throws,
   * so that nothing half-written stays behind. Work may roll back itself and return.
   */
  private <T> T inTransaction(String operation, Work<T> work) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        rollback(c);
        throw e;
      }
    } catch (SQLException e) {
      throw failure(operation, e);
    }
  }

  private void inTransactionWithoutResult(String operation, VoidWork work) {
    inTransaction(operation, c -> {
      work.run(c);
      return Boolean.TRUE;
    });
  }

  private static void rollback(Connection c) {
    try {
      c.rollback();
    } catch (SQLException ignored) {
      // the connection is gone; the database rolls the transaction back itself
    }
  }

  private static StoreException failure(String operation, SQLException e) {
    return new StoreException(operation, e.getSQLState() == null ? "unknown" : e.getSQLState());
  }

  @Override
  public String toString() {
    return "JdbcPlanStore[" + (postgres ? "PostgreSQL" : "H2") + "]";
  }
}
