package dev.winback.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/**
 * Real databases for tests: one embedded PostgreSQL per test JVM (from Maven Central, started on first use, stopped
 * at exit) with a fresh database per call, and fresh in-memory H2 databases.
 */
public final class Databases {
  private static final AtomicInteger NEXT = new AtomicInteger();
  private static volatile EmbeddedPostgres postgres;

  private Databases() {}

  private static synchronized EmbeddedPostgres postgres() {
    if (postgres == null) {
      try {
        postgres =
            EmbeddedPostgres.builder().setServerConfig("max_connections", "300").start();
      } catch (IOException e) {
        throw new UncheckedIOException("embedded PostgreSQL did not start", e);
      }
      EmbeddedPostgres started = postgres;
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          started.close();
        } catch (IOException ignored) {
          // exiting anyway
        }
      }));
    }
    return postgres;
  }

  /** A new, empty PostgreSQL database. */
  public static PooledDataSource newPostgres() {
    String name = "winback_" + NEXT.incrementAndGet();
    try (Connection c = postgres().getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create a test database", e);
    }
    return new PooledDataSource(postgres().getDatabase("postgres", name));
  }

  /** The JDBC URL of a PostgreSQL database made by {@link #newPostgres()}, for a child JVM. */
  public static String postgresUrl(String database) {
    return postgres().getJdbcUrl("postgres", database);
  }

  /** The name of the most recent database made by {@link #newPostgres()}. */
  public static String lastPostgresDatabase() {
    return "winback_" + NEXT.get();
  }

  /** A new, empty in-memory H2 database. */
  public static PooledDataSource newH2() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    return new PooledDataSource(h2);
  }

  /** The admin data source of the embedded PostgreSQL, for tests that act on the server. */
  public static DataSource postgresAdmin() {
    return postgres().getPostgresDatabase();
  }
}
