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
   * Opens a run of sends that the calling thread makes one after another, such as a runner's batch. The run may take
   * the holds of several expected sends at once and carry a send's hold past its end, letting it go with the next
   * holds it takes, but never for long: a store lets go of every hold but the current send's when the run makes no
   * progress for a few milliseconds (a host call that takes long, say), so a decision about a customer never waits
   * for another customer's send. {@link Sends#settle()} and {@link Sends#close()} let go at once. This default runs
   * each send on its own through {@link #send}.
   *
   * @return a new run, to be used and closed by the calling thread only
   */
  default Sends sends() {
    return new EachSend(this);
  }

  /**
   * Sends made one after another by one thread. Holds taken ahead or carried over keep decisions about those
   * customers waiting for a few milliseconds at most; call {@link #settle()} before anything outside a send that may
   * take long, such as a host callback, and {@link #close()} at the end.
   */
  interface Sends extends AutoCloseable {

    /**
     * Runs a send of one step if its plan is still the version the runner holds, as {@link CustomerFence#send}
     * does, first letting go of any hold carried over from the run's last send.
     *
     * @param customerId the customer
     * @param planId the plan the step belongs to
     * @param planVersion the version of the plan the runner decided on
     * @param send the final check and the strategy's invocation
     * @param <T> what the send returns
     * @return what the send returned; empty, without running it, when the plan changed or is gone
     * @throws IllegalStateException when called by another thread than the one that opened the run, or after close
     */
    <T> Optional<T> send(String customerId, String planId, long planVersion, Supplier<T> send);

    /**
     * Tells the run of a send likely to follow, in the order the sends will come, so that a store can take the holds
     * of several sends in one round trip. A send that never comes costs a hold until the run settles; a send not
     * expected still runs. This default does nothing.
     *
     * @param customerId the customer
     * @param planId the plan the step belongs to
     */
    default void expect(String customerId, String planId) {}

    /** Lets go of any hold carried over from the last send; the run stays open. */
    void settle();

    /** Lets go of every hold and whatever else the run kept (a connection, say); later sends are refused. */
    @Override
    void close();
  }

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
