package dev.winback.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.winback.internal.Json;
import dev.winback.model.Channel;
import dev.winback.model.EventType;
import dev.winback.model.JournalEvent;
import dev.winback.model.PlanStep;
import dev.winback.model.StepKind;
import dev.winback.model.WinBackPlan;
import dev.winback.spi.ContactRecord;
import dev.winback.spi.PlanChange;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** What both dialects write and read the same way: JSON bodies, times, and the statements they share. */
final class Rows {
  private Rows() {}

  /** A plan row a claim leased: its ids, its stored text, and whether an earlier runner's lease lapsed unreleased. */
  record ClaimedRow(String planId, String customerId, String body, boolean lapsed) {}

  static String write(Object value) {
    try {
      return Json.STORED.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), e);
    }
  }

  /**
   * Reads a stored JSON body; empty when it cannot be read (corrupt, written by hand, or no longer valid), which
   * then affects that row's customer only.
   */
  static <T> Optional<T> tryRead(String json, Class<T> type) {
    try {
      return Optional.of(Json.STORED.readValue(json, type));
    } catch (JsonProcessingException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Why a stored body cannot be read, by the exception's type only (its message may quote the row). */
  static String unreadableBecause(String json, Class<?> type) {
    try {
      Json.STORED.readValue(json, type);
      return "readable";
    } catch (JsonProcessingException | RuntimeException e) {
      return e.getClass().getSimpleName();
    }
  }

  /**
   * A time as stored: rounded up to whole microseconds (the databases' precision), so that a due time compared with
   * a time in the same rounding keeps its order.
   */
  static OffsetDateTime time(Instant at) {
    return OffsetDateTime.ofInstant(micros(at), ZoneOffset.UTC);
  }

  /** A time as ISO-8601 text in the stored rounding, for arrays of times. */
  static @Nullable String timeText(@Nullable Instant at) {
    return at == null ? null : micros(at).toString();
  }

  private static Instant micros(Instant at) {
    int nanos = at.getNano();
    int rounded = (nanos + 999) / 1000 * 1000;
    return rounded == nanos ? at : Instant.ofEpochSecond(at.getEpochSecond(), 0).plusNanos(rounded);
  }

  static @Nullable Instant instant(ResultSet r, int column) throws SQLException {
    OffsetDateTime at = r.getObject(column, OffsetDateTime.class);
    return at == null ? null : at.toInstant();
  }

  /**
   * Adds contact rows ({@code customer id, time, channel, step kind, plan id}) to each customer's history, in row
   * order.
   */
  static void addContacts(ResultSet r, Map<String, List<ContactRecord>> histories)
      throws SQLException {
    while (r.next()) {
      histories
          .computeIfAbsent(r.getString(1), k -> new ArrayList<>())
          .add(new ContactRecord(
              requiredInstant(r, 2),
              Channel.valueOf(r.getString(3)),
              StepKind.valueOf(r.getString(4)),
              r.getString(5)));
    }
  }

  /** A time from a column that is never null. */
  static Instant requiredInstant(ResultSet r, int column) throws SQLException {
    return java.util.Objects.requireNonNull(instant(r, column), "a NOT NULL time column held null");
  }

  static void setTime(PreparedStatement p, int index, @Nullable Instant at) throws SQLException {
    if (at == null) {
      p.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
    } else {
      p.setObject(index, time(at));
    }
  }

  /**
   * The due time of an active plan's first unfinished step: a waiting step to run, or a running one to recover if
   * its runner's lease lapses. Null when the plan has ended or an operator paused it (a step running then is
   * recovered after the plan is resumed).
   */
  static @Nullable Instant nextDue(WinBackPlan plan) {
    if (!plan.status().isActive() || plan.paused()) {
      return null;
    }
    for (PlanStep step : plan.steps()) {
      if (!step.status().isFinal()) {
        return step.dueAt();
      }
    }
    return null;
  }

  /** The channel of the contact an event records, or null when it records none. */
  static @Nullable String contactChannel(JournalEvent event) {
    return event.type() == EventType.STEP_DONE
            && event.channel().isPresent()
            && event.stepKind().isPresent()
        ? event.channel().get().name()
        : null;
  }

  /** The journal rows one by one, in one batch, in the order given. */
  static void appendEventsOneByOne(Connection c, List<JournalEvent> events) throws SQLException {
    try (PreparedStatement journal = c.prepareStatement(
        "INSERT INTO winback_journal (customer_id, plan_id, "
            + "happened_at, type, body, contact_channel, contact_kind) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      for (JournalEvent event : events) {
        journal.setString(1, event.customerId());
        journal.setString(2, event.planId());
        setTime(journal, 3, event.at());
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

  /**
   * The assignments that release the lease of the owner given as the next two parameters, and leave any other
   * runner's lease alone; {@code table} qualifies the columns ({@code "p."} or nothing).
   */
  static String release(String table) {
    String mine = "CASE WHEN " + table + "lease_owner = ? THEN NULL ELSE ";
    return ", lease_owner = " + mine + table + "lease_owner END, lease_until = " + mine + table
        + "lease_until END";
  }

  /** Plan updates one by one, in one batch; when {@code owner} is given, its leases on the plans stored end. */
  static boolean[] updateOneByOne(Connection c, List<PlanChange> changes, @Nullable String owner)
      throws SQLException {
    String release = owner == null ? "" : release("");
    boolean[] stored = new boolean[changes.size()];
    try (PreparedStatement p =
        c.prepareStatement("UPDATE winback_plan SET version = ?, status = ?, "
            + "next_due = ?, body = ?" + release + " WHERE plan_id = ? AND version = ?")) {
      for (PlanChange change : changes) {
        WinBackPlan plan = change.plan();
        int i = 1;
        p.setLong(i++, plan.version());
        p.setString(i++, plan.status().name());
        setTime(p, i++, nextDue(plan));
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

  /** Files plans under their customers, in the order given. */
  static void fileUnderCustomers(Connection c, List<WinBackPlan> plans) throws SQLException {
    try (PreparedStatement owner = c.prepareStatement(
        "INSERT INTO winback_customer_plan (customer_id, plan_id) VALUES (?, ?)")) {
      for (WinBackPlan plan : plans) {
        owner.setString(1, plan.customer().id());
        owner.setString(2, plan.id());
        owner.addBatch();
      }
      owner.executeBatch();
    }
  }
}
