package dev.winback.jdbc;

import static dev.winback.testing.Customers.LOST_AT;
import static dev.winback.testing.Customers.lost;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.winback.ConcurrentUpdateException;
import dev.winback.ManualClock;
import dev.winback.StoreException;
import dev.winback.WinBack;
import dev.winback.model.Channel;
import dev.winback.model.EventType;
import dev.winback.model.JournalEvent;
import dev.winback.model.PlanStatus;
import dev.winback.model.PlanStep;
import dev.winback.model.StepKind;
import dev.winback.model.StepStatus;
import dev.winback.model.WinBackPlan;
import dev.winback.spi.ClaimedPlan;
import dev.winback.spi.ContactRecord;
import dev.winback.spi.DueStep;
import dev.winback.spi.GrantConsumption;
import dev.winback.spi.PlanStore;
import dev.winback.spi.QuarantinedPlan;
import dev.winback.spi.ReactivationGrant;
import dev.winback.testing.Recorder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link PlanStore} must do; each implementation runs these tests against a real instance. */
abstract class PlanStoreContract {
  protected PlanStore store;

  /** A new, empty store. */
  protected abstract PlanStore newStore();

  /** Whether the store leases plans to runners (stores for one process may not). */
  protected boolean leases() {
    return true;
  }

  /**
   * The same store as seen by a node a while later by the store's lease clock: how these tests let leases lapse
   * without waiting (the JDBC store's package-private lease clock offset shifts its reading of the database clock).
   */
  protected PlanStore later(Duration by) {
    throw new UnsupportedOperationException(
        "a store that leases claims must say how its lease clock moves on");
  }

  /** Makes the store refuse, from now on, journal events whose detail contains {@code marker}; false if it cannot. */
  protected boolean refuseJournalEventsContaining(String marker) {
    return false;
  }

  @BeforeEach
  void freshStore() {
    store = newStore();
  }

  static WinBackPlan plan(String customerId, Instant lostAt, int... dueDays) {
    WinBackPlan.Builder plan = WinBackPlan.builder()
        .id(customerId + "@" + lostAt)
        .customer(lost(customerId).lostAt(lostAt).build())
        .playbook("test")
        .rule("r")
        .rationale("because")
        .startedAt(LOST_AT);
    for (int i = 0; i < dueDays.length; i++) {
      plan.addStep(PlanStep.builder()
          .index(i)
          .kind(StepKind.FEEDBACK_REQUEST)
          .channel(Channel.EMAIL)
          .dueAt(LOST_AT.plus(Duration.ofDays(dueDays[i])))
          .build());
    }
    return plan.build();
  }

  static JournalEvent event(WinBackPlan plan, EventType type, String detail) {
    JournalEvent.Builder event = JournalEvent.builder()
        .customerId(plan.customer().id())
        .planId(plan.id())
        .at(LOST_AT)
        .type(type)
        .detail(detail);
    if (type == EventType.STEP_DONE) {
      event.stepIndex(0).stepKind(StepKind.FEEDBACK_REQUEST).channel(Channel.EMAIL);
    }
    return event.build();
  }

  static WinBackPlan next(WinBackPlan plan) {
    return WinBackPlan.builder().from(plan).version(plan.version() + 1).build();
  }

  @Test
  void insertsAPlanOnceAndReturnsTheStoredOneAfterwards() {
    WinBackPlan plan = plan("c1", LOST_AT, 0);

    WinBackPlan first =
        store.insertIfAbsent(plan, List.of(event(plan, EventType.PLAN_STARTED, "one")));
    WinBackPlan second = store.insertIfAbsent(
        WinBackPlan.builder().from(plan).rule("other").build(),
        List.of(event(plan, EventType.PLAN_STARTED, "two")));

    assertThat(first).isEqualTo(plan);
    assertThat(second).isEqualTo(plan);
    assertThat(store.find(plan.id())).contains(plan);
    assertThat(store.journal("c1")).extracting(JournalEvent::detail).containsExactly("one");
  }

  @Test
  void updatesOnlyTheVersionItWasBasedOn() {
    WinBackPlan plan = plan("c1", LOST_AT, 0);
    store.insertIfAbsent(plan, List.of());

    boolean updated = store.update(next(plan), List.of(event(plan, EventType.PLAN_REVISED, "v1")));
    boolean stale = store.update(
        WinBackPlan.builder().from(next(plan)).rule("stale").build(),
        List.of(event(plan, EventType.PLAN_REVISED, "lost")));

    assertThat(updated).isTrue();
    assertThat(stale).isFalse();
    assertThat(store.find(plan.id()).orElseThrow().version()).isEqualTo(1);
    assertThat(store.find(plan.id()).orElseThrow().rule()).isEqualTo("r");
    assertThat(store.journal("c1")).extracting(JournalEvent::detail).containsExactly("v1");
  }

  static WinBackPlan ended(WinBackPlan plan, PlanStatus status) {
    return WinBackPlan.builder()
        .from(next(plan))
        .status(status)
        .endedAt(LOST_AT)
        .build();
  }

  @Test
  void findsTheLatestAndAllPlansOfACustomer() {
    WinBackPlan older = plan("c1", LOST_AT, 0);
    WinBackPlan newer = plan("c1", LOST_AT.plusSeconds(60), 0);
    store.insertIfAbsent(older, List.of());
    store.update(ended(older, PlanStatus.SUPERSEDED), List.of());
    store.insertIfAbsent(newer, List.of());

    assertThat(store.latestPlan("c1")).contains(newer);
    assertThat(store.plans("c1")).containsExactly(ended(older, PlanStatus.SUPERSEDED), newer);
    assertThat(store.latestPlan("nobody")).isEmpty();
    assertThat(store.find("nothing")).isEmpty();
  }

  @Test
  void listsDueStepsEarliestFirstWithinTheLimit() {
    store.insertIfAbsent(plan("c1", LOST_AT, 5, 9), List.of());
    store.insertIfAbsent(plan("c2", LOST_AT, 2), List.of());
    store.insertIfAbsent(plan("c3", LOST_AT, 30), List.of());

    List<DueStep> due = store.dueSteps(LOST_AT.plus(Duration.ofDays(10)), 10);

    assertThat(due)
        .extracting(DueStep::planId)
        .containsExactly("c2@" + LOST_AT, "c1@" + LOST_AT, "c1@" + LOST_AT);
    assertThat(store.dueSteps(LOST_AT.plus(Duration.ofDays(10)), 1)).hasSize(1);
  }

  @Test
  void anEndedPlanHasNothingDue() {
    WinBackPlan plan = plan("c1", LOST_AT, 0);
    store.insertIfAbsent(plan, List.of());
    store.update(
        WinBackPlan.builder()
            .from(next(plan))
            .status(PlanStatus.DECLINED)
            .endedAt(LOST_AT)
            .build(),
        List.of());

    assertThat(store.dueSteps(LOST_AT.plus(Duration.ofDays(1)), 10)).isEmpty();
  }

  @Test
  void aClaimedPlanIsNotClaimedByAnotherRunnerUntilItsLeaseLapsesOrIsReleased() {
    org.junit.jupiter.api.Assumptions.assumeTrue(leases());
    store.insertIfAbsent(plan("c1", LOST_AT, 0), List.of());
    Instant now = LOST_AT.plusSeconds(10);

    assertThat(store.claimDue(now, 10, "a", Duration.ofSeconds(60))).hasSize(1);
    assertThat(store.claimDue(now, 10, "b", Duration.ofSeconds(60))).isEmpty();
    assertThat(later(Duration.ofSeconds(61)).claimDue(now, 10, "b", Duration.ofSeconds(60)))
        .hasSize(1);
    store.releaseClaims("b", List.of("c1@" + LOST_AT));
    assertThat(store.claimDue(now, 10, "a", Duration.ofSeconds(60))).hasSize(1);
  }

  @Test
  void aNodeWhoseClockRunsAheadDoesNotTakeOverALiveLease() {
    org.junit.jupiter.api.Assumptions.assumeTrue(leases());
    store.insertIfAbsent(plan("c1", LOST_AT, 0), List.of());
    Instant now = LOST_AT.plusSeconds(10);
    store.claimDue(now, 10, "a", Duration.ofSeconds(60));

    assertThat(store.claimDue(now.plusSeconds(90), 10, "ahead", Duration.ofSeconds(60)))
        .as("the lease is judged by the store's clock, not the claiming node's")
        .isEmpty();
  }

  @Test
  void anEngineWhoseClockRunsAheadLeavesAnotherNodesLeasedStepAlone() {
    org.junit.jupiter.api.Assumptions.assumeTrue(leases());
    ManualClock clock = ManualClock.at(LOST_AT);
    Recorder host = new Recorder();
    WinBack nodeA = node(clock, "a", host, context -> {});
    nodeA.start(lost("c1").build());
    store.claimDue(clock.instant(), 10, "a", Duration.ofMinutes(1)); // node A is working on it

    WinBack ahead = node(ManualClock.at(LOST_AT.plusSeconds(90)), "ahead", host, context -> {});

    assertThat(ahead.runDue().total()).isZero();
    assertThat(host.calls()).isEmpty();
  }

  @Test
  void aHeartbeatKeepsTheClaim() {
    org.junit.jupiter.api.Assumptions.assumeTrue(leases());
    store.insertIfAbsent(plan("c1", LOST_AT, 0), List.of());
    Instant now = LOST_AT.plusSeconds(10);
    store.claimDue(now, 10, "a", Duration.ofSeconds(60));

    store.extendClaims("a", List.of("c1@" + LOST_AT), Duration.ofSeconds(600));

    assertThat(later(Duration.ofSeconds(300)).claimDue(now, 10, "b", Duration.ofSeconds(600)))
        .isEmpty();
    assertThat(later(Duration.ofSeconds(601)).claimDue(now, 10, "b", Duration.ofSeconds(600)))
        .hasSize(1);
  }

  @Test
  void aRunningStepOfALapsedClaimIsHandedOverAsRecovering() {
    org.junit.jupiter.api.Assumptions.assumeTrue(leases());
    WinBackPlan plan = plan("c1", LOST_AT, 0);
    store.insertIfAbsent(plan, List.of());
    Instant now = LOST_AT.plusSeconds(10);
    store.claimDue(now, 10, "dead", Duration.ofSeconds(60));
    WinBackPlan running = WinBackPlan.builder()
        .from(next(plan))
        .steps(List.of(PlanStep.builder()
            .from(plan.step(0))
            .status(StepStatus.RUNNING)
            .attempts(1)
            .build()))
        .build();
    store.update(running, List.of());

    List<ClaimedPlan> handedOver =
        later(Duration.ofSeconds(61)).claimDue(now, 10, "alive", Duration.ofSeconds(60));

    assertThat(handedOver).singleElement().satisfies(claimed -> {
      assertThat(claimed.recovering()).isTrue();
      assertThat(claimed.plan().step(0).status()).isEqualTo(StepStatus.RUNNING);
    });
  }

  @Test
  void aClaimIsRecoveringOnlyWhenAnEarlierLeaseLapsedUnreleased() {
    org.junit.jupiter.api.Assumptions.assumeTrue(leases());
    store.insertIfAbsent(plan("c1", LOST_AT, 0), List.of());
    Instant now = LOST_AT.plusSeconds(10);
    store.claimDue(now, 10, "a", Duration.ofSeconds(60));
    store.releaseClaims("a", List.of("c1@" + LOST_AT));

    assertThat(store.claimDue(now, 10, "b", Duration.ofSeconds(60)))
        .singleElement()
        .satisfies(claimed -> assertThat(claimed.recovering()).isFalse());
    assertThat(later(Duration.ofSeconds(61)).claimDue(now, 10, "c", Duration.ofSeconds(60)))
        .singleElement()
        .satisfies(claimed -> assertThat(claimed.recovering()).isTrue());
  }

  @Test
  void recordingResultsReleasesThePlansStoredAndKeepsTheOthersClaimed() {
    org.junit.jupiter.api.Assumptions.assumeTrue(leases());
    WinBackPlan a = plan("a", LOST_AT, 0);
    WinBackPlan b = plan("b", LOST_AT, 0);
    store.insertIfAbsent(a, List.of());
    store.insertIfAbsent(b, List.of());
    Instant now = LOST_AT.plusSeconds(10);
    store.claimDue(now, 10, "runner", Duration.ofSeconds(60));
    store.update(next(b), List.of()); // b moved on meanwhile

    List<Boolean> stored = store.updateAllAndRelease(
        "runner",
        List.of(
            new dev.winback.spi.PlanChange(
                next(a), List.of(event(a, EventType.STEP_DONE, "a done"))),
            new dev.winback.spi.PlanChange(
                next(b), List.of(event(b, EventType.STEP_DONE, "b done")))));

    assertThat(stored).containsExactly(true, false);
    assertThat(store.claimDue(now, 10, "other", Duration.ofSeconds(60)))
        .extracting(claimed -> claimed.plan().id())
        .containsExactly(a.id());
    assertThat(store.journal("a")).extracting(JournalEvent::detail).containsExactly("a done");
  }

  @Test
  void recordingResultsAfterTheLeaseLapsedDoesNotReleaseTheNextRunnersClaim() {
    org.junit.jupiter.api.Assumptions.assumeTrue(leases());
    WinBackPlan plan = plan("c1", LOST_AT, 0);
    store.insertIfAbsent(plan, List.of());
    Instant now = LOST_AT.plusSeconds(10);
    store.claimDue(now, 10, "slow", Duration.ofSeconds(60));
    later(Duration.ofSeconds(61)).claimDue(now, 10, "next", Duration.ofSeconds(60));

    assertThat(store.updateAllAndRelease(
            "slow", List.of(new dev.winback.spi.PlanChange(next(plan), List.of()))))
        .containsExactly(true);

    assertThat(later(Duration.ofSeconds(62)).claimDue(now, 10, "third", Duration.ofSeconds(60)))
        .isEmpty();
  }

  @Test
  void aStepWhoseRunnerStoppedRunsAgainWithTheSameKeyAndItsAttemptCounted() {
    org.junit.jupiter.api.Assumptions.assumeTrue(leases());
    ManualClock clock = ManualClock.at(LOST_AT);
    Recorder host = new Recorder();
    WinBack winBack = WinBack.builder()
        .clock(clock)
        .store(store)
        .nodeId("alive")
        .feedback(host)
        .apology(host)
        .incentives(host)
        .reEngagement(host)
        .build();
    WinBackPlan plan = winBack.start(lost("c1").build());
    store.claimDue(clock.instant(), 10, "dead", Duration.ofMinutes(5)); // and never returns

    assertThat(winBack.runDue().total())
        .as("nothing to do while the dead runner's lease holds")
        .isZero();
    WinBack sixMinutesLater = WinBack.builder()
        .clock(clock)
        .store(later(Duration.ofMinutes(6)))
        .nodeId("alive")
        .feedback(host)
        .apology(host)
        .incentives(host)
        .reEngagement(host)
        .build();
    sixMinutesLater.runDue();

    assertThat(winBack.history("c1"))
        .extracting(JournalEvent::type)
        .contains(EventType.STEP_RECOVERED, EventType.STEP_DONE);
    assertThat(host.calls()).hasSize(1);
    assertThat(winBack.plan("c1").orElseThrow().step(0).attempts())
        .as("the dead runner's possible attempt and this one")
        .isEqualTo(2);
    assertThat(plan.step(0).status()).isEqualTo(StepStatus.PENDING);
  }

  @Test
  void aResultIsRecordedOnTopOfAChangeMadeWhileTheStepRan() {
    ManualClock clock = ManualClock.at(LOST_AT);
    Recorder host = new Recorder();
    WinBack otherNode = node(clock, "b", host, context -> {});
    WinBack winBack = node(
        clock,
        "a",
        host,
        context -> otherNode.optOut(
            context.customer().id())); // the customer opts out on another node meanwhile
    winBack.start(lost("c1").build());

    winBack.runDue();

    WinBackPlan plan = winBack.plan("c1").orElseThrow();
    assertThat(plan.status()).isEqualTo(PlanStatus.OPTED_OUT);
    assertThat(plan.step(0).status())
        .as("the message went out before the opt-out was seen")
        .isEqualTo(StepStatus.DONE);
    assertThat(store.contactHistory("c1")).hasSize(1);
    assertThat(winBack.runDue().total()).isZero();
  }

  @Test
  void aCustomerErasedWhileTheirStepRanLeavesNothingBehindAndTheRunGoesOn() {
    ManualClock clock = ManualClock.at(LOST_AT);
    Recorder host = new Recorder();
    WinBack otherNode = node(clock, "b", host, context -> {});
    WinBack winBack = node(clock, "a", host, context -> {
      if (context.customer().id().equals("c1")) {
        otherNode.erase("c1");
      }
    });
    winBack.start(lost("c1").build());
    winBack.start(lost("c2").build());

    winBack.runDue();

    assertThat(store.plans("c1")).isEmpty();
    assertThat(store.journal("c1")).isEmpty();
    assertThat(winBack.plan("c2").orElseThrow().step(0).status()).isEqualTo(StepStatus.DONE);
  }

  /** An engine on this store as one node; {@code meanwhile} runs inside each feedback request, before the host. */
  private WinBack node(
      ManualClock clock,
      String id,
      Recorder host,
      java.util.function.Consumer<dev.winback.spi.StepContext> meanwhile) {
    return WinBack.builder()
        .clock(clock)
        .store(store)
        .nodeId(id)
        .feedback(context -> {
          meanwhile.accept(context);
          return host.requestFeedback(context);
        })
        .apology(host)
        .incentives(host)
        .reEngagement(host)
        .build();
  }

  @Test
  void storesSeveralChangesAtOnceLeavingOutThoseWhosePlanMovedOn() {
    WinBackPlan a = plan("a", LOST_AT, 0);
    WinBackPlan b = plan("b", LOST_AT, 0);
    store.insertIfAbsent(a, List.of());
    store.insertIfAbsent(b, List.of());
    store.update(next(b), List.of());

    List<Boolean> stored = store.updateAll(List.of(
        new dev.winback.spi.PlanChange(next(a), List.of(event(a, EventType.STEP_DONE, "a done"))),
        new dev.winback.spi.PlanChange(next(b), List.of(event(b, EventType.STEP_DONE, "b done")))));

    assertThat(stored).containsExactly(true, false);
    assertThat(store.journal("a")).extracting(JournalEvent::detail).containsExactly("a done");
    assertThat(store.journal("b")).isEmpty();
    assertThat(store.contactHistories(List.of("a", "b")).getOrDefault("a", List.of()))
        .hasSize(1);
  }

  @Test
  void keepsTheJournalInOrderAndDerivesTheContacts() {
    WinBackPlan plan = plan("c1", LOST_AT, 0);
    store.insertIfAbsent(plan, List.of(event(plan, EventType.PLAN_STARTED, "a")));
    store.update(
        next(plan),
        List.of(event(plan, EventType.STEP_DONE, "b"), event(plan, EventType.PLAN_ENDED, "c")));

    assertThat(store.journal("c1")).extracting(JournalEvent::detail).containsExactly("a", "b", "c");
    assertThat(store.contactHistory("c1"))
        .containsExactly(
            new ContactRecord(LOST_AT, Channel.EMAIL, StepKind.FEEDBACK_REQUEST, plan.id()));
  }

  @Test
  void pagesThroughCustomersInOrder() {
    for (String id : List.of("b", "a", "d", "c")) {
      store.insertIfAbsent(plan(id, LOST_AT, 0), List.of());
    }

    assertThat(store.customerIds("", 3)).containsExactly("a", "b", "c");
    assertThat(store.customerIds("c", 3)).containsExactly("d");
  }

  @Test
  void anonymisingMovesEverythingToTheAnonymousId() {
    WinBackPlan plan = plan("c1", LOST_AT, 0);
    store.insertIfAbsent(plan, List.of(event(plan, EventType.STEP_DONE, "x")));
    store.saveGrant(new ReactivationGrant(
        "t1", "c1", plan.id(), Optional.empty(), LOST_AT, LOST_AT.plusSeconds(9)));

    store.anonymise(
        "c1",
        "anon",
        p -> WinBackPlan.builder()
            .from(p)
            .id("anon@x")
            .customer(lost("anon").build())
            .build(),
        e -> JournalEvent.builder().from(e).customerId("anon").planId("anon@x").build());

    assertThat(store.plans("c1")).isEmpty();
    assertThat(store.journal("c1")).isEmpty();
    assertThat(store.contactHistory("c1")).isEmpty();
    assertThat(store.plans("anon")).extracting(WinBackPlan::id).containsExactly("anon@x");
    assertThat(store.journal("anon")).hasSize(1);
    assertThat(store.consumeGrant("t1", LOST_AT).status())
        .isEqualTo(GrantConsumption.Status.UNKNOWN);
  }

  @Test
  void aGrantIsConsumedExactlyOnce() {
    store.saveGrant(
        new ReactivationGrant("t1", "c1", "p", Optional.empty(), LOST_AT, LOST_AT.plusSeconds(9)));

    assertThat(store.consumeGrant("t1", LOST_AT).status())
        .isEqualTo(GrantConsumption.Status.CONSUMED);
    assertThat(store.consumeGrant("t1", LOST_AT).status())
        .isEqualTo(GrantConsumption.Status.ALREADY_USED);
    assertThat(store.consumeGrant("t2", LOST_AT).status())
        .isEqualTo(GrantConsumption.Status.UNKNOWN);
  }

  @Test
  void aGrantIsFoundWithoutBeingConsumed() {
    ReactivationGrant grant =
        new ReactivationGrant("t1", "c1", "p", Optional.empty(), LOST_AT, LOST_AT.plusSeconds(9));
    store.saveGrant(grant);

    assertThat(store.findGrant("t1"))
        .isEqualTo(new GrantConsumption(GrantConsumption.Status.UNUSED, Optional.of(grant)));
    assertThat(store.findGrant("t1").status()).isEqualTo(GrantConsumption.Status.UNUSED);
    assertThat(store.consumeGrant("t1", LOST_AT).status())
        .isEqualTo(GrantConsumption.Status.CONSUMED);
    assertThat(store.findGrant("t1"))
        .isEqualTo(new GrantConsumption(GrantConsumption.Status.ALREADY_USED, Optional.of(grant)));
    assertThat(store.findGrant("t2").status()).isEqualTo(GrantConsumption.Status.UNKNOWN);
  }

  @Test
  void theEngineRunsWholePlansOnTheStore() {
    ManualClock clock = ManualClock.at(LOST_AT);
    Recorder host = new Recorder();
    WinBack winBack = WinBack.builder()
        .clock(clock)
        .store(store)
        .feedback(host)
        .apology(host)
        .incentives(host)
        .reEngagement(host)
        .build();
    for (int i = 0; i < 10; i++) {
      winBack.start(lost("c" + i).build());
    }
    winBack.optOut("c0");

    for (int day = 0; day <= 100; day++) {
      winBack.runDue();
      clock.advance(Duration.ofDays(1));
    }

    assertThat(winBack.plan("c0").orElseThrow().status()).isEqualTo(PlanStatus.OPTED_OUT);
    for (int i = 1; i < 10; i++) {
      assertThat(winBack.plan("c" + i).orElseThrow().status()).isEqualTo(PlanStatus.UNRESPONSIVE);
    }
    assertThat(host.calls()).hasSize(9 * 4);
  }

  @Test
  void aRefusedWriteLeavesThePlanAndJournalAsTheyWere() {
    org.junit.jupiter.api.Assumptions.assumeTrue(refuseJournalEventsContaining("refuse me"));
    WinBackPlan plan = plan("c1", LOST_AT, 0);
    store.insertIfAbsent(plan, List.of(event(plan, EventType.PLAN_STARTED, "a")));

    assertThatThrownBy(() -> store.update(
            next(plan),
            List.of(
                event(plan, EventType.PLAN_REVISED, "ok"),
                event(plan, EventType.PLAN_REVISED, "refuse me"))))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("nothing was written")
        .hasMessageNotContaining("refuse me");

    assertThat(store.find(plan.id()).orElseThrow().version()).isZero();
    assertThat(store.journal("c1")).extracting(JournalEvent::detail).containsExactly("a");
  }

  @Test
  void storesLongTextsWhoseLimitsTheModelEnforces() {
    WinBackPlan plan = plan("c1", LOST_AT, 0);
    store.insertIfAbsent(plan, List.of(event(plan, EventType.PLAN_STARTED, "a")));
    String long_ = "x".repeat(dev.winback.model.Limits.MAX_DETAIL_LENGTH);

    assertThat(store.update(next(plan), List.of(event(plan, EventType.PLAN_REVISED, long_))))
        .isTrue();

    assertThat(store.journal("c1")).extracting(JournalEvent::detail).containsExactly("a", long_);
  }

  @Test
  void aCustomerHasAtMostOneActivePlan() {
    WinBackPlan first = plan("c1", LOST_AT, 0);
    WinBackPlan second = plan("c1", LOST_AT.plusSeconds(60), 0);
    store.insertIfAbsent(first, List.of(event(first, EventType.PLAN_STARTED, "first")));

    assertThatThrownBy(() ->
            store.insertIfAbsent(second, List.of(event(second, EventType.PLAN_STARTED, "second"))))
        .isInstanceOf(ConcurrentUpdateException.class)
        .hasMessageContaining("another active plan");

    assertThat(store.plans("c1")).containsExactly(first);
    assertThat(store.journal("c1")).extracting(JournalEvent::detail).containsExactly("first");
    WinBackPlan suppressed = WinBackPlan.builder()
        .from(plan("c1", LOST_AT.plusSeconds(30), 0))
        .status(PlanStatus.SUPPRESSED)
        .endedAt(LOST_AT)
        .build();
    assertThat(store.insertIfAbsent(suppressed, List.of()))
        .as("an ended plan is no second active one")
        .isEqualTo(suppressed);
    store.update(ended(first, PlanStatus.SUPERSEDED), List.of());
    assertThat(store.insertIfAbsent(second, List.of())).isEqualTo(second);
    assertThat(
            store.insertIfAbsent(plan("c2", LOST_AT, 0), List.of()).customer().id())
        .isEqualTo("c2");
  }

  @Test
  void listsQuarantinedPlansForOperatorsPageByPage() {
    for (String id : List.of("c1", "c2", "c3")) {
      WinBackPlan plan = plan(id, LOST_AT, 0);
      store.insertIfAbsent(plan, List.of());
      if (!id.equals("c2")) {
        store.update(
            ended(plan, PlanStatus.QUARANTINED),
            List.of(JournalEvent.builder()
                .customerId(id)
                .planId(plan.id())
                .at(LOST_AT.plusSeconds(5))
                .type(EventType.PLAN_QUARANTINED)
                .detail("IllegalStateException")
                .build()));
      }
    }

    List<QuarantinedPlan> first = store.quarantined("", 1);
    List<QuarantinedPlan> second = store.quarantined(first.get(0).planId(), 10);

    assertThat(first)
        .containsExactly(new QuarantinedPlan(
            "c1@" + LOST_AT, "c1", LOST_AT.plusSeconds(5), "IllegalStateException"));
    assertThat(second).extracting(QuarantinedPlan::customerId).containsExactly("c3");
    assertThat(store.dueSteps(LOST_AT.plus(Duration.ofDays(1)), 10))
        .extracting(DueStep::planId)
        .containsExactly("c2@" + LOST_AT);
  }
}
