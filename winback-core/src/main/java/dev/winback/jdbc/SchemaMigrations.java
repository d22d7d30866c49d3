package dev.winback.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The versioned schema scripts shipped in the jar ({@code NAME.postgresql.sql}, {@code NAME.h2.sql}), and applying
 * those a database lacks: under the dialect's migration lock, so that nodes starting at once apply each script once;
 * each script in a transaction where the database allows (PostgreSQL), recorded in {@code winback_schema} with the
 * SHA-256 checksum of its text. A recorded script whose checksum differs from the shipped one stops the migration
 * with a {@link SchemaMismatchException}.
 */
final class SchemaMigrations {
  /** The schema versions, in order: version 1 is the first. */
  static final List<String> VERSIONS = List.of("V1__winback_schema", "V2__winback_notable_events");

  private static final String SCHEMA_TABLE = "winback_schema";

  private SchemaMigrations() {}

  /** A version's script for a database. */
  record Script(int version, String name, byte[] text) {
    String checksum() {
      try {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text));
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("SHA-256 is missing from this JVM", e);
      }
    }
  }

  /** The scripts this version ships for a database, in order. */
  static List<Script> scripts(Dialect dialect) {
    List<Script> scripts = new ArrayList<>();
    for (int i = 0; i < VERSIONS.size(); i++) {
      String name = VERSIONS.get(i) + dialect.scriptSuffix();
      try (InputStream in = SchemaMigrations.class.getResourceAsStream(name)) {
        if (in == null) {
          throw new IllegalStateException("migration script " + name + " is missing from the jar");
        }
        scripts.add(new Script(i + 1, name, in.readAllBytes()));
      } catch (IOException e) {
        throw new IllegalStateException(
            "migration script " + name + " cannot be read from the jar", e);
      }
    }
    return scripts;
  }

  /**
   * Applies the shipped versions the database does not have yet.
   *
   * @throws SQLException when a script fails (its transaction is rolled back)
   * @throws SchemaMismatchException when an applied script differs from the shipped one
   */
  static void apply(DataSource dataSource, Dialect dialect) throws SQLException {
    List<Script> scripts = scripts(dialect);
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(true);
      try (Dialect.MigrationLock lock = dialect.lockMigrations(dataSource, c)) {
        try (Statement s = c.createStatement()) {
          s.execute(
              "CREATE TABLE IF NOT EXISTS " + SCHEMA_TABLE + " (version INT NOT NULL PRIMARY KEY, "
                  + "script VARCHAR(200) NOT NULL, checksum VARCHAR(64) NOT NULL, "
                  + "applied_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL)");
        }
        Map<Integer, String> applied = applied(c);
        for (Script script : scripts) {
          String recorded = applied.get(script.version());
          if (recorded != null && !recorded.equals(script.checksum())) {
            throw new SchemaMismatchException(
                script.version(), script.name(), recorded, script.checksum());
          }
        }
        for (Script script : scripts) {
          if (!applied.containsKey(script.version())) {
            applyOne(c, script);
          }
        }
      }
    }
  }

  private static void applyOne(Connection c, Script script) throws SQLException {
    c.setAutoCommit(false);
    try {
      try (Statement s = c.createStatement()) {
        for (String sql : statements(new String(script.text(), StandardCharsets.UTF_8))) {
          s.execute(sql);
        }
      }
      try (PreparedStatement p = c.prepareStatement(
          "INSERT INTO " + SCHEMA_TABLE + " (version, script, checksum) VALUES (?, ?, ?)")) {
        p.setInt(1, script.version());
        p.setString(2, script.name());
        p.setString(3, script.checksum());
        p.executeUpdate();
      }
      c.commit();
    } catch (SQLException | RuntimeException e) {
      Transactions.rollback(c);
      throw e;
    } finally {
      Transactions.restoreAutoCommit(c);
    }
  }

  private static Map<Integer, String> applied(Connection c) throws SQLException {
    Map<Integer, String> applied = new HashMap<>();
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT version, checksum FROM " + SCHEMA_TABLE)) {
      while (r.next()) {
        applied.put(r.getInt(1), r.getString(2));
      }
    }
    return applied;
  }

  /**
   * The statements of a script: separated by a semicolon at the end of a line, outside dollar-quoted bodies, with
   * comment lines left out.
   */
  static List<String> statements(String text) {
    List<String> statements = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean quoted = false;
    for (String line : text.split("\n")) {
      if (!quoted && line.strip().startsWith("--")) {
        continue;
      }
      current.append(line).append('\n');
      int dollars = line.split("\\$\\$", -1).length - 1;
      if (dollars % 2 == 1) {
        quoted = !quoted;
      }
      if (!quoted && line.strip().endsWith(";")) {
        String sql = current.toString().strip();
        statements.add(sql.substring(0, sql.length() - 1));
        current.setLength(0);
      }
    }
    if (!current.toString().isBlank()) {
      statements.add(current.toString().strip());
    }
    return statements;
  }
}
