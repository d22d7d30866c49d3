package dev.winback;

/**
 * What one {@link WinBack#runDue()} call did.
 *
 * @param done steps the host's strategies carried out
 * @param skipped steps skipped on purpose (by a strategy or because a contact rule forbade them)
 * @param delayed steps a contact rule moved to a later time (a cap, quiet hours)
 * @param retried steps that failed this time and will be retried
 * @param failed steps that failed for good
 */
public record RunSummary(int done, int skipped, int delayed, int retried, int failed) {

  /**
   * How many steps were handled in all.
   *
   * @return the sum of every count
   */
  public int total() {
    return done + skipped + delayed + retried + failed;
  }
}
