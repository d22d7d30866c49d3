package dev.winback.spi;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Keeps the sends to one customer and the decisions about them apart, on every node that shares a store: a decision
 * (an opt-out, a suppression, an erasure, a decline, new feedback, a new loss) holds the customer's fence
 * exclusively, and a send holds it shared from its final check until its strategy has returned. So once a decision
 * has returned, no send to that customer starts on any node without seeing it.
 *
 * <p>Implementations must be thread-safe and must not hold one customer's fence while waiting for another's.
 */
public interface CustomerFence {

  /**
   * Runs a decision about one customer alone: sends to the customer that are in progress finish first, and none
   * starts until the decision returns. Stores that can, run every write the decision makes (and those of a
   * suppression list on the same database) in one transaction, rolled back when the decision throws.
   *
   * <p>A decision inside a decision on the same thread joins the outer one. A decision about a customer inside a
   * send to the same customer on the same thread would wait for itself, and is refused.
   *
   * @param customerId the customer
   * @param decision what to decide and write; it must not contact the customer
   * @param <T> what the decision returns
   * @return what the decision returned
   * @throws IllegalStateException when called inside a send to the same customer on the same thread
   */
  <T> T decide(String customerId, Supplier<T> decision);

  /**
   * Runs a send of one step if its plan is still the version the runner holds: the version check, the send's final
   * contact check and the strategy all run while the customer's fence is held shared.
   *
   * @param customerId the customer
   * @param planId the plan the step belongs to
   * @param planVersion the version of the plan the runner decided on
   * @param send the final check and the strategy's invocation
   * @param <T> what the send returns
   * @return what the send returned; empty, without running it, when the plan changed or is gone
   */
  <T> Optional<T> send(String customerId, String planId, long planVersion, Supplier<T> send);

  /**
   * A fence inside this JVM over a store's plans: enough when every engine using the store runs in one process.
   *
   * @param store the store whose plan versions are checked
   * @return a new fence
   */
  static CustomerFence inJvm(PlanStore store) {
    return new JvmCustomerFence(store);
  }
}
