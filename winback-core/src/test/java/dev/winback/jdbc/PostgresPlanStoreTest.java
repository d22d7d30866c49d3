package dev.winback.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.winback.spi.PlanStore;
import dev.winback.testing.Databases;
import java.sql.Connection;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

class PostgresPlanStoreTest extends PlanStoreContract {
  @Override
  protected PlanStore newStore() {
    return JdbcPlanStore.create(Databases.newPostgres()).migrate();
  }

  @Test
  void migratingTwiceChangesNothing() throws Exception {
    var dataSource = Databases.newPostgres();
    JdbcPlanStore.create(dataSource).migrate().migrate();

    try (Connection c = dataSource.getConnection();
        ResultSet r = c.createStatement().executeQuery("SELECT count(*) FROM winback_schema")) {
      r.next();
      assertThat(r.getInt(1)).isEqualTo(1);
    }
    assertThat(JdbcPlanStore.create(dataSource).toString()).contains("PostgreSQL");
  }
}
