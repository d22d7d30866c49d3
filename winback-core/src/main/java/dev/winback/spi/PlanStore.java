package dev.winback.spi;

import dev.winback.internal.InMemoryPlanStore;
import dev.winback.model.EventType;
import dev.winback.model.JournalEvent;
import dev.winback.model.WinBackPlan;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where WinBack keeps plans and each customer's append-only journal. Every write stores a plan change together
 * with the journal events that describe it, atomically: both or neither.
 *
 * <p>Implementations must be thread-safe. Updates use optimistic locking: an update succeeds only when the stored
 * plan's version is one below the new plan's, so two runners can never both claim the same step.
 */
public interface PlanStore {

  /**
   * Stores a new plan with its journal events, unless a plan with the same id is already stored.
   *
   * @param plan the new plan, version 0
   * @param events the events that describe its start
   * @return the stored plan: the given one, or the one that was already there (its events are then dropped)
   */
  WinBackPlan insertIfAbsent(WinBackPlan plan, List<JournalEvent> events);

  /**
   * Replaces a plan with a newer version and appends the events describing the change.
   *
   * @param plan the new version; its {@link WinBackPlan#version()} must be the stored version plus one
   * @param events the events that describe the change
   * @return true when stored; false when the stored version was not the expected one (nothing written)
   */
  boolean update(WinBackPlan plan, List<JournalEvent> events);

  /**
   * Finds a plan by id.
   *
   * @param planId the plan's id
   * @return the plan, if stored
   */
  Optional<WinBackPlan> find(String planId);

  /**
   * Finds a customer's most recently started plan.
   *
   * @param customerId the customer's id
   * @return the plan, if the customer has any
   */
  Optional<WinBackPlan> latestPlan(String customerId);

  /**
   * Lists pending steps of active plans that are due at a time.
   *
   * @param now the time
   * @param limit the most steps to return
   * @return due steps, earliest first
   */
  List<DueStep> dueSteps(Instant now, int limit);

  /**
   * Reads a customer's journal.
   *
   * @param customerId the customer's id
   * @return every event for the customer, in the order they were stored
   */
  List<JournalEvent> journal(String customerId);

  /**
   * The customer's contacts across all plans, oldest first: what frequency caps count. By default read from the
   * journal's {@link EventType#STEP_DONE} events; stores may keep an index instead.
   *
   * @param customerId the customer's id
   * @return the contacts made
   */
  default List<ContactRecord> contactHistory(String customerId) {
    List<ContactRecord> contacts = new ArrayList<>();
    for (JournalEvent event : journal(customerId)) {
      if (event.type() == EventType.STEP_DONE && event.channel().isPresent() && event.stepKind().isPresent()) {
        contacts.add(new ContactRecord(event.at(), event.channel().get(), event.stepKind().get(), event.planId()));
      }
    }
    return contacts;
  }

  /**
   * A store that keeps everything in this process's memory: fast, and gone when the process ends.
   *
   * @return a new, empty store
   */
  static PlanStore inMemory() {
    return new InMemoryPlanStore();
  }
}
