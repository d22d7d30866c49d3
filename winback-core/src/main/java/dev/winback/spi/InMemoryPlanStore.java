package dev.winback.spi;

import dev.winback.ConcurrentUpdateException;
import dev.winback.model.EventType;
import dev.winback.model.JournalEvent;
import dev.winback.model.PlanStatus;
import dev.winback.model.PlanStep;
import dev.winback.model.StepStatus;
import dev.winback.model.WinBackPlan;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.function.UnaryOperator;

/**
 * A {@link PlanStore} in memory. Thread-safe: all writes for one customer are serialised on that customer's record,
 * which also keeps a customer to at most one active plan, and an index of next due times keeps {@link #dueSteps}
 * from scanning every plan. Its fence is {@link CustomerFence#inJvm}; it holds no unreadable records. Not API: use
 * {@link PlanStore#inMemory()}.
 */
final class InMemoryPlanStore implements PlanStore {

  /** A plan's place in the due index. */
  private record DueKey(Instant at, String planId) {}

  private static final Comparator<DueKey> DUE_ORDER =
      Comparator.comparing(DueKey::at).thenComparing(DueKey::planId);

  /** What the store keeps per customer; guarded by the map's per-key lock. */
  private static final class CustomerRecord {
    final List<String> planIds = new ArrayList<>(1);
    final List<JournalEvent> journal = new ArrayList<>(4);
    volatile List<ContactRecord> contacts = List.of();

    void append(List<JournalEvent> events) {
      journal.addAll(events);
      for (JournalEvent event : events) {
        if (event.type() == EventType.STEP_DONE
            && event.channel().isPresent()
            && event.stepKind().isPresent()) {
          List<ContactRecord> more = new ArrayList<>(contacts.size() + 1);
          more.addAll(contacts);
          more.add(new ContactRecord(
              event.at(), event.channel().get(), event.stepKind().get(), event.planId()));
          contacts = List.copyOf(more);
        }
      }
    }
  }

  private final ConcurrentHashMap<String, WinBackPlan> plans = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, CustomerRecord> customers = new ConcurrentHashMap<>();
  private final ConcurrentSkipListSet<DueKey> due = new ConcurrentSkipListSet<>(DUE_ORDER);
  private final ConcurrentHashMap<String, ReactivationGrant> grants = new ConcurrentHashMap<>();
  /** Every customer id, sorted, for paging. */
  private final ConcurrentSkipListSet<String> customerIndex = new ConcurrentSkipListSet<>();

  private final ConcurrentHashMap<String, Instant> consumed = new ConcurrentHashMap<>();
  private final CustomerFence fence = CustomerFence.inJvm(this);

  @Override
  public CustomerFence fence() {
    return fence;
  }

  @Override
  public WinBackPlan insertIfAbsent(WinBackPlan plan, List<JournalEvent> events) {
    WinBackPlan[] stored = new WinBackPlan[1];
    customers.compute(plan.customer().id(), (id, record) -> {
      CustomerRecord r = record == null ? new CustomerRecord() : record;
      WinBackPlan existing = plans.get(plan.id());
      if (existing != null) {
        stored[0] = existing;
        return r;
      }
      if (plan.status().isActive() && hasOtherActivePlan(r, plan.id())) {
        throw ConcurrentUpdateException.anotherActivePlan(plan.id());
      }
      plans.put(plan.id(), plan);
      r.planIds.add(plan.id());
      customerIndex.add(id);
      r.append(events);
      plan.nextDue().ifPresent(at -> due.add(new DueKey(at, plan.id())));
      stored[0] = plan;
      return r;
    });
    return stored[0];
  }

  @Override
  public boolean update(WinBackPlan plan, List<JournalEvent> events) {
    boolean[] updated = new boolean[1];
    customers.computeIfPresent(plan.customer().id(), (id, record) -> {
      WinBackPlan current = plans.get(plan.id());
      if (current == null || current.version() + 1 != plan.version()) {
        return record;
      }
      if (plan.status().isActive() && hasOtherActivePlan(record, plan.id())) {
        throw ConcurrentUpdateException.anotherActivePlan(plan.id());
      }
      plans.put(plan.id(), plan);
      record.append(events);
      current.nextDue().ifPresent(at -> due.remove(new DueKey(at, plan.id())));
      plan.nextDue().ifPresent(at -> due.add(new DueKey(at, plan.id())));
      updated[0] = true;
      return record;
    });
    return updated[0];
  }

  /** Whether the customer has an active plan other than {@code planId}; called under the customer's key lock. */
  private boolean hasOtherActivePlan(CustomerRecord record, String planId) {
    for (String id : record.planIds) {
      WinBackPlan other = plans.get(id);
      if (!id.equals(planId) && other != null && other.status().isActive()) {
        return true;
      }
    }
    return false;
  }

  @Override
  public List<QuarantinedPlan> quarantined(String afterPlanId, int limit) {
    java.util.TreeMap<String, WinBackPlan> found = new java.util.TreeMap<>();
    for (WinBackPlan plan : plans.values()) {
      if (plan.status() == PlanStatus.QUARANTINED && plan.id().compareTo(afterPlanId) > 0) {
        found.put(plan.id(), plan);
        if (found.size() > limit) {
          found.pollLastEntry();
        }
      }
    }
    List<QuarantinedPlan> page = new ArrayList<>(found.size());
    found
        .values()
        .forEach(
            plan -> page.add(QuarantinedPlan.of(plan, journal(plan.customer().id()))));
    return page;
  }

  @Override
  public Optional<WinBackPlan> find(String planId) {
    return Optional.ofNullable(plans.get(planId));
  }

  @Override
  public Optional<WinBackPlan> latestPlan(String customerId) {
    String[] latest = new String[1];
    customers.computeIfPresent(customerId, (id, record) -> {
      latest[0] = record.planIds.get(record.planIds.size() - 1);
      return record;
    });
    return latest[0] == null ? Optional.empty() : find(latest[0]);
  }

  @Override
  public List<DueStep> dueSteps(Instant now, int limit) {
    List<DueStep> result = new ArrayList<>();
    for (DueKey key : due.headSet(new DueKey(now, "\uffff"), true)) {
      WinBackPlan plan = plans.get(key.planId());
      if (plan == null || !plan.status().isActive()) {
        continue;
      }
      for (PlanStep step : plan.steps()) {
        if (step.status() == StepStatus.PENDING && !step.dueAt().isAfter(now)) {
          result.add(new DueStep(plan.id(), step.index(), step.dueAt()));
          if (result.size() >= limit) {
            return result;
          }
        }
      }
    }
    result.sort(Comparator.comparing(DueStep::dueAt));
    return result;
  }

  @Override
  public List<JournalEvent> journal(String customerId) {
    List<JournalEvent> copy = new ArrayList<>();
    customers.computeIfPresent(customerId, (id, record) -> {
      copy.addAll(record.journal);
      return record;
    });
    return List.copyOf(copy);
  }

  @Override
  public List<ContactRecord> contactHistory(String customerId) {
    CustomerRecord record = customers.get(customerId);
    return record == null ? List.of() : record.contacts;
  }

  @Override
  public List<String> customerIds(String after, int limit) {
    List<String> page = new ArrayList<>(Math.min(limit, 1024));
    for (String id : customerIndex.tailSet(after, false)) {
      if (page.size() == limit) {
        break;
      }
      page.add(id);
    }
    return page;
  }

  @Override
  public List<WinBackPlan> plans(String customerId) {
    List<WinBackPlan> result = new ArrayList<>();
    customers.computeIfPresent(customerId, (id, record) -> {
      record.planIds.forEach(planId -> result.add(plans.get(planId)));
      return record;
    });
    return List.copyOf(result);
  }

  @Override
  public void anonymise(
      String customerId,
      String anonymousId,
      UnaryOperator<WinBackPlan> anonymisePlan,
      UnaryOperator<JournalEvent> anonymiseEvent) {
    synchronized (this) { // erasure is rare: one at a time keeps the two customer keys consistent
      CustomerRecord old = customers.remove(customerId);
      if (old == null) {
        return;
      }
      customerIndex.remove(customerId);
      CustomerRecord moved = new CustomerRecord();
      for (String planId : old.planIds) {
        WinBackPlan plan = java.util.Objects.requireNonNull(plans.remove(planId), planId);
        plan.nextDue().ifPresent(at -> due.remove(new DueKey(at, planId)));
        WinBackPlan copy = anonymisePlan.apply(plan);
        plans.put(copy.id(), copy);
        moved.planIds.add(copy.id());
        copy.nextDue().ifPresent(at -> due.add(new DueKey(at, copy.id())));
      }
      List<JournalEvent> events = new ArrayList<>(old.journal.size());
      old.journal.forEach(event -> events.add(anonymiseEvent.apply(event)));
      moved.append(events);
      customers.put(anonymousId, moved);
      customerIndex.add(anonymousId);
      grants.values().removeIf(grant -> grant.customerId().equals(customerId));
    }
  }

  @Override
  public void saveGrant(ReactivationGrant grant) {
    grants.put(grant.tokenId(), grant);
  }

  @Override
  public GrantConsumption consumeGrant(String tokenId, Instant at) {
    ReactivationGrant grant = grants.get(tokenId);
    if (grant == null) {
      return new GrantConsumption(GrantConsumption.Status.UNKNOWN, Optional.empty());
    }
    return consumed.putIfAbsent(tokenId, at) == null
        ? new GrantConsumption(GrantConsumption.Status.CONSUMED, Optional.of(grant))
        : new GrantConsumption(GrantConsumption.Status.ALREADY_USED, Optional.empty());
  }

  @Override
  public GrantConsumption findGrant(String tokenId) {
    ReactivationGrant grant = grants.get(tokenId);
    if (grant == null) {
      return new GrantConsumption(GrantConsumption.Status.UNKNOWN, Optional.empty());
    }
    return new GrantConsumption(
        consumed.containsKey(tokenId)
            ? GrantConsumption.Status.ALREADY_USED
            : GrantConsumption.Status.UNUSED,
        Optional.of(grant));
  }

  /**
   * Everything the store holds, one value per line in its {@code toString} form: for erasure tests.
   *
   * @return every plan, journal event and grant
   */
  public String dump() {
    StringBuilder text = new StringBuilder();
    plans.values().forEach(plan -> text.append(plan).append('\n'));
    customers.forEach((id, record) -> {
      text.append("customer ").append(id).append('\n');
      record.journal.forEach(event -> text.append(event).append('\n'));
      record.contacts.forEach(contact -> text.append(contact).append('\n'));
    });
    grants.values().forEach(grant -> text.append(grant).append('\n'));
    return text.toString();
  }

  /**
   * How many plans the store holds.
   *
   * @return the number of plans
   */
  public int size() {
    return plans.size();
  }
}
