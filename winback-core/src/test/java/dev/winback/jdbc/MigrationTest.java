package dev.winback.jdbc;

import static dev.winback.jdbc.PlanStoreContract.event;
import static dev.winback.jdbc.PlanStoreContract.plan;
import static dev.winback.testing.Customers.LOST_AT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.winback.model.EventType;
import dev.winback.model.WinBackPlan;
import dev.winback.testing.Databases;
import dev.winback.testing.PooledDataSource;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.postgresql.ds.PGSimpleDataSource;

/** The schema's migration: many nodes at once, checksums of applied scripts, and the scripts under Flyway. */
class MigrationTest {
  private static final int NODES = 3;

  /** A fresh database and a way to open another, separate data source on it: one per node. */
  record Database(PooledDataSource first, Supplier<PooledDataSource> another) {}

  static Database freshPostgres() {
    PooledDataSource first = Databases.newPostgres();
    String url = Databases.postgresUrl(Databases.lastPostgresDatabase());
    return new Database(first, () -> {
      PGSimpleDataSource node = new PGSimpleDataSource();
      node.setURL(url);
      return new PooledDataSource(node);
    });
  }

  static Database freshH2() {
    String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    Supplier<PooledDataSource> another = () -> {
      JdbcDataSource h2 = new JdbcDataSource();
      h2.setURL(url);
      return new PooledDataSource(h2);
    };
    return new Database(another.get(), another);
  }

  static Stream<Arguments> databases() {
    return Stream.of(
        Arguments.of("PostgreSQL", (Supplier<Database>) MigrationTest::freshPostgres),
        Arguments.of("H2", (Supplier<Database>) MigrationTest::freshH2));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void threeNodesMigratingAFreshDatabaseAtOnceAllSucceedTwentyRoundsOutOfTwenty(
      String name, Supplier<Database> fresh) throws Exception {
    ExecutorService nodes = Executors.newFixedThreadPool(NODES);
    try {
      for (int round = 0; round < 20; round++) {
        Database database = fresh.get();
        CyclicBarrier together = new CyclicBarrier(NODES);
        List<Future<JdbcPlanStore>> migrated = new ArrayList<>();
        List<PooledDataSource> dataSources = new ArrayList<>();
        for (int node = 0; node < NODES; node++) {
          PooledDataSource dataSource =
              node == 0 ? database.first() : database.another().get();
          dataSources.add(dataSource);
          migrated.add(nodes.submit(() -> {
            JdbcPlanStore store = JdbcPlanStore.create(dataSource);
            together.await();
            return store.migrate();
          }));
        }
        for (Future<JdbcPlanStore> node : migrated) {
          node.get(60, TimeUnit.SECONDS); // throws if that node's migration failed
        }

        assertThat(JdbcTests.count(database.first(), "SELECT count(*) FROM winback_schema"))
            .as("round %d: each version applied once", round)
            .isEqualTo(SchemaMigrations.VERSIONS.size());
        worksOn(migrated.get(2).get());
        dataSources.forEach(PooledDataSource::closeAll);
      }
    } finally {
      nodes.shutdownNow();
    }
  }

  @Test
  void threeNodeProcessesMigratingAFreshPostgresDatabaseAtOnceAllSucceed() throws Exception {
    Database database = freshPostgres();
    String url = Databases.postgresUrl(Databases.lastPostgresDatabase());
    List<Process> nodes = new ArrayList<>();
    try {
      for (int i = 0; i < NODES; i++) {
        nodes.add(new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                MigratingNode.class.getName(),
                url)
            .redirectErrorStream(true)
            .start());
      }
      List<BufferedReader> outputs = new ArrayList<>();
      for (Process node : nodes) {
        BufferedReader output = new BufferedReader(
            new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8));
        outputs.add(output);
        assertThat(lineStartingWith(output, "ready")).isEqualTo("ready");
      }
      for (Process node : nodes) { // every node is connected and waiting: release them together
        OutputStream input = node.getOutputStream();
        input.write("go\n".getBytes(StandardCharsets.UTF_8));
        input.flush();
      }
      for (int i = 0; i < NODES; i++) {
        assertThat(lineStartingWith(outputs.get(i), "migrated"))
            .as("node %d", i)
            .isEqualTo("migrated");
        assertThat(nodes.get(i).waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(nodes.get(i).exitValue()).isZero();
      }
    } finally {
      nodes.forEach(Process::destroyForcibly);
    }

    assertThat(JdbcTests.count(database.first(), "SELECT count(*) FROM winback_schema"))
        .isEqualTo(SchemaMigrations.VERSIONS.size());
    worksOn(JdbcPlanStore.create(database.first()));
  }

  /** The first line that starts with {@code prefix} or tells of a failure; skips the driver's log lines. */
  private static String lineStartingWith(BufferedReader output, String prefix) throws Exception {
    for (String line = output.readLine(); line != null; line = output.readLine()) {
      if (line.startsWith(prefix) || line.startsWith("failed")) {
        return line;
      }
    }
    return "no output";
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void migratingAgainChangesNothingAndRecordsTheScriptsChecksum(
      String name, Supplier<Database> fresh) throws Exception {
    PooledDataSource dataSource = fresh.get().first();
    JdbcPlanStore store = JdbcPlanStore.create(dataSource).migrate().migrate();

    List<SchemaMigrations.Script> shipped = SchemaMigrations.scripts(
        name.equals("H2") ? new H2Dialect(Duration.ZERO) : new PostgresDialect(Duration.ZERO));
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(
            "SELECT version, script, checksum FROM winback_schema ORDER BY version")) {
      for (int version = 1; version <= SchemaMigrations.VERSIONS.size(); version++) {
        assertThat(r.next()).isTrue();
        assertThat(r.getInt(1)).isEqualTo(version);
        assertThat(r.getString(2))
            .isEqualTo(SchemaMigrations.VERSIONS.get(version - 1)
                + (name.equals("H2") ? ".h2.sql" : ".postgresql.sql"));
        assertThat(r.getString(3))
            .hasSize(64)
            .isEqualTo(shipped.get(version - 1).checksum());
      }
      assertThat(r.next()).isFalse();
    }
    assertThat(store.toString()).contains(name);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void aDatabaseWhoseAppliedScriptDiffersFromTheShippedOneIsRefusedNamingTheVersion(
      String name, Supplier<Database> fresh) {
    PooledDataSource dataSource = fresh.get().first();
    JdbcPlanStore store = JdbcPlanStore.create(dataSource).migrate();
    JdbcTests.execute(
        dataSource,
        "UPDATE winback_schema SET checksum = '" + "0".repeat(64) + "' WHERE version = 1");

    assertThatThrownBy(store::migrate)
        .isInstanceOfSatisfying(
            SchemaMismatchException.class, e -> assertThat(e.version()).isEqualTo(1))
        .hasMessageContaining("Schema version 1 (V1__winback_schema.")
        .hasMessageContaining("0".repeat(64));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void theShippedScriptsAppliedByFlywayMakeAWorkingStore(
      String name, Supplier<Database> fresh, @TempDir Path migrations) throws Exception {
    PooledDataSource dataSource = fresh.get().first();
    for (String version : SchemaMigrations.VERSIONS) {
      String shipped = version + (name.equals("H2") ? ".h2.sql" : ".postgresql.sql");
      try (var in = SchemaMigrations.class.getResourceAsStream(shipped)) {
        Files.copy(in, migrations.resolve(version + ".sql")); // the names a host's Flyway expects
      }
    }

    var result = Flyway.configure()
        .dataSource(dataSource)
        .locations("filesystem:" + migrations)
        .load()
        .migrate();

    assertThat(result.migrationsExecuted).isEqualTo(SchemaMigrations.VERSIONS.size());
    worksOn(JdbcPlanStore.create(dataSource));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void aDatabaseAtVersionOneIsMigratedToTheLatestKeepingItsPlans(
      String name, Supplier<Database> fresh) {
    PooledDataSource dataSource = fresh.get().first();
    JdbcPlanStore store = JdbcPlanStore.create(dataSource).migrate();
    WinBackPlan plan = plan("c1", LOST_AT, 0);
    store.insertIfAbsent(plan, List.of(event(plan, EventType.STEP_DONE, "sent")));
    JdbcTests.execute(dataSource, "DROP INDEX winback_journal_notable");
    JdbcTests.execute(dataSource, "DELETE FROM winback_schema WHERE version > 1");

    store.migrate();

    assertThat(JdbcTests.count(dataSource, "SELECT count(*) FROM winback_schema"))
        .isEqualTo(SchemaMigrations.VERSIONS.size());
    assertThat(store.latestPlan("c1")).contains(plan);
    assertThat(store.recentEvents(java.util.Set.of(EventType.STEP_FAILED), 5)).isEmpty();
  }

  /** Stores, claims, fences and reads on the store: the schema has what it needs. */
  private static void worksOn(JdbcPlanStore store) {
    WinBackPlan plan = plan("c1", LOST_AT, 0);
    store.insertIfAbsent(plan, List.of(event(plan, EventType.STEP_DONE, "sent")));
    assertThat(store.claimDue(LOST_AT.plusSeconds(10), 10, "a", Duration.ofSeconds(60)))
        .hasSize(1);
    assertThat(store.fence().send("c1", plan.id(), 0, () -> "sent")).contains("sent");
    assertThat(store.fence().decide("c1", () -> store.latestPlan("c1"))).contains(plan);
    assertThat(store.contactHistory("c1")).hasSize(1);
    assertThat(store.journal("c1")).hasSize(1);
  }
}
