package dev.winback.jdbc;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A node in its own JVM, for the migration test: connects, says "ready", waits for "go" on its standard input (so
 * that the test releases every node at once), migrates the schema and exits 0, or 1 when the migration failed.
 */
public final class MigratingNode {
  private MigratingNode() {}

  public static void main(String[] args) throws Exception {
    PGSimpleDataSource postgres = new PGSimpleDataSource();
    postgres.setURL(args[0]);
    JdbcPlanStore store = JdbcPlanStore.create(postgres);
    System.out.println("ready");
    System.out.flush();
    new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    try {
      store.migrate();
      System.out.println("migrated");
    } catch (RuntimeException e) {
      System.out.println("failed: " + e);
      System.exit(1);
    }
  }
}
