package dev.winback.internal;

import dev.winback.spi.ClaimedPlan;
import dev.winback.spi.PlanChange;
import dev.winback.spi.PlanStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * How a runner makes a step its own before sending it, chosen once from the store: under a lease the store holds
 * ({@link Leased}), or by writing the running mark with optimistic locking ({@link Stored}). Immutable and
 * thread-safe.
 */
public sealed interface ClaimMode {

  /**
   * The mode for a store: leased when the store leases claims, stored otherwise.
   *
   * @param store the store
   * @param owner the runner's id
   * @param lease how long a lease lasts
   * @param batchSize the most plans claimed at a time
   * @return the mode
   */
  static ClaimMode of(PlanStore store, String owner, Duration lease, int batchSize) {
    return store.leasesClaims()
        ? new Leased(store, owner, lease, batchSize)
        : new Stored(store, owner, batchSize);
  }

  /**
   * Claims plans with due steps.
   *
   * @param now the time that decides what is due
   * @return the claimed plans, earliest due first
   */
  List<ClaimedPlan> claim(Instant now);

  /**
   * Makes a step the runner's own: the edit marks it running (and may hold a recovery).
   *
   * @param edit the edit
   * @return the plan with the step running (its version is the one to fence the send on) and the events written,
   *     or empty when another runner changed the plan first
   */
  Optional<PlanEdit.Change> begin(PlanEdit edit);

  /**
   * Records the results of a batch in one write and lets go of the plans recorded.
   *
   * @param changes the changes
   * @return for each change, whether it was stored
   */
  List<Boolean> record(List<PlanChange> changes);

  /**
   * Tells the store the runner is still working on plans.
   *
   * @param planIds the plans
   */
  void heartbeat(Collection<String> planIds);

  /**
   * Lets go of plans the runner will not finish.
   *
   * @param planIds the plans
   */
  void release(Collection<String> planIds);

  /**
   * Whether the store's lease, not a stored mark, says who runs a step.
   *
   * @return true for a leased mode
   */
  boolean leased();

  /** Claims as exclusive leases of the store: a step's start is not written, its result and release are one write. */
  record Leased(PlanStore store, String owner, Duration lease, int batchSize) implements ClaimMode {
    @Override
    public List<ClaimedPlan> claim(Instant now) {
      return store.claimDue(now, batchSize, owner, lease);
    }

    @Override
    public Optional<PlanEdit.Change> begin(PlanEdit edit) {
      if (!edit.hasEvents()) {
        return Optional.of(edit.buildUnstored()); // the lease records who runs it
      }
      PlanEdit.Change change = edit.build();
      return store.update(change.plan(), change.events()) ? Optional.of(change) : Optional.empty();
    }

    @Override
    public List<Boolean> record(List<PlanChange> changes) {
      return store.updateAllAndRelease(owner, changes);
    }

    @Override
    public void heartbeat(Collection<String> planIds) {
      store.extendClaims(owner, planIds, lease);
    }

    @Override
    public void release(Collection<String> planIds) {
      store.releaseClaims(owner, planIds);
    }

    @Override
    public boolean leased() {
      return true;
    }
  }

  /** Claims written into the plan: a step is marked running with optimistic locking before it is sent. */
  record Stored(PlanStore store, String owner, int batchSize) implements ClaimMode {
    @Override
    public List<ClaimedPlan> claim(Instant now) {
      return store.claimDue(now, batchSize, owner, Duration.ZERO);
    }

    @Override
    public Optional<PlanEdit.Change> begin(PlanEdit edit) {
      PlanEdit.Change change = edit.build();
      return store.update(change.plan(), change.events()) ? Optional.of(change) : Optional.empty();
    }

    @Override
    public List<Boolean> record(List<PlanChange> changes) {
      return store.updateAll(changes);
    }

    @Override
    public void heartbeat(Collection<String> planIds) {}

    @Override
    public void release(Collection<String> planIds) {
      store.releaseClaims(owner, planIds);
    }

    @Override
    public boolean leased() {
      return false;
    }
  }
}
