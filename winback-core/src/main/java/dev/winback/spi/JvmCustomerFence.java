package dev.winback.spi;

import dev.winback.model.WinBackPlan;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * A {@link CustomerFence} of read-write locks, one per customer while anyone holds it: sends share it, decisions
 * take it alone. Locks are created on demand and dropped when the last holder leaves, so unrelated customers never
 * wait for each other.
 */
final class JvmCustomerFence implements CustomerFence {

  /** A customer's lock and how many threads hold it or wait for it; guarded by the map's per-key lock. */
  private static final class Entry {
    final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    int users;
  }

  private final PlanStore store;
  private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

  JvmCustomerFence(PlanStore store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  @Override
  public <T> T decide(String customerId, Supplier<T> decision) {
    Entry entry = enter(customerId);
    ReentrantReadWriteLock.WriteLock lock = entry.lock.writeLock();
    try {
      if (entry.lock.getReadHoldCount() > 0) {
        throw new IllegalStateException(
            "A decision about a customer cannot be made inside a send to the same "
                + "customer on the same thread: it would wait for itself");
      }
      lock.lock();
      try {
        return decision.get();
      } finally {
        lock.unlock();
      }
    } finally {
      leave(customerId);
    }
  }

  @Override
  public <T> Optional<T> send(
      String customerId, String planId, long planVersion, Supplier<T> send) {
    Entry entry = enter(customerId);
    ReentrantReadWriteLock.ReadLock lock = entry.lock.readLock();
    try {
      lock.lock();
      try {
        Optional<WinBackPlan> current = store.find(planId);
        if (current.isEmpty() || current.get().version() != planVersion) {
          return Optional.empty();
        }
        return Optional.of(send.get());
      } finally {
        lock.unlock();
      }
    } finally {
      leave(customerId);
    }
  }

  private Entry enter(String customerId) {
    return entries.compute(customerId, (id, entry) -> {
      Entry held = entry == null ? new Entry() : entry;
      held.users++;
      return held;
    });
  }

  private void leave(String customerId) {
    entries.computeIfPresent(customerId, (id, entry) -> --entry.users == 0 ? null : entry);
  }
}
