package dev.winback.spi;

/**
 * Says sorry and takes responsibility when the fault was ours, never blaming the customer; carries out {@link dev.winback.model.StepKind#APOLOGY} steps.
 *
 * <p>Implementations are called from whichever thread runs due steps, possibly several at once, so they must be
 * thread-safe. A strategy that throws is retried with backoff like one that returns {@link StepResult.Failed}; its
 * exception never corrupts the plan.
 */
@FunctionalInterface
public interface ApologyStrategy {

  /**
   * Carries out one step.
   *
   * @param context the customer, the plan, the step and its idempotency key
   * @return what was done
   * @throws Exception when the step could not be carried out this time (it will be retried)
   */
  StepResult apologise(StepContext context) throws Exception;

  /**
   * A strategy that carries out nothing and records each step as skipped: for hosts that do not do apologies.
   *
   * @return the strategy
   */
  static ApologyStrategy none() {
    return context -> StepResult.skipped("no apologies configured");
  }
}
