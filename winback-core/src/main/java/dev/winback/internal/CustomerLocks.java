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
    int h = customerId.hashCode();
    return locks[(h ^ (h >>> 16)) & (STRIPES - 1)];
  }
}
