package dev.winback;

/**
 * The plan store could not complete an operation (e.g. the database connection was lost or a constraint refused a
 * row). The operation's transaction was rolled back, so nothing of it was written; it can be retried. The message
 * carries the SQL state but never the database's own message, which may quote personal data.
 */
public final class StoreException extends WinBackException {
  private static final long serialVersionUID = 1L;

  /** The database's SQLSTATE code, "unknown" when it gave none. */
  private final String sqlState;

  /**
   * Creates the exception.
   *
   * @param operation what the store was doing, e.g. {@code update plan}
   * @param sqlState the SQL state of the failure, if known
   */
  public StoreException(String operation, String sqlState) {
    super("Plan store failed to " + operation + " (SQL state " + sqlState + "); nothing was written, retry");
    this.sqlState = sqlState;
  }

  /**
   * The SQL state of the failure.
   *
   * @return the state, or {@code unknown}
   */
  public String sqlState() {
    return sqlState;
  }
}
