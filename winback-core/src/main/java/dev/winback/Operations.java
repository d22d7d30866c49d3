package dev.winback;

import dev.winback.internal.PlanEdit;
import dev.winback.model.Backlog;
import dev.winback.model.EventType;
import dev.winback.model.JournalEvent;
import dev.winback.model.Limits;
import dev.winback.model.PlanStatus;
import dev.winback.model.PlanStep;
import dev.winback.model.StepStatus;
import dev.winback.model.Suppression;
import dev.winback.model.WinBackPlan;
import dev.winback.spi.PlanStore;
import dev.winback.spi.QuarantinedPlan;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What operators see of the engine and what they may do to a customer's plan: the backlog, the funnel, failures and
 * quarantined plans, and actions (opt out, suppress, retry a failed step, pause, resume, end) that each journal an
 * {@link EventType#OPERATOR_ACTION} naming the operator. Get it from {@link WinBack#operations()}. Thread-safe.
 *
 * <p>The operator's name is kept in the journal as the audit record of the action; WinBack never logs it.
 */
public final class Operations {
  private final Clock clock;
  private final PlanStore store;
  private final PlanWriter writer;
  private final Decisions decisions;

  Operations(Clock clock, PlanStore store, PlanWriter writer, Decisions decisions) {
    this.clock = clock;
    this.store = store;
    this.writer = writer;
    this.decisions = decisions;
  }

  /**
   * The plans with a step due now and the oldest due time: what the runners have still to do.
   *
   * @return the backlog
   * @throws StoreException when the store cannot be read
   */
  public Backlog backlog() {
    return store.backlog(clock.instant());
  }

  /**
   * How many plans are in each status, every status present: the funnel from active to won back.
   *
   * @return the counts, in the order of {@link PlanStatus}
   * @throws StoreException when the store cannot be read
   */
  public Map<PlanStatus, Long> planCounts() {
    return store.planCounts();
  }

  /**
   * The newest failed steps and quarantined plans across every customer, newest first; their details hold no
   * personal data.
   *
   * @param limit the most events to return, at least 1
   * @return the events
   * @throws StoreException when the store cannot be read
   */
  public List<JournalEvent> recentFailures(int limit) {
    requirePositive(limit);
    return store.recentEvents(Set.of(EventType.STEP_FAILED, EventType.PLAN_QUARANTINED), limit);
  }

  /**
   * The newest operator actions across every customer, newest first: the audit trail.
   *
   * @param limit the most events to return, at least 1
   * @return the events
   * @throws StoreException when the store cannot be read
   */
  public List<JournalEvent> recentActions(int limit) {
    requirePositive(limit);
    return store.recentEvents(Set.of(EventType.OPERATOR_ACTION), limit);
  }

  /**
   * A page of the plans WinBack took out of the due order, ascending by plan id.
   *
   * @param afterPlanId the last plan id of the previous page, or the empty string for the first page
   * @param limit the most plans to return, at least 1
   * @return the quarantined plans
   * @throws StoreException when the store cannot be read
   */
  public List<QuarantinedPlan> quarantined(String afterPlanId, int limit) {
    Objects.requireNonNull(afterPlanId, "afterPlanId");
    requirePositive(limit);
    return store.quarantined(afterPlanId, limit);
  }

  /**
   * Opts the customer out on their behalf (they asked by phone, say), as {@link WinBack#optOut} does.
   *
   * @param customerId the customer
   * @param operator who did it, as the host's authentication names them
   * @return the plan after the change
   * @throws UnknownCustomerException when the customer has no plan
   * @throws InvalidInputException when an argument is invalid, or the customer's data was erased
   */
  public WinBackPlan optOut(String customerId, String operator) {
    String by = requireOperator(operator);
    requireNotErased(customerId);
    return decisions.optOut(customerId, by);
  }

  /**
   * Suppresses the customer, as {@link WinBack#suppress} does.
   *
   * @param customerId the customer
   * @param suppression why they must not be contacted
   * @param operator who did it
   * @return the plan after the change
   * @throws UnknownCustomerException when the customer has no plan
   * @throws InvalidInputException when an argument is invalid, or the customer's data was erased
   */
  public WinBackPlan suppress(String customerId, Suppression suppression, String operator) {
    String by = requireOperator(operator);
    requireNotErased(customerId);
    return decisions.suppress(customerId, suppression, by);
  }

  /**
   * Runs a failed step again: it is pending and due now, with its attempts counted afresh; a plan that the failure
   * halted is active again. For a step that failed because a host was down and is back.
   *
   * @param customerId the customer
   * @param stepIndex the failed step of the customer's latest plan
   * @param operator who did it
   * @return the plan after the change
   * @throws UnknownCustomerException when the customer has no plan
   * @throws InvalidInputException when the step did not fail, the plan ended otherwise than by the failure, or the
   *     customer's data was erased
   */
  public WinBackPlan retryStep(String customerId, int stepIndex, String operator) {
    String by = requireOperator(operator);
    return writer.decide(customerId, () -> {
      WinBackPlan latest = writer.latest(customerId);
      return writer.apply(latest.id(), plan -> {
        if (stepIndex < 0 || stepIndex >= plan.steps().size()) {
          throw refused("stepIndex", "the plan has no step " + stepIndex);
        }
        PlanStep step = plan.step(stepIndex);
        if (step.status() != StepStatus.FAILED) {
          throw refused("stepIndex", "step " + stepIndex + " is " + step.status() + ", not FAILED");
        }
        if (!plan.status().isActive() && plan.status() != PlanStatus.HALTED) {
          throw refused("customerId", "the plan ended as " + plan.status());
        }
        requireNotErased(plan);
        PlanEdit edit = new PlanEdit(plan, clock.instant());
        if (plan.status() == PlanStatus.HALTED) {
          edit.reopen();
        }
        edit.replace(PlanStep.builder()
            .from(step)
            .status(StepStatus.PENDING)
            .dueAt(edit.now())
            .attempts(0)
            .completedAt(java.util.Optional.empty())
            .outcome("retried by an operator")
            .build());
        edit.event(
            EventType.OPERATOR_ACTION,
            step,
            done(
                by,
                "retried the failed " + step.kind() + " step"
                    + (plan.status() == PlanStatus.HALTED ? " and reopened the halted plan" : "")));
        return edit;
      });
    });
  }

  /**
   * Pauses the customer's active plan: its steps wait, without running, until {@link #resume} (a complaint is being
   * handled, say).
   *
   * @param customerId the customer
   * @param operator who did it
   * @return the plan after the change
   * @throws UnknownCustomerException when the customer has no plan
   * @throws InvalidInputException when the plan ended or is already paused
   */
  public WinBackPlan pause(String customerId, String operator) {
    return changeActive(customerId, operator, false, "paused the plan", edit -> edit.paused(true));
  }

  /**
   * Resumes a paused plan: steps that fell due meanwhile run at the next run, in order.
   *
   * @param customerId the customer
   * @param operator who did it
   * @return the plan after the change
   * @throws UnknownCustomerException when the customer has no plan
   * @throws InvalidInputException when the plan ended or is not paused
   */
  public WinBackPlan resume(String customerId, String operator) {
    return changeActive(customerId, operator, true, "resumed the plan", edit -> edit.paused(false));
  }

  /**
   * Ends the customer's active plan as {@link PlanStatus#CLOSED}: its pending steps are cancelled.
   *
   * @param customerId the customer
   * @param operator who did it
   * @return the plan after the change
   * @throws UnknownCustomerException when the customer has no plan
   * @throws InvalidInputException when the plan already ended
   */
  public WinBackPlan end(String customerId, String operator) {
    String by = requireOperator(operator);
    return writer.decide(customerId, () -> {
      WinBackPlan latest = writer.latest(customerId);
      return writer.apply(latest.id(), plan -> {
        requireActive(plan);
        PlanEdit edit = new PlanEdit(plan, clock.instant());
        edit.event(EventType.OPERATOR_ACTION, done(by, "ended the plan"));
        edit.end(PlanStatus.CLOSED, "ended by an operator");
        return edit;
      });
    });
  }

  private WinBackPlan changeActive(
      String customerId,
      String operator,
      boolean mustBePaused,
      String what,
      java.util.function.Consumer<PlanEdit> change) {
    String by = requireOperator(operator);
    return writer.decide(customerId, () -> {
      WinBackPlan latest = writer.latest(customerId);
      return writer.apply(latest.id(), plan -> {
        requireActive(plan);
        if (plan.paused() != mustBePaused) {
          throw refused(
              "customerId",
              plan.paused() ? "the plan is already paused" : "the plan is not paused");
        }
        PlanEdit edit = new PlanEdit(plan, clock.instant());
        change.accept(edit);
        edit.event(EventType.OPERATOR_ACTION, done(by, what));
        return edit;
      });
    });
  }

  /** The journal detail of an operator's action. */
  static String done(String operator, String what) {
    return "operator '" + operator + "' " + what;
  }

  /** An erased customer's anonymous record is kept for statistics as it was: no operator changes it. */
  private void requireNotErased(String customerId) {
    requireNotErased(writer.latest(customerId));
  }

  private static void requireNotErased(WinBackPlan plan) {
    if (plan.customer().suppression().filter(Suppression.ERASED::equals).isPresent()) {
      throw refused("customerId", "the customer's data was erased: the plan stays as it ended");
    }
  }

  private static void requireActive(WinBackPlan plan) {
    if (!plan.status().isActive()) {
      throw refused("customerId", "the plan already ended as " + plan.status());
    }
  }

  private static String requireOperator(String operator) {
    Limits.requireValidName("operator", operator);
    if (operator.isBlank()) {
      throw refused("operator", "must not be blank");
    }
    return operator;
  }

  private static void requirePositive(int limit) {
    if (limit < 1) {
      throw refused("limit", "must be at least 1, was " + limit);
    }
  }

  private static InvalidInputException refused(String path, String message) {
    return new InvalidInputException("operator action", List.of(new Problem(path, message)));
  }

  @Override
  public String toString() {
    return "Operations[" + store + "]";
  }
}
