package dev.winback.internal;

import dev.winback.model.EventType;
import dev.winback.model.PlanStep;
import dev.winback.model.Playbook;
import dev.winback.model.PlaybookRule;
import dev.winback.model.StepAnchor;
import dev.winback.model.StepKind;
import dev.winback.model.StepStatus;
import dev.winback.model.StepTemplate;
import dev.winback.model.ValueTier;
import dev.winback.model.WinBackPlan;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * How a plan changes when the customer tells us why they left: feedback-anchored steps move to count from the
 * feedback, and when the reason calls for another playbook rule, the rest of the plan is that rule's. A step that
 * is already due is kept as it is, since a runner may be sending it at this very moment: it must not come back under
 * a new index (a new idempotency key). Pure functions; thread-safe.
 */
public final class FeedbackRevision {
  private FeedbackRevision() {}

  /**
   * Moves the pending feedback-anchored steps to count from the time the feedback was received.
   *
   * @param edit the plan's edit
   * @param receivedAt when the feedback arrived
   */
  public static void reanchor(PlanEdit edit, Instant receivedAt) {
    for (PlanStep step : List.copyOf(edit.steps())) {
      if (step.status() == StepStatus.PENDING && step.anchor() == StepAnchor.FEEDBACK) {
        Instant due = receivedAt.plus(step.offset());
        Instant at = due.isBefore(edit.now()) ? edit.now() : due;
        if (!at.equals(step.dueAt())) {
          edit.replace(PlanStep.builder().from(step).dueAt(at).build());
          edit.event(
              EventType.STEP_RESCHEDULED,
              step,
              step.kind() + " moved to " + at + ", " + step.offset().toDays()
                  + " days after the feedback");
        }
      }
    }
  }

  /**
   * Replaces the plan's future steps by another rule's when the customer's reasons now call for it.
   *
   * @param edit the plan's edit, holding the customer with the new reason
   * @param plan the plan before the edit
   * @param planner the planner of the plan's playbook
   * @param playbook the plan's playbook
   */
  public static void reviseIfAnotherRuleApplies(
      PlanEdit edit, WinBackPlan plan, Planner planner, Playbook playbook) {
    PlaybookRule rule = planner.ruleFor(edit.customer());
    if (rule.name().equals(plan.rule())) {
      return;
    }
    Set<StepKind> alreadyHandled = EnumSet.noneOf(StepKind.class);
    for (PlanStep step : edit.steps()) {
      if (step.status() != StepStatus.PENDING && step.status() != StepStatus.CANCELLED
          || step.status() == StepStatus.PENDING && !step.dueAt().isAfter(edit.now())) {
        alreadyHandled.add(step.kind()); // done, running, or due now (perhaps being sent)
      }
    }
    for (PlanStep step : List.copyOf(edit.steps())) {
      if (step.status() == StepStatus.PENDING && step.dueAt().isAfter(edit.now())) {
        edit.finish(
            step,
            StepStatus.CANCELLED,
            "replaced by rule '" + rule.name() + "'",
            EventType.STEP_CANCELLED);
      }
    }
    ValueTier tier = playbook.valueTiers().tierOf(edit.customer());
    PlaybookRule anchored = anchorFeedbackStepsTo(rule, plan.startedAt(), edit);
    List<PlanStep> added = planner.steps(
        anchored,
        edit.customer(),
        tier,
        plan.startedAt(),
        edit.now(),
        alreadyHandled,
        edit.steps().size());
    edit.append(added);
    for (PlanStep step : added) {
      OfferFit.note(step).ifPresent(note -> edit.event(note.type(), step, note.detail()));
    }
    edit.rule(
        rule.name(), Planner.rationale(rule, tier) + " Revised after the customer's feedback.");
    edit.event(
        EventType.PLAN_REVISED,
        "rule '" + plan.rule() + "' replaced by '" + rule.name() + "' after feedback: "
            + added.size() + " new steps");
    edit.endIfNothingLeft();
  }

  /** The rule with its feedback-anchored steps counted from the real feedback time instead of the planned ask. */
  private static PlaybookRule anchorFeedbackStepsTo(
      PlaybookRule rule, Instant start, PlanEdit edit) {
    Duration sinceStart = Duration.between(start, edit.now());
    List<StepTemplate> steps = new ArrayList<>();
    for (StepTemplate template : rule.steps()) {
      steps.add(
          template.anchor() == StepAnchor.FEEDBACK
              ? StepTemplate.builder()
                  .from(template)
                  .anchor(StepAnchor.PLAN_START)
                  .offset(sinceStart.plus(template.offset()))
                  .build()
              : template);
    }
    return PlaybookRule.builder().from(rule).steps(steps).build();
  }
}
