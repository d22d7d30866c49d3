package dev.winback.internal;

import dev.winback.model.EventType;
import dev.winback.model.LostCustomer;
import dev.winback.model.PlanStatus;
import dev.winback.model.PlanStep;
import dev.winback.model.Playbook;
import dev.winback.model.PlaybookRule;
import dev.winback.model.StepAnchor;
import dev.winback.model.StepStatus;
import dev.winback.model.Suppression;
import dev.winback.model.ValueTier;
import dev.winback.model.WinBackPlan;
import dev.winback.spi.ContactPolicy;
import dev.winback.spi.ContactRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a plan changes when we learn more about why the customer left: the rest of the plan becomes the one
 * {@code start} would choose for what we now know (the rule, the steps, the thank-you counted from their answer, no
 * question they already answered), from the plan's own start, less what was already done; then the contact rules
 * judge the new steps counting every contact already made. A step that is already due is kept as it is, since a
 * runner may be sending it at this very moment: it must not come back under a new index (a new idempotency key); it
 * is judged again, with what we now know, when it is sent. Pure functions; thread-safe.
 */
public final class FeedbackRevision {
  private static final Logger LOG = LoggerFactory.getLogger(FeedbackRevision.class);

  private FeedbackRevision() {}

  /**
   * What the contact rules need to judge the revised steps.
   *
   * @param policy the engine's contact policy
   * @param history the customer's contacts so far across all plans, oldest first
   * @param listed the customer's entry on the suppression list, if any
   */
  public record Contacts(
      ContactPolicy policy, List<ContactRecord> history, Optional<Suppression> listed) {}

  /**
   * Replaces the plan's future steps by those of the plan chosen for the customer as the edit now knows them; when
   * that plan has the same steps, only moves those whose time changed.
   *
   * @param edit the plan's edit, holding the customer with the new reason (and, if they answered, the time of it)
   * @param plan the plan before the edit
   * @param planner the planner of the plan's playbook
   * @param playbook the plan's playbook
   * @param contacts what the contact rules need
   */
  public static void revise(
      PlanEdit edit, WinBackPlan plan, Planner planner, Playbook playbook, Contacts contacts) {
    LostCustomer customer = edit.customer();
    Instant now = edit.now();
    String ruleBefore = edit.rule();
    PlaybookRule rule = planner.ruleFor(customer);
    ValueTier tier = playbook.valueTiers().tierOf(customer);
    List<PlanStep> handled = new ArrayList<>();
    List<PlanStep> open = new ArrayList<>();
    for (PlanStep step : edit.steps()) {
      if (step.status() == StepStatus.CANCELLED) {
        continue;
      }
      if (step.status() == StepStatus.PENDING && step.dueAt().isAfter(now)) {
        open.add(step);
      } else {
        handled.add(step); // done, skipped, failed, running, or due now (perhaps being sent)
      }
    }
    List<PlanStep> target = planner.steps(
        rule,
        customer,
        tier,
        plan.startedAt(),
        now,
        edit.feedbackReceivedAt(),
        handled,
        edit.steps().size());
    boolean sameRule = rule.name().equals(ruleBefore);
    boolean sameSteps = sameRule && sameSteps(open, target);
    List<PlanStep> candidates = new ArrayList<>(target.size());
    for (int i = 0; i < target.size(); i++) {
      candidates.add(
          sameSteps
              ? PlanStep.builder()
                  .from(open.get(i))
                  .dueAt(target.get(i).dueAt())
                  .channel(target.get(i).channel())
                  .build()
              : target.get(i));
    }
    Optional<ContactPlanning.Result> judged =
        judge(edit, plan, customer, handled, candidates, playbook, contacts);
    if (judged.isPresent() && judged.get().suppressed().isPresent()) {
      edit.end(
          PlanStatus.SUPPRESSED,
          "no contact at all: " + judged.get().suppressed().get().reason());
      return;
    }
    if (sameSteps) {
      for (int i = 0; i < open.size(); i++) {
        PlanStep before = open.get(i);
        PlanStep after =
            judged.isPresent() ? judged.get().steps().get(i).step() : candidates.get(i);
        if (after.equals(before)) {
          continue;
        }
        edit.replace(after);
        if (!after.dueAt().equals(before.dueAt())) {
          edit.event(
              EventType.STEP_RESCHEDULED,
              before,
              before.kind() + " moved to " + after.dueAt()
                  + (before.anchor() == StepAnchor.FEEDBACK
                      ? ", " + before.offset().toDays() + " days after the feedback"
                      : ""));
        }
        if (judged.isPresent()) {
          judged.get().steps().get(i).events().forEach(edit::record);
        }
      }
      edit.endIfNothingLeft();
      return;
    }
    String why = sameRule
        ? "replaced after what the customer told us"
        : "replaced by rule '" + rule.name() + "'";
    for (PlanStep step : open) {
      edit.finish(step, StepStatus.CANCELLED, why, EventType.STEP_CANCELLED);
    }
    List<PlanStep> added = new ArrayList<>(candidates.size());
    for (int i = 0; i < candidates.size(); i++) {
      added.add(judged.isPresent() ? judged.get().steps().get(i).step() : candidates.get(i));
    }
    edit.append(added);
    for (PlanStep step : added) {
      OfferFit.note(step).ifPresent(note -> edit.event(note.type(), step, note.detail()));
    }
    if (!sameRule) {
      edit.rule(
          rule.name(), Planner.rationale(rule, tier) + " Revised after the customer's feedback.");
    }
    edit.event(
        EventType.PLAN_REVISED,
        (sameRule
                ? "rule '" + rule.name() + "' planned again"
                : "rule '" + ruleBefore + "' replaced by '" + rule.name() + "'")
            + " after feedback: " + added.size() + " new steps");
    judged.ifPresent(j -> j.steps().forEach(a -> a.events().forEach(edit::record)));
    edit.endIfNothingLeft();
  }

  /** Whether the open steps are the target's, in the same order: same kinds, anchors and offsets. */
  private static boolean sameSteps(List<PlanStep> open, List<PlanStep> target) {
    if (open.size() != target.size()) {
      return false;
    }
    for (int i = 0; i < open.size(); i++) {
      PlanStep a = open.get(i);
      PlanStep b = target.get(i);
      if (a.kind() != b.kind() || a.anchor() != b.anchor() || !a.offset().equals(b.offset())) {
        return false;
      }
    }
    return true;
  }

  /**
   * The contact rules' judgement of the candidate steps, counting the contacts made and those under way; empty when
   * the host's policy failed (the steps are then judged when they are sent, as every step is).
   */
  private static Optional<ContactPlanning.Result> judge(
      PlanEdit edit,
      WinBackPlan plan,
      LostCustomer customer,
      List<PlanStep> handled,
      List<PlanStep> candidates,
      Playbook playbook,
      Contacts contacts) {
    List<ContactRecord> soFar = new ArrayList<>(contacts.history());
    for (PlanStep step : handled) {
      if (step.status() == StepStatus.PENDING || step.status() == StepStatus.RUNNING) {
        soFar.add(new ContactRecord(edit.now(), step.channel(), step.kind(), plan.id()));
      }
    }
    try {
      return Optional.of(ContactPlanning.adjust(
          plan,
          customer,
          candidates,
          soFar,
          edit.now(),
          contacts.policy(),
          playbook.contactRules(),
          contacts.listed(),
          edit.now()));
    } catch (RuntimeException e) {
      HostFailures.log(LOG, "The contact policy, revising after feedback,", plan.id(), e);
      return Optional.empty();
    }
  }
}
