package dev.winback;

import dev.winback.internal.EventPublisher;
import dev.winback.internal.PlanEdit;
import dev.winback.internal.SendScope;
import dev.winback.model.JournalEvent;
import dev.winback.model.Limits;
import dev.winback.model.WinBackPlan;
import dev.winback.spi.CustomerFence;
import dev.winback.spi.PlanStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Writes plan changes with optimistic locking, retrying on conflict, and publishes their events once written. A
 * decision about a customer runs inside the customer's fence ({@link #decide}); its events are published only after
 * the whole decision has returned (and, on a transactional store, committed). Thread-safe.
 */
final class PlanWriter {
  private static final int MAX_UPDATE_ATTEMPTS = 100;

  private final PlanStore store;
  private final CustomerFence fence;
  private final EventPublisher publisher;
  /** The events of the decision running on this thread, published when it returns. */
  private final ThreadLocal<List<JournalEvent>> deciding = new ThreadLocal<>();

  PlanWriter(PlanStore store, EventPublisher publisher) {
    this.store = store;
    this.fence = store.fence();
    this.publisher = publisher;
  }

  PlanStore store() {
    return store;
  }

  /**
   * Runs a decision about one customer alone, in the customer's fence; a decision already running on this thread
   * for the same store joins it.
   */
  <T> T decide(String customerId, Supplier<T> decision) {
    if (SendScope.current().filter(customerId::equals).isPresent()) {
      return decision
          .get(); // a strategy deciding about the customer it is sending to: its send holds the
      // fence
    }
    if (deciding.get() != null) {
      return fence.decide(customerId, decision);
    }
    List<JournalEvent> events = new ArrayList<>();
    deciding.set(events);
    T result;
    try {
      result = fence.decide(customerId, decision);
    } finally {
      deciding.remove();
    }
    publisher.publish(events);
    return result;
  }

  /** Tells the listeners that a runner claimed a batch of plans. */
  void claimed(int plans) {
    publisher.claimed(plans);
  }

  /** The customer's latest plan. */
  WinBackPlan latest(String customerId) {
    Limits.requireValidId("customerId", customerId);
    return store.latestPlan(customerId).orElseThrow(() -> new UnknownCustomerException(customerId));
  }

  /** Applies a change that always records something; see {@link #change}. */
  WinBackPlan apply(String planId, Function<WinBackPlan, PlanEdit> changeOf) {
    return change(planId, plan -> Optional.of(changeOf.apply(plan)))
        .orElseThrow(() -> new IllegalStateException("the plan was erased while it changed"));
  }

  /** Applies a change with optimistic locking, retrying on conflict; empty when the change decided to do nothing. */
  Optional<WinBackPlan> change(String planId, Function<WinBackPlan, Optional<PlanEdit>> changeOf) {
    for (int attempt = 0; attempt < MAX_UPDATE_ATTEMPTS; attempt++) {
      Optional<WinBackPlan> current = store.find(planId);
      if (current.isEmpty()) {
        return Optional.empty(); // erased meanwhile
      }
      Optional<PlanEdit> edit = changeOf.apply(current.get());
      if (edit.isEmpty()) {
        return Optional.empty();
      }
      PlanEdit.Change change = edit.get().build();
      if (store.update(change.plan(), change.events())) {
        published(change.events());
        return Optional.of(change.plan());
      }
    }
    throw new ConcurrentUpdateException(planId, MAX_UPDATE_ATTEMPTS);
  }

  /** Hands written events to the listeners: at once, or when the decision on this thread returns. */
  void published(List<JournalEvent> events) {
    List<JournalEvent> pending = deciding.get();
    if (pending != null) {
      pending.addAll(events);
    } else {
      publisher.publish(events);
    }
  }
}
