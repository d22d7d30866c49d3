package dev.winback.internal;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;

/**
 * How a failing host callback is logged: its exception type at WARN; at DEBUG, the type again with the stack
 * trace, whose messages are replaced by their exception types, since host messages may hold personal data.
 */
public final class HostFailures {
  private HostFailures() {}

  /**
   * Logs a host callback's failure.
   *
   * @param log the logger
   * @param who the callback, e.g. "Strategy for APOLOGY step 0 of plan p"
   * @param what what it was doing (printed with {@code toString})
   * @param failure what it threw
   */
  public static void log(Logger log, String who, Object what, Throwable failure) {
    log.warn("{} threw {} on {}", who, failure.getClass().getName(), what);
    if (log.isDebugEnabled()) {
      log.debug("{} threw {} on {}", who, failure.getClass().getName(), what, redacted(failure));
    }
  }

  /**
   * A copy of an exception chain with every message left out: types and stack frames only.
   *
   * @param failure the exception
   * @return the redacted copy
   */
  public static Throwable redacted(Throwable failure) {
    return redacted(failure, 0);
  }

  private static Throwable redacted(Throwable failure, int depth) {
    Throwable cause = failure.getCause();
    Redacted copy = new Redacted(
        failure.getClass().getName(),
        cause == null || cause == failure || depth > 20 ? null : redacted(cause, depth + 1));
    copy.setStackTrace(failure.getStackTrace());
    return copy;
  }

  /** An exception standing in for another, named by its type, without its message. */
  private static final class Redacted extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String type;

    Redacted(String type, @Nullable Throwable cause) {
      super(type, cause, false, true);
      this.type = type;
    }

    @Override
    public String toString() {
      return type + " (message redacted)";
    }
  }
}
