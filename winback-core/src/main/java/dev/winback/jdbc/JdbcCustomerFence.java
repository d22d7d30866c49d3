package dev.winback.jdbc;

import dev.winback.StoreException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The customer fence of {@link JdbcPlanStore}: locks in the database, so that it holds across every node sharing it.
 * See {@link JdbcPlanStore#fence()} for what is locked, how long and on which connection.
 */
final class JdbcCustomerFence implements dev.winback.spi.CustomerFence {
  private static final Logger LOG = LoggerFactory.getLogger(JdbcCustomerFence.class);

  private static final String WAITS_FOR_ITSELF =
      "A decision about a customer cannot be made inside a send to the "
          + "same customer on the same thread: it would wait for itself";

  private final DataSource dataSource;
  private final Dialect dialect;

  JdbcCustomerFence(DataSource dataSource, Dialect dialect) {
    this.dataSource = dataSource;
    this.dialect = dialect;
  }

  @Override
  public <T> T decide(String customerId, Supplier<T> decision) {
    Objects.requireNonNull(customerId, "customerId");
    Objects.requireNonNull(decision, "decision");
    if (JdbcSends.sendingOnThisThread(customerId)) {
      throw new IllegalStateException(WAITS_FOR_ITSELF);
    }
    JdbcSends
        .settleOpen(); // the holds of a run of sends on this thread must not keep this decision
    // waiting
    Transactions.Held held = Transactions.held(dataSource);
    if (held != null) {
      return decideNested(held, customerId, decision);
    }
    Connection c;
    try {
      c = dataSource.getConnection();
    } catch (SQLException e) {
      throw new StoreException("open a decision about a customer", e);
    }
    try {
      c.setAutoCommit(false);
      dialect.lockExclusive(c, customerId);
      T result;
      Transactions.hold(dataSource, new Transactions.Held(c, true));
      try {
        result = decision.get();
      } finally {
        Transactions.drop(dataSource);
      }
      c.commit();
      return result;
    } catch (SQLException e) {
      Transactions.rollback(c);
      throw new StoreException("record a decision about a customer", e);
    } catch (RuntimeException | Error e) {
      Transactions.rollback(c);
      throw e;
    } finally {
      Transactions.restoreAutoCommit(c);
      close(c);
    }
  }

  /** A decision inside another fence operation of this thread: on its connection, in its transaction if any. */
  private <T> T decideNested(Transactions.Held held, String customerId, Supplier<T> decision) {
    if (held.sending.containsKey(customerId)) {
      throw new IllegalStateException(WAITS_FOR_ITSELF);
    }
    Connection c = held.connection;
    try {
      if (held.transaction) { // joins the outer transaction; the lock lasts until it ends
        dialect.lockExclusive(c, customerId);
        return decision.get();
      }
      held.transaction = true; // a send's auto-commit connection: a transaction of its own on it
      try {
        c.setAutoCommit(false);
        dialect.lockExclusive(c, customerId);
        T result = decision.get();
        c.commit();
        return result;
      } catch (SQLException | RuntimeException | Error e) {
        Transactions.rollback(c);
        throw e;
      } finally {
        held.transaction = false;
        Transactions.restoreAutoCommit(c);
      }
    } catch (SQLException e) {
      throw new StoreException("record a decision about a customer", e);
    }
  }

  @Override
  public <T> Optional<T> send(
      String customerId, String planId, long planVersion, Supplier<T> send) {
    Objects.requireNonNull(customerId, "customerId");
    Objects.requireNonNull(planId, "planId");
    Objects.requireNonNull(send, "send");
    Transactions.Held held = Transactions.held(dataSource);
    if (held != null) {
      return sendOn(held, customerId, planId, planVersion, send);
    }
    Connection c;
    try {
      c = dataSource.getConnection();
    } catch (SQLException e) {
      throw new StoreException("open a send to a customer", e);
    }
    boolean inTransaction = dialect.sendsInTransaction();
    Transactions.Held own = new Transactions.Held(c, inTransaction);
    boolean ok = false;
    try {
      if (inTransaction) {
        c.setAutoCommit(false);
      }
      Optional<T> result;
      Transactions.hold(dataSource, own);
      try {
        result = sendOn(own, customerId, planId, planVersion, send);
      } finally {
        Transactions.drop(dataSource);
      }
      if (inTransaction) {
        c.commit();
      }
      ok = true;
      return result;
    } catch (SQLException e) {
      throw new StoreException("send to a customer", e);
    } finally {
      if (inTransaction) {
        if (!ok) {
          Transactions.rollback(c);
        }
        Transactions.restoreAutoCommit(c);
      }
      close(c);
    }
  }

  /** A run whose sends take their holds in groups on PostgreSQL; on H2, each send on its own. */
  @Override
  public Sends sends() {
    Optional<SessionLocks> locks = dialect.sessionLocks();
    return locks.isPresent()
        ? new JdbcSends(dataSource, locks.get())
        : dev.winback.spi.CustomerFence.super.sends();
  }

  /** Takes the fence on the held connection, checks the version, runs the send and lets the fence go. */
  private <T> Optional<T> sendOn(
      Transactions.Held held,
      String customerId,
      String planId,
      long planVersion,
      Supplier<T> send) {
    Connection c = held.connection;
    OptionalLong version;
    try {
      version = dialect.lockSharedAndReadVersion(c, customerId, planId, null);
    } catch (SQLException e) {
      if (!dialect.sendsInTransaction() && held.sending.isEmpty() && !held.transaction) {
        unlock(c, customerId); // the lock may have been granted before the statement failed
      }
      throw new StoreException("check a plan before a send", e);
    }
    try {
      if (version.isEmpty() || version.getAsLong() != planVersion) {
        return Optional.empty();
      }
      held.sending.merge(customerId, 1, Integer::sum);
      try {
        return Optional.of(send.get());
      } finally {
        held.sending.computeIfPresent(customerId, (id, n) -> n == 1 ? null : n - 1);
      }
    } finally {
      if (!dialect.sendsInTransaction()) {
        unlock(c, customerId);
      }
    }
  }

  /**
   * Ends a send's session-level hold. When that fails on a connection that is still open, the connection is aborted,
   * so that a pool never hands out a session still holding a customer's fence. Never throws: the send has run.
   */
  private void unlock(Connection c, String customerId) {
    try {
      dialect.unlockShared(c, customerId);
    } catch (SQLException e) {
      LOG.warn(
          "Could not release a customer's send lock ({}); aborting its connection",
          e.getClass().getName());
      try {
        c.abort(Runnable::run);
      } catch (SQLException | RuntimeException ignored) {
        // the connection is gone, and its locks with it
      }
    }
  }

  private static void close(Connection c) {
    try {
      c.close();
    } catch (SQLException ignored) {
      // the pool drops it
    }
  }
}
