package dev.winback.internal;

import java.util.concurrent.locks.ReentrantLock;

/**
 * One lock per customer (striped): serialises what this process does for one customer, so that an opt-out cannot
 * slip between a step's last policy check and its send. Thread-safe. Not API.
 */
public final class CustomerLocks {
  private static final int STRIPES = 1 << 12;
  private final ReentrantLock[] locks = new ReentrantLock[STRIPES];

  /** Creates the locks. */
  public CustomerLocks() {
    for (int i = 0; i < STRIPES; i++) {
      locks[i] = new ReentrantLock();
    }
  }

  /**
   * The lock for a customer.
   *
   * @param customerId the customer
   * @return the lock, shared with the customers of the same stripe
   */
  public ReentrantLock of(String customerId) {
    return locks[stripe(customerId)];
  }

  /**
   * Locks the locks of several customers, in stripe order so that two threads never wait for each other.
   *
   * @param customerIds the customers
   * @return the locks now held, to unlock when done
   */
  public java.util.List<ReentrantLock> lockAll(java.util.Collection<String> customerIds) {
    java.util.List<ReentrantLock> held = new java.util.ArrayList<>();
    java.util.BitSet stripes = new java.util.BitSet(STRIPES);
    customerIds.forEach(id -> stripes.set(stripe(id)));
    for (int i = stripes.nextSetBit(0); i >= 0; i = stripes.nextSetBit(i + 1)) {
      locks[i].lock();
      held.add(locks[i]);
    }
    return held;
  }

  private static int stripe(String customerId) {
    int h = customerId.hashCode();
    return (h ^ (h >>> 16)) & (STRIPES - 1);
  }
}
