package dev.winback;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The plan store could not complete an operation (e.g. the database connection was lost or a constraint refused a
 * row). The operation's transaction was rolled back, so nothing of it was written; it can be retried.
 *
 * <p>The database's own messages may quote personal data (a refused key, a column value), so this exception never
 * carries them, nor the original exception: it keeps a redacted cause chain instead, the type and SQL state of each
 * exception that led to it ({@link #causes()}), which its message lists too.
 */
public class StoreException extends WinBackException {
  private static final long serialVersionUID = 1L;
  /** The most causes kept: chains are short, and a cycle must not loop. */
  private static final int MAX_CAUSES = 16;

  /** The database's SQLSTATE code, "unknown" when it gave none. */
  private final String sqlState;
  /** The redacted cause chain, outermost first. */
  private final List<String> causes;

  /**
   * Creates the exception.
   *
   * @param operation what the store was doing, e.g. {@code update plan}
   * @param sqlState the SQL state of the failure, if known
   */
  public StoreException(String operation, String sqlState) {
    this(operation, sqlState == null ? "unknown" : sqlState, List.of());
  }

  /**
   * Creates the exception from what the database threw, keeping only the types and SQL states of its cause chain.
   *
   * @param operation what the store was doing, e.g. {@code update plan}
   * @param cause what the database or its driver threw; only its type and SQL state, and those of its causes, are
   *     kept
   */
  public StoreException(String operation, Throwable cause) {
    this(operation, firstSqlState(cause), redact(cause));
  }

  private StoreException(String operation, String sqlState, List<String> causes) {
    super("Plan store failed to " + operation + " (SQL state " + sqlState
        + "); nothing was written, retry"
        + (causes.isEmpty() ? "" : ". Causes: " + String.join(" <- ", causes)));
    this.sqlState = sqlState;
    this.causes = causes;
  }

  /**
   * Creates an exception with a message of its own, for subtypes.
   *
   * @param message what went wrong and what to do about it; no personal data
   * @param sqlState the SQL state, or {@code unknown}
   * @param cause what the database threw, redacted like {@link #StoreException(String, Throwable)}; may be null
   */
  protected StoreException(String message, String sqlState, @Nullable Throwable cause) {
    super(message);
    this.sqlState = sqlState;
    this.causes = redact(cause);
  }

  /**
   * The SQL state of the failure: the first one in the cause chain.
   *
   * @return the state, or {@code unknown}
   */
  public String sqlState() {
    return sqlState;
  }

  /**
   * The redacted cause chain, outermost first: each exception's class name and, for SQL exceptions, its SQL state,
   * e.g. {@code org.postgresql.util.PSQLException[08006]}. The chain follows both {@link Throwable#getCause()} and
   * {@link SQLException#getNextException()}. Never any message text.
   *
   * @return the causes, empty when the failure had none
   */
  public List<String> causes() {
    return causes;
  }

  private static String firstSqlState(Throwable cause) {
    for (Throwable t : chain(cause)) {
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        return sql.getSQLState();
      }
    }
    return "unknown";
  }

  private static List<String> redact(@Nullable Throwable cause) {
    List<String> names = new ArrayList<>();
    for (Throwable t : chain(cause)) {
      String state = t instanceof SQLException sql && sql.getSQLState() != null
          ? "[" + sql.getSQLState() + "]"
          : "";
      names.add(t.getClass().getName() + state);
    }
    return List.copyOf(names);
  }

  /** The exception and its causes (and, for SQL exceptions, the next exceptions), each once, at most 16. */
  private static List<Throwable> chain(@Nullable Throwable cause) {
    List<Throwable> chain = new ArrayList<>();
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    List<Throwable> pending = new ArrayList<>();
    if (cause != null) {
      pending.add(cause);
    }
    while (!pending.isEmpty() && chain.size() < MAX_CAUSES) {
      Throwable t = pending.remove(0);
      if (!seen.add(t)) {
        continue;
      }
      chain.add(t);
      if (t.getCause() != null) {
        pending.add(0, t.getCause());
      }
      if (t instanceof SQLException sql && sql.getNextException() != null) {
        pending.add(sql.getNextException());
      }
    }
    return chain;
  }
}
