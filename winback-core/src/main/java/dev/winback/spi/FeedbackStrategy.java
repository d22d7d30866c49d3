package dev.winback.spi;

/**
 * Asks a lost customer why they left (survey, call or letter) and thanks them for answering; carries out {@link dev.winback.model.StepKind#FEEDBACK_REQUEST} steps.
 *
 * <p>Implementations are called from whichever thread runs due steps, possibly several at once, so they must be
 * thread-safe. A strategy that throws is retried with backoff like one that returns {@link StepResult.Failed}; its
 * exception never corrupts the plan.
 */
@FunctionalInterface
public interface FeedbackStrategy {

  /**
   * Carries out one step.
   *
   * @param context the customer, the plan, the step and its idempotency key
   * @return what was done
   * @throws Exception when the step could not be carried out this time (it will be retried)
   */
  StepResult requestFeedback(StepContext context) throws Exception;

  /**
   * A strategy that carries out nothing and records each step as skipped: for hosts that do not do feedback requests.
   *
   * @return the strategy
   */
  static FeedbackStrategy none() {
    return context -> StepResult.skipped("no feedback requests configured");
  }
}
