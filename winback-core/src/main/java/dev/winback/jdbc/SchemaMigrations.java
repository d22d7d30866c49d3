package dev.winback.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The versioned schema scripts shipped in the jar, and applying those a database lacks, each in a transaction,
 * recorded in {@code winback_schema}. A version's script may have a variant per database
 * ({@code NAME.postgresql.sql}, {@code NAME.h2.sql}); otherwise {@code NAME.sql} serves both.
 */
final class SchemaMigrations {
  /** The schema versions, in order. */
  static final List<String> VERSIONS = List.of("V1__winback_schema", "V2__cheaper_step_writes",
      "V3__contacts_in_the_journal", "V4__leaner_indexes");
  private static final String SCHEMA_TABLE = "winback_schema";

  private SchemaMigrations() {}

  /**
   * Applies the versions up to {@code upTo} that the database does not have yet.
   *
   * @param dataSource the database
   * @param postgres true for PostgreSQL, false for H2
   * @param upTo the last version to apply
   * @throws SQLException when a script fails (its transaction is rolled back)
   */
  static void apply(DataSource dataSource, boolean postgres, int upTo) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        s.execute("CREATE TABLE IF NOT EXISTS " + SCHEMA_TABLE
            + " (version INT NOT NULL PRIMARY KEY, script VARCHAR(200) NOT NULL, applied_at BIGINT NOT NULL)");
      }
      c.commit();
      for (int version = 1; version <= upTo; version++) {
        if (applied(c, version)) {
          continue;
        }
        String name = scriptName(VERSIONS.get(version - 1), postgres);
        try (Statement s = c.createStatement()) {
          for (String sql : script(name)) {
            s.execute(sql);
          }
        }
        try (PreparedStatement p = c.prepareStatement(
            "INSERT INTO " + SCHEMA_TABLE + " (version, script, applied_at) VALUES (?, ?, ?)")) {
          p.setInt(1, version);
          p.setString(2, name);
          p.setLong(3, System.currentTimeMillis());
          p.executeUpdate();
        }
        c.commit();
      }
    }
  }

  /** The script of a version for a database: its own variant if there is one, else the common script. */
  private static String scriptName(String version, boolean postgres) {
    String variant = version + (postgres ? ".postgresql.sql" : ".h2.sql");
    return SchemaMigrations.class.getResource(variant) != null ? variant : version + ".sql";
  }

  private static boolean applied(Connection c, int version) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("SELECT 1 FROM " + SCHEMA_TABLE + " WHERE version = ?")) {
      p.setInt(1, version);
      try (ResultSet r = p.executeQuery()) {
        return r.next();
      }
    }
  }

  /** The statements of a script: separated by a semicolon at the end of a line, with comment lines left out. */
  private static List<String> script(String name) {
    try (InputStream in = SchemaMigrations.class.getResourceAsStream(name)) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      List<String> statements = new ArrayList<>();
      StringBuilder current = new StringBuilder();
      for (String line : text.split("\n")) {
        if (line.strip().startsWith("--")) {
          continue;
        }
        current.append(line).append('\n');
        if (line.strip().endsWith(";")) {
          String sql = current.toString().strip();
          statements.add(sql.substring(0, sql.length() - 1));
          current.setLength(0);
        }
      }
      return statements;
    } catch (IOException | NullPointerException e) {
      throw new IllegalStateException("migration script " + name + " is missing from the jar", e);
    }
  }
}
