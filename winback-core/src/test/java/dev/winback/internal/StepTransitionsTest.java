package dev.winback.internal;

import static dev.winback.testing.Customers.LOST_AT;
import static dev.winback.testing.Customers.lost;
import static org.assertj.core.api.Assertions.assertThat;

import dev.winback.model.Channel;
import dev.winback.model.EventType;
import dev.winback.model.JournalEvent;
import dev.winback.model.PlanStatus;
import dev.winback.model.PlanStep;
import dev.winback.model.Playbook;
import dev.winback.model.StepKind;
import dev.winback.model.StepStatus;
import dev.winback.model.WinBackPlan;
import dev.winback.spi.ContactDecision;
import dev.winback.spi.StepResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A step's life as pure functions: no store, no clock, no host. */
class StepTransitionsTest {
  private static final Instant NOW = LOST_AT.plus(Duration.ofDays(2));
  private final Playbook playbook = Playbook.standard();

  private static WinBackPlan plan(PlanStep... steps) {
    return WinBackPlan.builder()
        .id("c1@" + LOST_AT)
        .customer(lost("c1").build())
        .playbook("standard")
        .startedAt(LOST_AT)
        .rule("ask-why-first")
        .rationale("test")
        .steps(List.of(steps))
        .build();
  }

  private static PlanStep step(
      int index, StepKind kind, Instant due, StepStatus status, int attempts) {
    PlanStep.Builder step = PlanStep.builder()
        .index(index)
        .kind(kind)
        .channel(Channel.EMAIL)
        .dueAt(due)
        .status(status)
        .attempts(attempts);
    if (status.isFinal()) {
      step.completedAt(due);
    }
    return step.build();
  }

  private static List<EventType> types(PlanEdit edit) {
    return edit.build().events().stream().map(JournalEvent::type).toList();
  }

  @Test
  void theNextDueStepIsTheFirstUnfinishedOneOnceItIsDue() {
    WinBackPlan plan = plan(
        step(0, StepKind.FEEDBACK_REQUEST, LOST_AT, StepStatus.DONE, 1),
        step(1, StepKind.THANK_YOU, NOW, StepStatus.PENDING, 0),
        step(2, StepKind.GRACEFUL_GOODBYE, LOST_AT, StepStatus.PENDING, 0));

    assertThat(StepTransitions.nextDue(plan, false, NOW)).map(PlanStep::index).contains(1);
    assertThat(StepTransitions.nextDue(plan, false, NOW.minusSeconds(1))).isEmpty();
  }

  @Test
  void aStepLeftRunningIsDueOnlyWhenItsRunnerStopped() {
    WinBackPlan plan = plan(step(0, StepKind.FEEDBACK_REQUEST, LOST_AT, StepStatus.RUNNING, 1));

    assertThat(StepTransitions.nextDue(plan, false, NOW)).isEmpty();
    assertThat(StepTransitions.nextDue(plan, true, NOW)).isPresent();
  }

  @Test
  void recoveringALeasedStepCountsTheAttemptTheStoppedRunnerMayHaveMade() {
    WinBackPlan plan = plan(step(0, StepKind.FEEDBACK_REQUEST, LOST_AT, StepStatus.PENDING, 1));

    PlanEdit edit = StepTransitions.recover(plan, plan.step(0), true, NOW).orElseThrow();

    assertThat(edit.build().plan().step(0).attempts()).isEqualTo(2);
    assertThat(types(edit)).containsExactly(EventType.STEP_RECOVERED);
    assertThat(StepTransitions.recover(plan, plan.step(0), false, NOW)).isEmpty();
  }

  @Test
  void aStepWaitsForEveryEarlierStepToFinish() {
    WinBackPlan plan = plan(
        step(0, StepKind.APOLOGY, NOW.plusSeconds(60), StepStatus.PENDING, 0),
        step(1, StepKind.FEEDBACK_REQUEST, LOST_AT, StepStatus.PENDING, 0));

    assertThat(StepTransitions.mayStart(plan, 1, NOW)).isFalse();
    assertThat(StepTransitions.mayStart(plan, 0, NOW.plusSeconds(60))).isTrue();
  }

  @Test
  void aSentStepIsDoneWithItsReference() {
    WinBackPlan plan = plan(
        step(0, StepKind.FEEDBACK_REQUEST, LOST_AT, StepStatus.RUNNING, 1),
        step(1, StepKind.THANK_YOU, NOW.plus(Duration.ofDays(20)), StepStatus.PENDING, 0));

    PlanEdit edit = StepTransitions.complete(plan, 0, StepResult.sent("msg-1"), playbook, NOW)
        .orElseThrow();

    PlanStep done = edit.build().plan().step(0);
    assertThat(done.status()).isEqualTo(StepStatus.DONE);
    assertThat(done.outcome()).contains("sent, reference msg-1");
    assertThat(types(edit)).containsExactly(EventType.STEP_DONE);
  }

  @Test
  void aFailedAttemptIsRetriedWithExponentialBackoffThenFails() {
    WinBackPlan second = plan(step(0, StepKind.FEEDBACK_REQUEST, LOST_AT, StepStatus.RUNNING, 2));
    WinBackPlan last = plan(
        step(0, StepKind.FEEDBACK_REQUEST, LOST_AT, StepStatus.RUNNING, playbook.maxAttempts()));

    PlanStep retried = StepTransitions.complete(
            second, 0, StepResult.failed("smtp down"), playbook, NOW)
        .orElseThrow()
        .build()
        .plan()
        .step(0);
    PlanEdit failed = StepTransitions.complete(
            last, 0, StepResult.failed("smtp down"), playbook, NOW)
        .orElseThrow();

    assertThat(retried.status()).isEqualTo(StepStatus.PENDING);
    assertThat(retried.dueAt()).isEqualTo(NOW.plus(playbook.retryBackoff().multipliedBy(2)));
    assertThat(failed.build().plan().step(0).status()).isEqualTo(StepStatus.FAILED);
    assertThat(types(failed)).contains(EventType.STEP_FAILED);
  }

  @Test
  void aResultForAStepNoLongerRunningChangesNothing() {
    WinBackPlan plan = plan(step(0, StepKind.FEEDBACK_REQUEST, LOST_AT, StepStatus.DONE, 1));

    assertThat(StepTransitions.complete(plan, 0, StepResult.sent(), playbook, NOW))
        .isEmpty();
  }

  @Test
  void aStepStoppedAtItsLastCheckIsDelayedSkippedOrEndsThePlan() {
    PlanStep before = step(0, StepKind.FEEDBACK_REQUEST, LOST_AT, StepStatus.PENDING, 0);
    WinBackPlan running = plan(
        step(0, StepKind.FEEDBACK_REQUEST, LOST_AT, StepStatus.RUNNING, 1),
        step(1, StepKind.THANK_YOU, NOW.plus(Duration.ofDays(20)), StepStatus.PENDING, 0));
    ContactDecision.Delay delay =
        new ContactDecision.Delay(NOW.plusSeconds(3600), "quiet-hours", "night");

    WinBackPlan delayed = StepTransitions.notSent(
            running,
            before,
            new ContactResolver.Resolution(
                Channel.EMAIL, NOW.plusSeconds(3600), List.of(delay), Optional.empty()),
            NOW)
        .build()
        .plan();
    WinBackPlan skipped = StepTransitions.notSent(
            running,
            before,
            new ContactResolver.Resolution(
                Channel.EMAIL,
                NOW,
                List.of(),
                Optional.of(new ContactDecision.Skip("caps", "too many"))),
            NOW)
        .build()
        .plan();
    WinBackPlan suppressed = StepTransitions.notSent(
            running,
            before,
            new ContactResolver.Resolution(
                Channel.EMAIL,
                NOW,
                List.of(),
                Optional.of(new ContactDecision.Suppress("list", "opted out"))),
            NOW)
        .build()
        .plan();

    assertThat(delayed.step(0)).satisfies(s -> {
      assertThat(s.status()).isEqualTo(StepStatus.PENDING);
      assertThat(s.attempts()).isZero();
      assertThat(s.dueAt()).isEqualTo(NOW.plusSeconds(3600));
    });
    assertThat(skipped.step(0).status()).isEqualTo(StepStatus.SKIPPED);
    assertThat(skipped.status()).isEqualTo(PlanStatus.ACTIVE);
    assertThat(suppressed.status()).isEqualTo(PlanStatus.SUPPRESSED);
  }

  @Test
  void aResultRecordedOnTopOfAnOptOutKeepsTheSendThatHappened() {
    PlanStep running = step(0, StepKind.FEEDBACK_REQUEST, LOST_AT, StepStatus.RUNNING, 1);
    WinBackPlan optedOut = WinBackPlan.builder()
        .from(plan(step(0, StepKind.FEEDBACK_REQUEST, LOST_AT, StepStatus.CANCELLED, 0)))
        .status(PlanStatus.OPTED_OUT)
        .endedAt(NOW)
        .version(3)
        .build();

    WinBackPlan resumed = StepTransitions.resumed(optedOut, running, NOW);

    assertThat(resumed.step(0).status()).isEqualTo(StepStatus.RUNNING);
    assertThat(resumed.version()).isEqualTo(3);
    assertThat(StepTransitions.complete(resumed, 0, StepResult.sent(), playbook, NOW)
            .orElseThrow()
            .build()
            .plan())
        .satisfies(p -> {
          assertThat(p.step(0).status()).isEqualTo(StepStatus.DONE);
          assertThat(p.status()).isEqualTo(PlanStatus.OPTED_OUT);
        });
  }

  @Test
  void aQuarantinedPlanKeepsItsStepsAndNamesOnlyTheCausesType() {
    WinBackPlan plan = plan(step(0, StepKind.FEEDBACK_REQUEST, LOST_AT, StepStatus.PENDING, 0));

    PlanEdit edit =
        StepTransitions.quarantine(plan, new IllegalStateException("secret@example.com"), NOW);

    WinBackPlan after = edit.build().plan();
    assertThat(after.status()).isEqualTo(PlanStatus.QUARANTINED);
    assertThat(after.step(0).status()).isEqualTo(StepStatus.PENDING);
    assertThat(edit.build().events())
        .singleElement()
        .satisfies(e -> assertThat(e.detail())
            .contains("java.lang.IllegalStateException")
            .doesNotContain("secret"));
  }

  @Test
  void theIdempotencyKeyIsStableAndRevealsNothing() {
    WinBackPlan plan = plan(step(0, StepKind.FEEDBACK_REQUEST, LOST_AT, StepStatus.PENDING, 0));

    String key = StepTransitions.idempotencyKey(plan, plan.step(0));

    assertThat(key)
        .isEqualTo(StepTransitions.idempotencyKey(plan, plan.step(0)))
        .startsWith("wb-")
        .hasSize(35)
        .doesNotContain("c1");
  }
}
