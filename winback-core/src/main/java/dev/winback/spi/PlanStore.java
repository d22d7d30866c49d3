package dev.winback.spi;

import dev.winback.model.Backlog;
import dev.winback.model.EventType;
import dev.winback.model.JournalEvent;
import dev.winback.model.PlanStatus;
import dev.winback.model.WinBackPlan;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Where WinBack keeps plans and each customer's append-only journal. Every write stores a plan change together
 * with the journal events that describe it, atomically: both or neither.
 *
 * <p>Implementations must be thread-safe. Updates use optimistic locking: an update succeeds only when the stored
 * plan's version is one below the new plan's, so two runners can never both claim the same step.
 */
public interface PlanStore {

  /**
   * Stores a new plan with its journal events, unless a plan with the same id is already stored. A customer has at
   * most one {@link dev.winback.model.PlanStatus#ACTIVE} plan: a new active plan is refused while another active plan
   * of the customer is stored (end that one first, e.g. as superseded).
   *
   * @param plan the new plan, version 0
   * @param events the events that describe its start
   * @return the stored plan: the given one, or the one that was already there (its events are then dropped)
   * @throws dev.winback.ConcurrentUpdateException when the plan is active and the customer has another active plan
   *     (started concurrently); nothing was written
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
   * @return the plan, if stored and readable (see {@link #unreadableRecords})
   */
  Optional<WinBackPlan> find(String planId);

  /**
   * Finds a customer's most recently started plan.
   *
   * @param customerId the customer's id
   * @return the most recently started of the customer's readable plans, if the customer has any
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
   * Claims plans with due steps for one runner, so that several runners (threads or nodes) sharing the store never
   * work on the same plan at once: the plans returned are leased to {@code owner} for {@code lease}. A plan whose
   * lease lapsed (its runner died) is returned again as {@link ClaimedPlan#recovering()}. A due plan whose stored
   * record cannot be read is not returned: the store quarantines it (see {@link #quarantined}) and claims the others.
   * Stores used by one process only may ignore leases; by default the plans of {@link #dueSteps} are returned, not
   * recovering.
   *
   * <p>{@code now} decides which steps are due; the lease is judged by the store's own clock (a shared store uses
   * one clock for every node, e.g. the database's), so a node whose clock runs ahead never takes over another node's
   * live lease.
   *
   * @param now the time, by the engine's clock, that decides which steps are due
   * @param limit the most plans to claim
   * @param owner the claiming runner's id
   * @param lease how long the claim lasts, by the store's clock, unless extended
   * @return the claimed plans, earliest due first
   */
  default List<ClaimedPlan> claimDue(Instant now, int limit, String owner, Duration lease) {
    java.util.Set<String> planIds = new java.util.LinkedHashSet<>();
    for (DueStep step : dueSteps(now, limit)) {
      planIds.add(step.planId());
    }
    List<ClaimedPlan> plans = new ArrayList<>(planIds.size());
    for (String planId : planIds) {
      find(planId).ifPresent(plan -> plans.add(new ClaimedPlan(plan, false)));
    }
    return plans;
  }

  /**
   * Stores several plan changes, each under the same optimistic locking as {@link #update}; a change whose plan
   * moved on is left out, the others are stored. By default one {@link #update} after another; stores may write
   * them in one round trip.
   *
   * @param changes the changes
   * @return for each change, in order, whether it was stored
   */
  default List<Boolean> updateAll(List<PlanChange> changes) {
    List<Boolean> stored = new ArrayList<>(changes.size());
    for (PlanChange change : changes) {
      stored.add(update(change.plan(), change.events()));
    }
    return stored;
  }

  /**
   * Stores several plan changes like {@link #updateAll} and, in the same write, releases {@code owner}'s claim on
   * each plan stored: how a runner records the results of a batch. A plan whose change was left out stays claimed.
   * By default {@link #updateAll}, then {@link #releaseClaims} for the plans stored.
   *
   * @param owner the runner's id
   * @param changes the changes
   * @return for each change, in order, whether it was stored (and its plan released)
   */
  default List<Boolean> updateAllAndRelease(String owner, List<PlanChange> changes) {
    List<Boolean> stored = updateAll(changes);
    List<String> released = new ArrayList<>(changes.size());
    for (int i = 0; i < changes.size(); i++) {
      if (stored.get(i)) {
        released.add(changes.get(i).plan().id());
      }
    }
    releaseClaims(owner, released);
    return stored;
  }

  /**
   * Whether {@link #claimDue} leases each plan it returns to the claiming runner alone, until the runner releases
   * it or the lease lapses, so that no other runner works on the plan meanwhile; a lapsed lease is then returned as
   * {@link ClaimedPlan#recovering()}. When true, the engine runs a claimed step without first storing that it runs
   * (the lease says so), and stores the result and the release in one write. By default false: the engine then
   * stores each claim, under optimistic locking, before running the step.
   *
   * @return true when claims are exclusive leases
   */
  default boolean leasesClaims() {
    return false;
  }

  /**
   * The contact histories of several customers; by default one {@link #contactHistory} after another.
   *
   * @param customerIds the customers
   * @return each customer's contacts, oldest first (customers without contacts may be missing)
   */
  default java.util.Map<String, List<ContactRecord>> contactHistories(
      Collection<String> customerIds) {
    java.util.Map<String, List<ContactRecord>> histories = new java.util.HashMap<>();
    for (String customerId : customerIds) {
      histories.put(customerId, contactHistory(customerId));
    }
    return histories;
  }

  /**
   * Extends a runner's claims while it is still working on them (a heartbeat).
   *
   * @param owner the runner's id
   * @param planIds the plans it is working on
   * @param lease how long from now, by the store's clock, the claims last
   */
  default void extendClaims(String owner, Collection<String> planIds, Duration lease) {}

  /**
   * Releases a runner's claims on plans it has finished with (or will not finish, when shutting down).
   *
   * @param owner the runner's id
   * @param planIds the plans
   */
  default void releaseClaims(String owner, Collection<String> planIds) {}

  /**
   * The fence that keeps sends to a customer and decisions about them apart on every engine sharing this store.
   * Stores used by one process may return {@link CustomerFence#inJvm(PlanStore)} (once, kept for the store's life);
   * shared stores need one that holds across processes.
   *
   * @return the store's fence, the same instance on every call
   */
  CustomerFence fence();

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
      if (event.type() == EventType.STEP_DONE
          && event.channel().isPresent()
          && event.stepKind().isPresent()) {
        contacts.add(new ContactRecord(
            event.at(), event.channel().get(), event.stepKind().get(), event.planId()));
      }
    }
    return contacts;
  }

  /**
   * A page of the ids of every customer with plans, in ascending order: for maintenance jobs such as erasing data
   * past its retention.
   *
   * @param after the last id of the previous page, or the empty string for the first page
   * @param limit the most ids to return
   * @return the ids after {@code after}, ascending
   */
  List<String> customerIds(String after, int limit);

  /**
   * Every plan of a customer, oldest first.
   *
   * @param customerId the customer's id
   * @return the readable plans (see {@link #unreadableRecords})
   */
  List<WinBackPlan> plans(String customerId);

  /**
   * How many plans have a step due at {@code now}, and since when the oldest has waited: for metrics, health checks
   * and the operator's overview. The default scans {@link #dueSteps}; stores with an index answer it directly.
   *
   * @param now the time
   * @return the backlog
   */
  default Backlog backlog(Instant now) {
    Map<String, Instant> oldestByPlan = new HashMap<>();
    for (DueStep step : dueSteps(now, Integer.MAX_VALUE)) {
      oldestByPlan.merge(step.planId(), step.dueAt(), (a, b) -> a.isBefore(b) ? a : b);
    }
    return oldestByPlan.isEmpty()
        ? Backlog.empty()
        : new Backlog(oldestByPlan.size(), oldestByPlan.values().stream().min(Instant::compareTo));
  }

  /**
   * How many plans the store holds in each status, every status present (zero when none): the funnel. The default
   * reads every customer's plans; stores answer it with one query.
   *
   * @return the counts by status, in the order of {@link PlanStatus}
   */
  default Map<PlanStatus, Long> planCounts() {
    Map<PlanStatus, Long> counts = new EnumMap<>(PlanStatus.class);
    for (PlanStatus status : PlanStatus.values()) {
      counts.put(status, 0L);
    }
    eachCustomer(customerId -> {
      for (WinBackPlan plan : plans(customerId)) {
        counts.merge(plan.status(), 1L, Long::sum);
      }
    });
    return counts;
  }

  /**
   * The newest journal events of the given types across every customer, newest first: the failures and operator
   * actions an operator looks at. The default reads every customer's journal; stores answer it from an index.
   *
   * @param types the event types wanted, from {@link #NOTABLE_EVENTS}
   * @param limit the most events to return
   * @return the events, newest first
   * @throws IllegalArgumentException when a type is not one of {@link #NOTABLE_EVENTS}
   */
  default List<JournalEvent> recentEvents(Set<EventType> types, int limit) {
    requireNotable(types);
    List<JournalEvent> found = new ArrayList<>();
    eachCustomer(customerId -> {
      for (JournalEvent event : journal(customerId)) {
        if (types.contains(event.type())) {
          found.add(event);
        }
      }
    });
    found.sort(Comparator.comparing(JournalEvent::at).reversed());
    return List.copyOf(found.subList(0, Math.min(limit, found.size())));
  }

  /** The event types {@link #recentEvents} answers for: failures, quarantines and operators' actions. */
  Set<EventType> NOTABLE_EVENTS =
      Set.of(EventType.STEP_FAILED, EventType.PLAN_QUARANTINED, EventType.OPERATOR_ACTION);

  /**
   * Checks that {@link #recentEvents} may be asked for these types.
   *
   * @param types the types asked for
   * @throws IllegalArgumentException when a type is not notable
   */
  static void requireNotable(Set<EventType> types) {
    if (!NOTABLE_EVENTS.containsAll(types)) {
      throw new IllegalArgumentException(
          "recentEvents answers only for " + NOTABLE_EVENTS + ", not " + types);
    }
  }

  /**
   * The stored records of a customer that cannot be read as plans or journal events (corrupt, written by hand, or
   * no longer valid), as their raw stored text: what an export of the customer's data must add to the readable
   * {@link #plans} and {@link #journal}, which leave them out. Such records affect their customer only: a plan among
   * them is {@linkplain #quarantined quarantined} when it falls due, and {@link #anonymise} deletes them. Stores that
   * cannot hold unreadable records return an empty list (the default).
   *
   * @param customerId the customer's id
   * @return the raw text of each unreadable plan, then of each unreadable journal event, in stored order
   */
  default List<String> unreadableRecords(String customerId) {
    return List.of();
  }

  /**
   * A page of the plans taken out of the due order (status {@link dev.winback.model.PlanStatus#QUARANTINED}), for
   * operators: by the store itself when a due plan's record could not be read, or by the engine. By default read
   * through {@link #customerIds} and {@link #plans} (a scan of every customer); stores override it with a query.
   *
   * @param afterPlanId the last plan id of the previous page, or the empty string for the first page
   * @param limit the most plans to return
   * @return the quarantined plans with ids after {@code afterPlanId}, ascending by plan id
   */
  default List<QuarantinedPlan> quarantined(String afterPlanId, int limit) {
    java.util.TreeMap<String, QuarantinedPlan> found = new java.util.TreeMap<>();
    eachCustomer(customerId -> {
      for (WinBackPlan plan : plans(customerId)) {
        if (plan.status() == dev.winback.model.PlanStatus.QUARANTINED
            && plan.id().compareTo(afterPlanId) > 0) {
          found.put(plan.id(), QuarantinedPlan.of(plan, journal(customerId)));
          if (found.size() > limit) {
            found.pollLastEntry();
          }
        }
      }
    });
    return List.copyOf(found.values());
  }

  /** Calls {@code action} with the id of every customer with plans, a page of 500 ids at a time. */
  private void eachCustomer(java.util.function.Consumer<String> action) {
    String after = "";
    for (List<String> page = customerIds(after, 500);
        !page.isEmpty();
        page = customerIds(after, 500)) {
      page.forEach(action);
      after = page.get(page.size() - 1);
    }
  }

  /**
   * Replaces everything held about a customer by anonymous copies, atomically: each plan by {@code anonymisePlan}'s
   * result, each journal event by {@code anonymiseEvent}'s, both filed under {@code anonymousId}; the customer's
   * reactivation grants are deleted. Nothing stored afterwards mentions {@code customerId}.
   *
   * @param customerId the customer to erase
   * @param anonymousId the id their anonymous records are kept under
   * @param anonymisePlan turns a plan into its anonymous copy (with a new id)
   * @param anonymiseEvent turns a journal event into its anonymous copy
   */
  void anonymise(
      String customerId,
      String anonymousId,
      UnaryOperator<WinBackPlan> anonymisePlan,
      UnaryOperator<JournalEvent> anonymiseEvent);

  /**
   * Stores a reactivation grant for a token just issued.
   *
   * @param grant the grant
   */
  void saveGrant(ReactivationGrant grant);

  /**
   * Consumes a reactivation grant atomically: of many concurrent calls for the same token, exactly one gets
   * {@link GrantConsumption.Status#CONSUMED}.
   *
   * @param tokenId the token's id
   * @param at when it is redeemed
   * @return what happened
   */
  GrantConsumption consumeGrant(String tokenId, Instant at);

  /**
   * Looks a reactivation grant up without consuming it: {@link GrantConsumption.Status#UNUSED} or
   * {@link GrantConsumption.Status#ALREADY_USED} with the grant, or {@link GrantConsumption.Status#UNKNOWN}.
   *
   * @param tokenId the token's id
   * @return the grant and whether it was used
   */
  GrantConsumption findGrant(String tokenId);

  /**
   * A store that keeps everything in this process's memory: fast, and gone when the process ends.
   *
   * @return a new, empty store
   */
  static PlanStore inMemory() {
    return new InMemoryPlanStore();
  }
}
