package dev.winback.jdbc;

import dev.winback.StoreException;
import dev.winback.spi.CustomerFence;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A run of sends on PostgreSQL, on one pooled connection taken at the first send and given back at close: each send
 * lets go of the previous send's shared hold in the same round trip that takes its own, so a send costs one round
 * trip instead of two. While the run is open, the store's calls on its thread use its connection, and a decision
 * made on its thread first lets the carried hold go.
 */
final class JdbcSends implements CustomerFence.Sends {
  private static final Logger LOG = LoggerFactory.getLogger(JdbcSends.class);
  /** The run open on this thread, if any. */
  private static final ThreadLocal<@Nullable JdbcSends> OPEN = new ThreadLocal<>();

  private final JdbcCustomerFence fence;
  private final DataSource dataSource;
  private final Dialect dialect;
  private final Thread owner = Thread.currentThread();
  private final @Nullable JdbcSends outer;
  private Transactions.@Nullable Held held;
  /**
   * The customer whose shared hold the last send left for the next one to let go; never the customer of a send in
   * progress, whose hold a decision on this thread (which settles the run first) must not end.
   */
  private @Nullable String carried;

  private boolean closed;

  JdbcSends(JdbcCustomerFence fence, DataSource dataSource, Dialect dialect) {
    this.fence = fence;
    this.dataSource = dataSource;
    this.dialect = dialect;
    this.outer = OPEN.get();
    OPEN.set(this);
  }

  /** Lets go of the hold carried by the run open on this thread, before a decision that might wait for it. */
  static void settleOpen() {
    JdbcSends open = OPEN.get();
    if (open != null) {
      open.settle();
    }
  }

  @Override
  public <T> Optional<T> send(
      String customerId, String planId, long planVersion, Supplier<T> send) {
    Objects.requireNonNull(customerId, "customerId");
    Objects.requireNonNull(planId, "planId");
    Objects.requireNonNull(send, "send");
    requireOpen();
    Transactions.Held joined = Transactions.held(dataSource);
    if (joined != null
        && joined != held) { // inside another fence operation of this thread: a send of its own
      settle();
      return fence.send(customerId, planId, planVersion, send);
    }
    Transactions.Held h = connection();
    String release = carried;
    carried = null;
    OptionalLong version;
    try {
      version = dialect.lockSharedAndReadVersion(h.connection, customerId, planId, release);
    } catch (SQLException e) {
      discard(); // what the statement did before it failed is unknown: the session and its holds go
      throw new StoreException("check a plan before a send", e);
    }
    if (version.isEmpty() || version.getAsLong() != planVersion) {
      carried = customerId;
      return Optional.empty();
    }
    h.sending.merge(customerId, 1, Integer::sum);
    try {
      return Optional.of(send.get());
    } finally {
      h.sending.computeIfPresent(customerId, (id, n) -> n == 1 ? null : n - 1);
      if (held == h) { // not discarded meanwhile: the hold is carried to the next send, not let go
        // mid-send
        carried = customerId;
      }
    }
  }

  @Override
  public void settle() {
    Transactions.Held h = held;
    String customer = carried;
    carried = null;
    if (h == null || customer == null) {
      return;
    }
    try {
      dialect.unlockShared(h.connection, customer);
    } catch (SQLException e) {
      LOG.warn(
          "Could not release a customer's send lock ({}); aborting its connection",
          e.getClass().getName());
      discard();
    }
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    try {
      settle();
      Transactions.Held h = held;
      if (h != null) {
        held = null;
        Transactions.drop(dataSource);
        try {
          h.connection.close();
        } catch (SQLException ignored) {
          // the pool drops it
        }
      }
    } finally {
      closed = true;
      if (OPEN.get() == this) {
        if (outer == null) {
          OPEN.remove();
        } else {
          OPEN.set(outer);
        }
      }
    }
  }

  private void requireOpen() {
    if (closed) {
      throw new IllegalStateException("This run of sends is closed");
    }
    if (Thread.currentThread() != owner) {
      throw new IllegalStateException("A run of sends belongs to the thread that opened it");
    }
  }

  /** The run's connection, taken from the pool at the first send and held for the thread. */
  private Transactions.Held connection() {
    Transactions.Held h = held;
    if (h != null) {
      return h;
    }
    Connection c;
    try {
      c = dataSource.getConnection();
    } catch (SQLException e) {
      throw new StoreException("open a send to a customer", e);
    }
    h = new Transactions.Held(c, false);
    held = h;
    Transactions.hold(dataSource, h);
    return h;
  }

  /** Aborts the connection, so that a pool never hands out a session still holding a customer's fence. */
  private void discard() {
    Transactions.Held h = held;
    held = null;
    carried = null;
    if (h == null) {
      return;
    }
    Transactions.drop(dataSource);
    try {
      h.connection.abort(Runnable::run);
    } catch (SQLException | RuntimeException ignored) {
      // the connection is gone, and its locks with it
    }
  }
}
