package dev.winback.jdbc;

import dev.winback.StoreException;
import dev.winback.spi.CustomerFence;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A run of sends on PostgreSQL, holding customers' locks shared on one session of its own (a pooled connection taken
 * at the first send and given back at close, used for nothing else). One round trip lets go of every hold the
 * session has and takes the holds of the next group of expected sends, reading their plans' versions; the sends of
 * the group then start without a round trip each. The group grows (up to {@value #MAX_GROUP}) while its sends are
 * quick and falls back to one send when they are not.
 *
 * <p>No hold outlives progress: a watcher thread lets go of every hold but the current send's when the run has not
 * moved for {@link #STALL} (a host call that takes long, say), so a decision about a customer waits a few
 * milliseconds at most for another customer's send, and the group's later sends take their holds again. A decision
 * made on the run's own thread first lets go of the run's holds, and one about the customer of the send in progress
 * on this thread is refused (it would wait for itself).
 */
final class JdbcSends implements CustomerFence.Sends {
  private static final Logger LOG = LoggerFactory.getLogger(JdbcSends.class);
  /** How long a run may make no progress before its holds on other customers go. */
  static final Duration STALL = Duration.ofMillis(10);

  private static final int MAX_GROUP = 64;
  private static final long STALL_NANOS = STALL.toNanos();
  /** The run open on this thread, if any. */
  private static final ThreadLocal<@Nullable JdbcSends> OPEN = new ThreadLocal<>();
  /** The runs holding a session: the watcher looks at them. */
  private static final Set<JdbcSends> WATCHED = ConcurrentHashMap.newKeySet();

  private static @Nullable ScheduledExecutorService watcher;
  private static @Nullable ScheduledFuture<?> watching;

  private final DataSource dataSource;
  private final SessionLocks locks;
  private final Thread owner = Thread.currentThread();
  private final @Nullable JdbcSends outer;

  /** Guards the session and what it holds, between the run's thread and the watcher. */
  private final ReentrantLock guard = new ReentrantLock();

  private @Nullable Connection connection;
  /** The customers the session holds shared (one element per hold), except the current send's. */
  private final List<String> held = new ArrayList<>();
  /** The versions read for the plans of the group whose sends have not started, by plan id. */
  private final Map<String, OptionalLong> ahead = new HashMap<>();
  /** Bumped when the session is discarded, and every hold with it (the current send's too). */
  private long generation;

  private volatile long progress = System.nanoTime();
  private boolean stalled;

  // the run's thread only
  private final List<String[]> expected = new ArrayList<>();
  private final Map<String, Integer> expectedAt = new HashMap<>();
  private int groupSize = 1;
  private long groupStarted = System.nanoTime();
  private @Nullable String sending;
  private boolean closed;

  JdbcSends(DataSource dataSource, SessionLocks locks) {
    this.dataSource = dataSource;
    this.locks = locks;
    this.outer = OPEN.get();
    OPEN.set(this);
  }

  /** Lets go of the holds of the run open on this thread, before a decision that might wait for them. */
  static void settleOpen() {
    JdbcSends open = OPEN.get();
    if (open != null) {
      open.settle();
    }
  }

  /** Whether this thread's run is sending to the customer now. */
  static boolean sendingOnThisThread(String customerId) {
    for (JdbcSends run = OPEN.get(); run != null; run = run.outer) {
      if (customerId.equals(run.sending)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void expect(String customerId, String planId) {
    Objects.requireNonNull(customerId, "customerId");
    Objects.requireNonNull(planId, "planId");
    requireOpen();
    expectedAt.putIfAbsent(planId, expected.size());
    expected.add(new String[] {customerId, planId});
  }

  @Override
  public <T> Optional<T> send(
      String customerId, String planId, long planVersion, Supplier<T> send) {
    Objects.requireNonNull(customerId, "customerId");
    Objects.requireNonNull(planId, "planId");
    Objects.requireNonNull(send, "send");
    requireOpen();
    OptionalLong version;
    long taken;
    guard.lock();
    try {
      OptionalLong read = ahead.remove(planId);
      if (read == null) {
        read = lockGroupFrom(customerId, planId);
      } else if (read.isPresent() && read.getAsLong() != planVersion) {
        read = locks.version(
            session(), planId); // written since the group was read (a recovery, say): read again
      }
      version = read;
      held.remove(customerId); // the current send's hold: the watcher leaves it alone
      taken = generation;
      progress = System.nanoTime();
    } catch (SQLException e) {
      discard(); // what the statement did before it failed is unknown: the session and its holds go
      throw new StoreException("check a plan before a send", e);
    } finally {
      guard.unlock();
    }
    if (version.isEmpty() || version.getAsLong() != planVersion) {
      finished(customerId, taken);
      return Optional.empty();
    }
    sending = customerId;
    try {
      return Optional.of(send.get());
    } finally {
      sending = null;
      finished(customerId, taken);
    }
  }

  /** The current send is over: its hold is carried to the next round trip, if the session still has it. */
  private void finished(String customerId, long taken) {
    guard.lock();
    try {
      if (generation == taken && connection != null) {
        held.add(customerId);
      }
      progress = System.nanoTime();
    } finally {
      guard.unlock();
    }
  }

  /** One round trip: lets go of every hold and takes those of the next group, starting with this send's. */
  private OptionalLong lockGroupFrom(String customerId, String planId) throws SQLException {
    long now = System.nanoTime();
    if (stalled) {
      groupSize = 1;
    } else if (now - groupStarted < STALL_NANOS / 2) {
      groupSize = Math.min(groupSize * 2, MAX_GROUP);
    }
    stalled = false;
    groupStarted = now;
    List<String> customers = new ArrayList<>(groupSize);
    List<String> plans = new ArrayList<>(groupSize);
    customers.add(customerId);
    plans.add(planId);
    Integer at = expectedAt.get(planId);
    if (at != null) {
      for (int i = at + 1; i < expected.size() && plans.size() < groupSize; i++) {
        customers.add(expected.get(i)[0]);
        plans.add(expected.get(i)[1]);
      }
    }
    Connection c = session();
    List<String> release = List.copyOf(held);
    held.clear();
    ahead.clear();
    List<OptionalLong> versions = locks.lockGroup(c, release, customers, plans);
    held.addAll(customers);
    for (int i = 1; i < plans.size(); i++) {
      ahead.put(plans.get(i), versions.get(i));
    }
    return versions.get(0);
  }

  @Override
  public void settle() {
    guard.lock();
    try {
      letGo();
    } finally {
      guard.unlock();
    }
  }

  /** Lets go of every hold but the current send's; the guard is held. */
  private void letGo() {
    ahead.clear();
    Connection c = connection;
    if (c == null || held.isEmpty()) {
      return;
    }
    List<String> release = List.copyOf(held);
    held.clear();
    stalled = true;
    try {
      locks.unlock(c, release);
    } catch (SQLException e) {
      LOG.warn(
          "Could not release customers' send locks ({}); aborting its connection",
          e.getClass().getName());
      discard();
    }
  }

  /** The watcher's look at this run: lets its holds go when it has made no progress for a while. */
  private void look(long now) {
    if (now - progress < STALL_NANOS || !guard.tryLock()) {
      return; // moving, or busy with its session this moment: looked at again on the next tick
    }
    try {
      if (now - progress >= STALL_NANOS) {
        letGo();
      }
    } finally {
      guard.unlock();
    }
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    guard.lock();
    try {
      letGo();
      Connection c = connection;
      connection = null;
      if (c != null) {
        stopWatching(this);
        try {
          c.close();
        } catch (SQLException ignored) {
          // the pool drops it
        }
      }
    } finally {
      guard.unlock();
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

  /** The run's session, taken from the pool at the first send; the guard is held. */
  private Connection session() {
    Connection c = connection;
    if (c != null) {
      return c;
    }
    try {
      c = dataSource.getConnection();
    } catch (SQLException e) {
      throw new StoreException("open a send to a customer", e);
    }
    connection = c;
    startWatching(this);
    return c;
  }

  /** Aborts the session, so that a pool never hands out a session still holding customers' locks; guard held. */
  private void discard() {
    Connection c = connection;
    connection = null;
    held.clear();
    ahead.clear();
    generation++;
    stalled = true;
    if (c == null) {
      return;
    }
    stopWatching(this);
    try {
      c.abort(Runnable::run);
    } catch (SQLException | RuntimeException ignored) {
      // the connection is gone, and its locks with it
    }
  }

  private static synchronized void startWatching(JdbcSends run) {
    WATCHED.add(run);
    if (watching == null) {
      if (watcher == null) {
        watcher = Executors.newSingleThreadScheduledExecutor(task -> {
          Thread thread = new Thread(task, "winback-fence-watcher");
          thread.setDaemon(true);
          return thread;
        });
      }
      long tick = STALL_NANOS / 4;
      watching = watcher.scheduleAtFixedRate(JdbcSends::tick, tick, tick, TimeUnit.NANOSECONDS);
    }
  }

  private static synchronized void stopWatching(JdbcSends run) {
    WATCHED.remove(run);
    if (WATCHED.isEmpty() && watching != null) {
      watching.cancel(false);
      watching = null;
    }
  }

  private static void tick() {
    long now = System.nanoTime();
    for (JdbcSends run : WATCHED) {
      try {
        run.look(now);
      } catch (RuntimeException e) {
        LOG.warn("Could not look at a run of sends ({})", e.getClass().getName());
      }
    }
  }
}
