package dev.winback.spi;

/**
 * Makes a customer the incentive in the step's offer; carries out {@link dev.winback.model.StepKind#INCENTIVE_OFFER} steps.
 *
 * <p>Implementations are called from whichever thread runs due steps, possibly several at once, so they must be
 * thread-safe. A strategy that throws is retried with backoff like one that returns {@link StepResult.Failed}; its
 * exception never corrupts the plan.
 */
@FunctionalInterface
public interface IncentiveStrategy {

  /**
   * Carries out one step.
   *
   * @param context the customer, the plan, the step and its idempotency key
   * @return what was done
   * @throws Exception when the step could not be carried out this time (it will be retried)
   */
  StepResult offerIncentive(StepContext context) throws Exception;

  /**
   * A strategy that carries out nothing and records each step as skipped: for hosts that do not do incentive offers.
   *
   * @return the strategy
   */
  static IncentiveStrategy none() {
    return context -> StepResult.skipped("no incentive offers configured");
  }
}
