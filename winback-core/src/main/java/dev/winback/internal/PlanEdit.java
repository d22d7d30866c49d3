package dev.winback.internal;

import dev.winback.model.Consent;
import dev.winback.model.ContactPoint;
import dev.winback.model.EventType;
import dev.winback.model.ExitReason;
import dev.winback.model.JournalEvent;
import dev.winback.model.LostCustomer;
import dev.winback.model.PlanStatus;
import dev.winback.model.PlanStep;
import dev.winback.model.ReasonSource;
import dev.winback.model.StepStatus;
import dev.winback.model.WinBackPlan;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One change to a plan being put together: the new steps, status and customer, and the journal events that
 * describe them, so that both are stored at once. Not thread-safe; used by one thread for one change. Not API.
 */
public final class PlanEdit {
  private final WinBackPlan base;
  private final Instant now;
  private final List<PlanStep> steps;
  private final List<JournalEvent> events = new ArrayList<>();
  private LostCustomer customer;
  private PlanStatus status;
  private Optional<Instant> endedAt;
  private Optional<Instant> feedbackReceivedAt;
  private String rule;
  private String rationale;
  private boolean paused;

  /**
   * Starts a change of a plan.
   *
   * @param base the plan as stored
   * @param now the time of the change
   */
  public PlanEdit(WinBackPlan base, Instant now) {
    this.base = base;
    this.now = now;
    this.steps = new ArrayList<>(base.steps());
    this.customer = base.customer();
    this.status = base.status();
    this.endedAt = base.endedAt();
    this.feedbackReceivedAt = base.feedbackReceivedAt();
    this.rule = base.rule();
    this.rationale = base.rationale();
    this.paused = base.paused();
  }

  /**
   * The time of the change.
   *
   * @return the time
   */
  public Instant now() {
    return now;
  }

  /**
   * The plan's steps as changed so far.
   *
   * @return the steps, in index order
   */
  public List<PlanStep> steps() {
    return steps;
  }

  /**
   * The customer as changed so far.
   *
   * @return the customer
   */
  public LostCustomer customer() {
    return customer;
  }

  /**
   * Tells whether the plan is still active after the change so far.
   *
   * @return true when active
   */
  public boolean isActive() {
    return status.isActive();
  }

  /**
   * Tells whether any event was recorded, i.e. whether there is anything to store.
   *
   * @return true when the change records something
   */
  public boolean hasEvents() {
    return !events.isEmpty();
  }

  /**
   * Replaces a step.
   *
   * @param step the new version of the step (same index)
   */
  public void replace(PlanStep step) {
    steps.set(step.index(), step);
  }

  /**
   * Adds new steps at the end of the plan.
   *
   * @param added the steps, indexed from the current step count
   */
  public void append(List<PlanStep> added) {
    steps.addAll(added);
  }

  /**
   * Sets the rule and rationale, when the plan changes course.
   *
   * @param newRule the rule's name
   * @param newRationale the rationale
   */
  public void rule(String newRule, String newRationale) {
    this.rule = newRule;
    this.rationale = newRationale;
  }

  /**
   * When the customer's feedback arrived, as changed so far.
   *
   * @return the time, empty while they have not answered
   */
  public Optional<Instant> feedbackReceivedAt() {
    return feedbackReceivedAt;
  }

  /**
   * The rule that chose the plan, as changed so far.
   *
   * @return the rule's name
   */
  public String rule() {
    return rule;
  }

  /**
   * Records when the customer's feedback arrived.
   *
   * @param at the time
   */
  public void feedbackReceivedAt(Instant at) {
    this.feedbackReceivedAt = Optional.of(at);
  }

  /**
   * Adds a reason the customer left: first when we knew nothing better (no reason, or only inferred ones).
   *
   * @param reason the reason
   */
  public void addReason(ExitReason reason) {
    List<ExitReason> reasons = new ArrayList<>(customer.exitReasons());
    boolean onlyGuesses = reasons.stream().allMatch(r -> r.source() == ReasonSource.INFERRED);
    if (onlyGuesses) {
      reasons.add(0, reason);
    } else {
      reasons.add(reason);
    }
    customer = LostCustomer.builder().from(customer).exitReasons(reasons).build();
  }

  /**
   * Replaces the customer record.
   *
   * @param changed the customer
   */
  public void customer(LostCustomer changed) {
    this.customer = changed;
  }

  /** Withdraws the customer's consent on every contact point. */
  public void withdrawAllConsent() {
    List<ContactPoint> points = new ArrayList<>();
    for (ContactPoint point : customer.contactPoints()) {
      points.add(ContactPoint.builder().from(point).consent(Consent.WITHDRAWN).build());
    }
    customer = LostCustomer.builder().from(customer).contactPoints(points).build();
  }

  /**
   * Records a journal event about the plan.
   *
   * @param type what happened
   * @param detail what happened, in words free of personal data
   */
  public void event(EventType type, String detail) {
    events.add(eventBuilder(type, detail).build());
  }

  /**
   * Records a journal event made elsewhere (e.g. a contact rule's decision about a step).
   *
   * @param event the event, about this plan
   */
  public void record(JournalEvent event) {
    events.add(event);
  }

  /**
   * Records a journal event about a step.
   *
   * @param type what happened
   * @param step the step
   * @param detail what happened, in words free of personal data
   */
  public void event(EventType type, PlanStep step, String detail) {
    events.add(eventBuilder(type, detail)
        .stepIndex(step.index())
        .stepKind(step.kind())
        .channel(step.channel())
        .build());
  }

  private JournalEvent.Builder eventBuilder(EventType type, String detail) {
    return JournalEvent.builder()
        .customerId(base.customer().id())
        .planId(base.id())
        .at(now)
        .type(type)
        .detail(detail);
  }

  /**
   * Finishes a step.
   *
   * @param step the step
   * @param status its final status
   * @param outcome what happened, free of personal data
   * @param type the event to record
   */
  public void finish(PlanStep step, StepStatus status, String outcome, EventType type) {
    replace(PlanStep.builder()
        .from(step)
        .status(status)
        .completedAt(now)
        .outcome(outcome)
        .build());
    event(type, step, step.kind() + " by " + step.channel() + ": " + outcome);
  }

  /**
   * Ends the plan: cancels every pending step and records how it ended. Does nothing to an ended plan.
   *
   * @param how how it ended
   * @param why why, free of personal data
   */
  public void end(PlanStatus how, String why) {
    if (!status.isActive()) {
      return;
    }
    for (PlanStep step : List.copyOf(steps)) {
      if (step.status() == StepStatus.PENDING) {
        replace(PlanStep.builder()
            .from(step)
            .status(StepStatus.CANCELLED)
            .completedAt(now)
            .outcome(why)
            .build());
        event(EventType.STEP_CANCELLED, step, step.kind() + " cancelled: " + why);
      }
    }
    status = how;
    endedAt = Optional.of(now);
    paused = false;
    event(EventType.PLAN_ENDED, how + ": " + why);
  }

  /**
   * Pauses or resumes an active plan: a paused plan's steps wait without running.
   *
   * @param pause true to pause, false to resume
   */
  public void paused(boolean pause) {
    this.paused = pause && status.isActive();
  }

  /** Ends an active plan as {@link PlanStatus#UNRESPONSIVE} when no step is left to run. */
  public void endIfNothingLeft() {
    if (status.isActive() && steps.stream().allMatch(s -> s.status().isFinal())) {
      end(PlanStatus.UNRESPONSIVE, "every step has run without the customer coming back");
    }
  }

  /**
   * Takes the plan out of the due order for an operator to look at; its steps stay as they are.
   *
   * @param why what went wrong, free of personal data
   */
  public void quarantine(String why) {
    status = PlanStatus.QUARANTINED;
    endedAt = Optional.of(now);
    paused = false;
    event(EventType.PLAN_QUARANTINED, why);
  }

  /**
   * Changes the status of an ended plan (e.g. a customer who came back after the plan ran out).
   *
   * @param how the new status
   * @param why why, free of personal data
   */
  public void reclassifyEnded(PlanStatus how, String why) {
    status = how;
    endedAt = Optional.of(now);
    paused = false;
    event(EventType.PLAN_ENDED, how + ": " + why);
  }

  /** Makes an ended plan active again (an operator retrying the step that halted it); the caller records why. */
  public void reopen() {
    status = PlanStatus.ACTIVE;
    endedAt = Optional.empty();
  }

  /**
   * The new plan version and the events describing the change.
   *
   * @return the change
   */
  public Change build() {
    return build(base.version() + 1);
  }

  /**
   * The change as a plan held in memory and not stored, keeping the stored version: for a claim that a leasing store
   * need not record, so that the change after it is the stored version plus one.
   *
   * @return the change, with the base's version
   */
  public Change buildUnstored() {
    return build(base.version());
  }

  private Change build(long version) {
    WinBackPlan plan = WinBackPlan.builder()
        .from(base)
        .customer(customer)
        .steps(steps)
        .status(status)
        .endedAt(endedAt)
        .feedbackReceivedAt(feedbackReceivedAt)
        .rule(rule)
        .rationale(rationale)
        .paused(paused)
        .version(version)
        .build();
    return new Change(plan, List.copyOf(events));
  }

  /**
   * A new plan version and the events that describe how it differs from the last.
   *
   * @param plan the new version
   * @param events the events
   */
  public record Change(WinBackPlan plan, List<JournalEvent> events) {}
}
