package dev.winback.spi;

/**
 * Reaches out to a lost customer to keep the relationship going; carries out re-engagement, follow-up, thank-you, second-chance and goodbye steps (see {@link dev.winback.model.StepKind}).
 *
 * <p>Implementations are called from whichever thread runs due steps, possibly several at once, so they must be
 * thread-safe. A strategy that throws is retried with backoff like one that returns {@link StepResult.Failed}; its
 * exception never corrupts the plan.
 */
@FunctionalInterface
public interface ReEngagementStrategy {

  /**
   * Carries out one step.
   *
   * @param context the customer, the plan, the step and its idempotency key
   * @return what was done
   * @throws Exception when the step could not be carried out this time (it will be retried)
   */
  StepResult reEngage(StepContext context) throws Exception;

  /**
   * A strategy that carries out nothing and records each step as skipped: for hosts that do not do re-engagement steps.
   *
   * @return the strategy
   */
  static ReEngagementStrategy none() {
    return context -> StepResult.skipped("no re-engagement steps configured");
  }
}
