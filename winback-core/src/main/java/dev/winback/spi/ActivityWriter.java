package dev.winback.spi;

/**
 * Writes WinBack's activities back into the host's CRM (a timeline entry, a note, a task), so the people who
 * deal with a customer see what was done. Called after each change is stored; an exception is logged and never
 * undoes the change. Must be thread-safe.
 */
@FunctionalInterface
public interface ActivityWriter {

  /**
   * Writes one activity.
   *
   * @param activity what happened
   * @throws Exception when the CRM could not take it (logged, not retried)
   */
  void write(Activity activity) throws Exception;

  /**
   * A writer that writes nothing, for hosts without a CRM.
   *
   * @return the writer
   */
  static ActivityWriter none() {
    return activity -> {};
  }
}
