package dev.winback.testing;

import dev.winback.model.JournalEvent;
import dev.winback.model.WinBackPlan;
import dev.winback.spi.ClaimedPlan;
import dev.winback.spi.ContactRecord;
import dev.winback.spi.CustomerFence;
import dev.winback.spi.DueStep;
import dev.winback.spi.GrantConsumption;
import dev.winback.spi.PlanChange;
import dev.winback.spi.PlanStore;
import dev.winback.spi.ReactivationGrant;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/** A store that passes everything to another one, except writes of plans a test wants refused. */
public final class StoreWrapper implements PlanStore {

  /** What a refused write throws. */
  public static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Refused() {
      super("refused by the test");
    }
  }

  private final PlanStore inner;
  private final Predicate<WinBackPlan> refused;

  private StoreWrapper(PlanStore inner, Predicate<WinBackPlan> refused) {
    this.inner = inner;
    this.refused = refused;
  }

  /**
   * A store whose writes of matching plans throw {@link Refused}, alone or in a batch.
   *
   * @param inner the store
   * @param refused which plans cannot be written
   * @return the wrapper
   */
  public static PlanStore failingUpdatesOf(PlanStore inner, Predicate<WinBackPlan> refused) {
    return new StoreWrapper(inner, refused);
  }

  private void check(WinBackPlan plan) {
    if (refused.test(plan)) {
      throw new Refused();
    }
  }

  @Override
  public WinBackPlan insertIfAbsent(WinBackPlan plan, List<JournalEvent> events) {
    check(plan);
    return inner.insertIfAbsent(plan, events);
  }

  @Override
  public boolean update(WinBackPlan plan, List<JournalEvent> events) {
    check(plan);
    return inner.update(plan, events);
  }

  @Override
  public List<Boolean> updateAll(List<PlanChange> changes) {
    changes.forEach(change -> check(change.plan()));
    return inner.updateAll(changes);
  }

  @Override
  public List<Boolean> updateAllAndRelease(String owner, List<PlanChange> changes) {
    changes.forEach(change -> check(change.plan()));
    return inner.updateAllAndRelease(owner, changes);
  }

  @Override
  public Optional<WinBackPlan> find(String planId) {
    return inner.find(planId);
  }

  @Override
  public Optional<WinBackPlan> latestPlan(String customerId) {
    return inner.latestPlan(customerId);
  }

  @Override
  public List<DueStep> dueSteps(Instant now, int limit) {
    return inner.dueSteps(now, limit);
  }

  @Override
  public List<ClaimedPlan> claimDue(Instant now, int limit, String owner, Duration lease) {
    return inner.claimDue(now, limit, owner, lease);
  }

  @Override
  public boolean leasesClaims() {
    return inner.leasesClaims();
  }

  @Override
  public Map<String, List<ContactRecord>> contactHistories(Collection<String> customerIds) {
    return inner.contactHistories(customerIds);
  }

  @Override
  public void extendClaims(String owner, Collection<String> planIds, Duration lease) {
    inner.extendClaims(owner, planIds, lease);
  }

  @Override
  public void releaseClaims(String owner, Collection<String> planIds) {
    inner.releaseClaims(owner, planIds);
  }

  @Override
  public CustomerFence fence() {
    return inner.fence();
  }

  @Override
  public List<String> unreadableRecords(String customerId) {
    return inner.unreadableRecords(customerId);
  }

  @Override
  public List<JournalEvent> journal(String customerId) {
    return inner.journal(customerId);
  }

  @Override
  public List<ContactRecord> contactHistory(String customerId) {
    return inner.contactHistory(customerId);
  }

  @Override
  public List<String> customerIds(String after, int limit) {
    return inner.customerIds(after, limit);
  }

  @Override
  public List<WinBackPlan> plans(String customerId) {
    return inner.plans(customerId);
  }

  @Override
  public void anonymise(
      String customerId,
      String anonymousId,
      UnaryOperator<WinBackPlan> anonymisePlan,
      UnaryOperator<JournalEvent> anonymiseEvent) {
    inner.anonymise(customerId, anonymousId, anonymisePlan, anonymiseEvent);
  }

  @Override
  public void saveGrant(ReactivationGrant grant) {
    inner.saveGrant(grant);
  }

  @Override
  public GrantConsumption consumeGrant(String tokenId, Instant at) {
    return inner.consumeGrant(tokenId, at);
  }

  @Override
  public GrantConsumption findGrant(String tokenId) {
    return inner.findGrant(tokenId);
  }
}
