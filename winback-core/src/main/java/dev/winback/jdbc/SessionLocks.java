package dev.winback.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.OptionalLong;

/** Shared customer locks held by a database session across statements, for runs of sends (PostgreSQL). */
interface SessionLocks {

  /**
   * Lets go of the session's holds on {@code release}, takes the holds of {@code customers} shared (in lock-key
   * order) and then reads the versions of {@code plans}, seeing every decision committed before the locks were granted.
   *
   * @return the plans' versions in order; empty for a plan that is gone
   */
  List<OptionalLong> lockGroup(
      Connection c, List<String> release, List<String> customers, List<String> plans)
      throws SQLException;

  /** Lets go of the session's holds on {@code release}, one per element. */
  void unlock(Connection c, List<String> release) throws SQLException;

  /** The plan's version now; empty when it is gone. */
  OptionalLong version(Connection c, String planId) throws SQLException;
}
