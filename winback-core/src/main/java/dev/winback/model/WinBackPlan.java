package dev.winback.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The plan to win back one lost customer: which playbook rule chose it and why, its ordered steps, where it stands
 * and how it ended. Plans change only through {@link dev.winback.WinBack}; each change is a new value with a higher
 * {@link #version()}.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableWinBackPlan.class)
@JsonDeserialize(as = ImmutableWinBackPlan.class)
public abstract class WinBackPlan {

  /** Only the generated implementation extends this type: build values with {@link #builder()}. */
  WinBackPlan() {}

  /**
   * The plan's id: stable for one loss of one customer, so starting the same loss twice finds the same plan.
   *
   * @return the id
   */
  public abstract String id();

  /**
   * The customer the plan is for, with everything learned since it started (e.g. feedback).
   *
   * @return the customer
   */
  public abstract LostCustomer customer();

  /**
   * The playbook the plan came from.
   *
   * @return the playbook name
   */
  public abstract String playbook();

  /**
   * The playbook rule that chose the plan.
   *
   * @return the rule name
   */
  public abstract String rule();

  /**
   * Why this plan, in words a person can check.
   *
   * @return the rationale
   */
  public abstract String rationale();

  /**
   * When the plan started.
   *
   * @return the start
   */
  public abstract Instant startedAt();

  /**
   * The steps, ordered by due time.
   *
   * @return the steps
   */
  public abstract List<PlanStep> steps();

  /**
   * Where the plan stands.
   *
   * @return the status
   */
  @Value.Default
  public PlanStatus status() {
    return PlanStatus.ACTIVE;
  }

  /**
   * When the plan ended, once it has.
   *
   * @return the end
   */
  public abstract Optional<Instant> endedAt();

  /**
   * When the customer told us why they left, if they have: their feedback, or a reason of their own already on record
   * when the plan started ({@link LostCustomer#answeredAt()}). Such a customer is not asked again.
   *
   * @return the time of the feedback
   */
  public abstract Optional<Instant> feedbackReceivedAt();

  /**
   * The experiment the customer is enrolled in, if any.
   *
   * @return the experiment's name
   */
  public abstract Optional<String> experiment();

  /**
   * The experiment arm the customer was assigned to, if enrolled.
   *
   * @return the arm's name
   */
  public abstract Optional<String> arm();

  /**
   * Tells whether an operator paused the plan: its steps wait, without running, until it is resumed.
   *
   * @return true while paused; always false once the plan ended
   */
  @Value.Default
  public boolean paused() {
    return false;
  }

  /**
   * The version for optimistic locking: 0 when started, one more with every change.
   *
   * @return the version
   */
  @Value.Default
  public long version() {
    return 0;
  }

  /**
   * The step with an index.
   *
   * @param index the step's index
   * @return the step
   * @throws IndexOutOfBoundsException when there is no such step
   */
  public PlanStep step(int index) {
    return steps().get(index);
  }

  /**
   * When the plan can next run a step: the due time of its first unfinished step, if that step is waiting (steps
   * run in order, so a later step never goes before an earlier one).
   *
   * @return the next due time, empty when the plan ended, is paused or its next step is running
   */
  public Optional<Instant> nextDue() {
    if (!status().isActive() || paused()) {
      return Optional.empty();
    }
    for (PlanStep step : steps()) {
      if (!step.status().isFinal()) {
        return step.status() == StepStatus.PENDING ? Optional.of(step.dueAt()) : Optional.empty();
      }
    }
    return Optional.empty();
  }

  /**
   * Starts building a plan.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link WinBackPlan}; not thread-safe. */
  public static final class Builder extends ImmutableWinBackPlan.Builder {}

  @Value.Check
  void check() {
    Checks checks = Checks.of("WinBackPlan")
        .planId(id(), "id")
        .name(playbook(), "playbook")
        .notBlank(rule(), "rule")
        .name(rule(), "rule")
        .text(rationale(), Limits.MAX_PLAN_RATIONALE_LENGTH, "rationale")
        .plausible(startedAt(), "startedAt")
        .plausible(endedAt(), "endedAt")
        .plausible(feedbackReceivedAt(), "feedbackReceivedAt")
        .name(experiment(), "experiment")
        .name(arm(), "arm");
    for (int i = 0; i < steps().size(); i++) {
      PlanStep step = steps().get(i);
      if (step.index() != i) {
        checks.require(false, "steps[" + i + "].index", "must equal the step's position " + i);
      }
      if (step.dueAt().isBefore(startedAt())) {
        checks.require(false, "steps[" + i + "].dueAt", "must not be before startedAt");
      }
    }
    checks.require(
        status().isActive() != endedAt().isPresent(),
        "endedAt",
        "must be set exactly when the plan ended");
    checks.require(!paused() || status().isActive(), "paused", "must be false once the plan ended");
    checks.require(version() >= 0, "version", "must not be negative");
    checks.throwIfAny();
  }
}
