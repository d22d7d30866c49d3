package dev.winback;

/**
 * What one {@link WinBack#runDue()} call did.
 *
 * @param done steps the host's strategies carried out
 * @param skipped steps skipped on purpose (by a strategy or because a rule forbade contact)
 * @param retried steps that failed this time and will be retried
 * @param failed steps that failed for good
 */
public record RunSummary(int done, int skipped, int retried, int failed) {

  /**
   * How many steps were handled in all.
   *
   * @return the sum of every count
   */
  public int total() {
    return done + skipped + retried + failed;
  }

  /**
   * Adds two summaries.
   *
   * @param other another summary
   * @return the sum
   */
  public RunSummary plus(RunSummary other) {
    return new RunSummary(done + other.done, skipped + other.skipped, retried + other.retried, failed + other.failed);
  }
}
