package dev.winback.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.winback.spi.PlanStore;
import dev.winback.testing.Databases;
import java.sql.Connection;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

class PostgresPlanStoreTest extends PlanStoreContract {
  private javax.sql.DataSource dataSource;

  @Override
  protected PlanStore newStore() {
    dataSource = Databases.newPostgres();
    return JdbcPlanStore.create(dataSource).migrate();
  }

  @Override
  protected void refuseJournalEventsContaining(String marker) {
    refuseJournalEventsContaining(dataSource, marker);
  }

  @Test
  void migratingTwiceChangesNothing() throws Exception {
    var dataSource = Databases.newPostgres();
    JdbcPlanStore.create(dataSource).migrate().migrate();

    try (Connection c = dataSource.getConnection();
        ResultSet r = c.createStatement().executeQuery("SELECT version, script FROM winback_schema ORDER BY version")) {
      assertThat(r.next()).isTrue();
      assertThat(r.getString(2)).isEqualTo("V1__winback_schema.sql");
      assertThat(r.next()).isTrue();
      assertThat(r.getString(2)).isEqualTo("V2__cheaper_step_writes.postgresql.sql");
      assertThat(r.next()).isTrue();
      assertThat(r.getString(2)).isEqualTo("V3__contacts_in_the_journal.postgresql.sql");
      assertThat(r.next()).isTrue();
      assertThat(r.getString(2)).isEqualTo("V4__leaner_indexes.postgresql.sql");
      assertThat(r.next()).isFalse();
    }
    assertThat(JdbcPlanStore.create(dataSource).toString()).contains("PostgreSQL");
  }
}
