package dev.winback.jdbc;

import dev.winback.StoreException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.IdentityHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * How the JDBC store and suppression list get their connections, and the connections the customer fence holds on
 * each thread: while a fence operation runs on a thread, every store and suppression-list call on that thread for
 * the same {@link DataSource} object uses the connection the fence holds instead of taking another from the pool.
 */
final class Transactions {

  /** Work done on a connection. */
  @FunctionalInterface
  interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  /** A connection a fence holds on this thread for one data source. */
  static final class Held {
    final Connection connection;
    /** True while the fence keeps a transaction open on it (a decision; a send on H2) which it commits itself. */
    boolean transaction;
    /** The customers whose send is in progress on this thread. */
    final Map<String, Integer> sending = new java.util.HashMap<>();

    Held(Connection connection, boolean transaction) {
      this.connection = connection;
      this.transaction = transaction;
    }
  }

  private static final ThreadLocal<Map<DataSource, Held>> HELD = new ThreadLocal<>();

  private Transactions() {}

  /** The connection a fence holds on this thread for a data source, or null. */
  static @Nullable Held held(DataSource dataSource) {
    Map<DataSource, Held> held = HELD.get();
    return held == null ? null : held.get(dataSource);
  }

  /** Makes a connection the one that calls on this thread for the data source join, until {@link #drop}. */
  static void hold(DataSource dataSource, Held held) {
    Map<DataSource, Held> map = HELD.get();
    if (map == null) {
      map = new IdentityHashMap<>(2);
      HELD.set(map);
    }
    map.put(dataSource, held);
  }

  /** Ends {@link #hold}. */
  static void drop(DataSource dataSource) {
    Map<DataSource, Held> map = HELD.get();
    if (map != null) {
      map.remove(dataSource);
      if (map.isEmpty()) {
        HELD.remove();
      }
    }
  }

  /** Runs reads: on the connection a fence holds on this thread, or on a pooled connection of their own. */
  static <T> T read(DataSource dataSource, String operation, Work<T> work) {
    Held held = held(dataSource);
    try {
      if (held != null) {
        return work.run(held.connection);
      }
      try (Connection c = dataSource.getConnection()) {
        return work.run(c);
      }
    } catch (SQLException e) {
      throw new StoreException(operation, e);
    }
  }

  /**
   * Runs writes atomically: committed when the work returns, rolled back when it throws, so that nothing
   * half-written stays behind. Inside a fence's transaction they join it (under a savepoint, so that a write that
   * fails leaves the rest of the transaction usable and its own rows unwritten); otherwise they run in a transaction
   * of their own.
   */
  static <T> T write(DataSource dataSource, String operation, Work<T> work) {
    Held held = held(dataSource);
    try {
      if (held == null) {
        try (Connection c = dataSource.getConnection()) {
          return inTransaction(c, work);
        }
      }
      if (!held.transaction) {
        return inTransaction(held.connection, work);
      }
      Connection c = held.connection;
      Savepoint savepoint = c.setSavepoint();
      try {
        T result = work.run(c);
        c.releaseSavepoint(savepoint);
        return result;
      } catch (SQLException | RuntimeException e) {
        try {
          c.rollback(savepoint);
        } catch (SQLException ignored) {
          // the connection is gone; the whole transaction is rolled back with it
        }
        throw e;
      }
    } catch (SQLException e) {
      throw new StoreException(operation, e);
    }
  }

  private static <T> T inTransaction(Connection c, Work<T> work) throws SQLException {
    c.setAutoCommit(false);
    try {
      T result = work.run(c);
      c.commit();
      return result;
    } catch (SQLException | RuntimeException e) {
      rollback(c);
      throw e;
    } finally {
      restoreAutoCommit(c);
    }
  }

  static void rollback(Connection c) {
    try {
      c.rollback();
    } catch (SQLException ignored) {
      // the connection is gone; the database rolls the transaction back itself
    }
  }

  static void restoreAutoCommit(Connection c) {
    try {
      c.setAutoCommit(true);
    } catch (SQLException ignored) {
      // the connection is gone
    }
  }
}
