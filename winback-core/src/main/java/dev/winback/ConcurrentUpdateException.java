package dev.winback;

/**
 * A plan kept changing under an update, so the update was given up rather than overwrite another change. Nothing
 * was written; the call can be retried.
 */
public final class ConcurrentUpdateException extends WinBackException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param planId the plan that could not be updated
   * @param attempts how many times the update was tried
   */
  public ConcurrentUpdateException(String planId, int attempts) {
    super("Plan '" + planId + "' changed concurrently " + attempts
        + " times in a row; nothing was written, retry");
  }

  private ConcurrentUpdateException(String message) {
    super(message);
  }

  /**
   * A new active plan was refused because its customer has another active plan: one was started concurrently.
   *
   * @param planId the plan that was not stored
   * @return the exception
   */
  public static ConcurrentUpdateException anotherActivePlan(String planId) {
    return new ConcurrentUpdateException(
        "Plan '" + planId + "' was not stored: its customer has another active plan, "
            + "started concurrently (a customer has at most one); nothing was written, retry after reading the latest plan");
  }
}
