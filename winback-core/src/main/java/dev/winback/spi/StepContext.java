package dev.winback.spi;

import dev.winback.model.ExitTerms;
import dev.winback.model.LostCustomer;
import dev.winback.model.PlanStep;
import dev.winback.model.StepStatus;
import dev.winback.model.WinBackPlan;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything a strategy needs to carry out one plan step, immutable. The {@link #idempotencyKey()} is the same on
 * every attempt of the same step, so a host that remembers it can make sure a message goes out once.
 *
 * @param customer the customer, with everything learned so far (e.g. the reasons from their feedback)
 * @param plan the plan the step belongs to, as it stood when the step was claimed
 * @param step the step to carry out
 * @param idempotencyKey a key unique to this step of this plan, stable across retries
 * @param attempt which attempt this is, from 1
 * @param now the engine's clock time when the step was claimed
 * @param exitTerms what the customer keeps after leaving: for the goodbye step to tell them
 */
public record StepContext(
    LostCustomer customer,
    WinBackPlan plan,
    PlanStep step,
    String idempotencyKey,
    int attempt,
    Instant now,
    ExitTerms exitTerms) {

  /**
   * Checks every part is present.
   *
   * @param customer the customer
   * @param plan the plan
   * @param step the step
   * @param idempotencyKey the idempotency key
   * @param attempt the attempt
   * @param now the time of the claim
   * @param exitTerms what the customer keeps
   */
  public StepContext {
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(step, "step");
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(exitTerms, "exitTerms");
  }

  /**
   * The plan's steps that were carried out or skipped before this one, with their outcomes.
   *
   * @return the earlier finished steps, in plan order
   */
  public List<PlanStep> earlierOutcomes() {
    return plan.steps().stream()
        .filter(s ->
            s.index() != step.index() && s.status().isFinal() && s.status() != StepStatus.CANCELLED)
        .toList();
  }
}
