package dev.winback.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.winback.StoreException;
import dev.winback.spi.ReactivationGrant;
import dev.winback.testing.Databases;
import dev.winback.testing.PooledDataSource;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A store failure tells operators what failed by types and SQL states, never by the database's message text. */
class StoreExceptionTest {

  @Test
  void keepsTheTypesAndSqlStatesOfTheWholeCauseChainButNoMessageText() {
    SQLException refused = new SQLException(
        "Key (customer_id)=(mary@example.org) already exists",
        "23505",
        new IOException("socket of mary@example.org"));
    refused.setNextException(new SQLException("Mary Somerville again", "40001"));

    StoreException e = new StoreException("insert plan", refused);

    assertThat(e.sqlState()).isEqualTo("23505");
    assertThat(e.causes())
        .containsExactly(
            "java.sql.SQLException[23505]", "java.io.IOException", "java.sql.SQLException[40001]");
    assertThat(e.getMessage())
        .contains(
            "insert plan",
            "23505",
            "java.sql.SQLException[23505] <- java.io.IOException <- java.sql.SQLException[40001]")
        .doesNotContain("mary", "Mary");
    assertThat(e.getCause()).as("the original, with its message, is not kept").isNull();
  }

  @Test
  void aCauseChainWithACycleEnds() {
    SQLException first = new SQLException("a", "08006");
    SQLException second = new SQLException("b", "08003", first);
    first.setNextException(second);

    assertThat(new StoreException("read plan", first).causes())
        .containsExactly("java.sql.SQLException[08006]", "java.sql.SQLException[08003]");
  }

  @Test
  void aFailureOnPostgresNamesTheDriversExceptionAndItsStateButNotTheRow() {
    PooledDataSource dataSource = Databases.newPostgres();
    JdbcPlanStore store = JdbcPlanStore.create(dataSource).migrate();
    ReactivationGrant grant = new ReactivationGrant(
        "t1",
        "mary-somerville-7",
        "p",
        Optional.empty(),
        Instant.parse("2026-03-02T09:00:00Z"),
        Instant.parse("2026-03-09T09:00:00Z"));
    store.saveGrant(grant);

    assertThatThrownBy(
            () -> store.saveGrant(grant)) // the database's message quotes the duplicate key
        .isInstanceOfSatisfying(StoreException.class, e -> {
          assertThat(e.sqlState()).isEqualTo("23505");
          assertThat(e.causes()).containsExactly("org.postgresql.util.PSQLException[23505]");
        })
        .hasMessageContaining("save a reactivation grant")
        .hasMessageNotContaining("t1")
        .hasMessageNotContaining("mary");
    dataSource.closeAll();
  }
}
