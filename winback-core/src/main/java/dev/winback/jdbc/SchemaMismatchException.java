package dev.winback.jdbc;

import dev.winback.StoreException;

/**
 * The database records a schema version whose script differs from the one this version of WinBack ships (its
 * SHA-256 checksum does not match): the schema was changed by hand, or by a different build of WinBack. Nothing was
 * migrated. Compare the script recorded in {@code winback_schema} with the one in the jar before going on.
 */
public final class SchemaMismatchException extends StoreException {
  private static final long serialVersionUID = 1L;

  /** The schema version whose script differs. */
  private final int version;

  SchemaMismatchException(int version, String script, String applied, String shipped) {
    super(
        "Schema version " + version + " (" + script + ") applied to this database has checksum "
            + applied
            + ", but the script this WinBack ships has " + shipped
            + "; nothing was migrated. Compare the applied "
            + "schema with the shipped script before going on",
        "unknown",
        null);
    this.version = version;
  }

  /**
   * The schema version whose script differs.
   *
   * @return the version, from 1
   */
  public int version() {
    return version;
  }
}
