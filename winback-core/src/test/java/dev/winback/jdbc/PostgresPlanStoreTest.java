package dev.winback.jdbc;

import static dev.winback.testing.Customers.LOST_AT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.winback.model.WinBackPlan;
import dev.winback.spi.PlanStore;
import dev.winback.testing.Databases;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
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
        ResultSet r = c.createStatement().executeQuery("SELECT version, script FROM winback_schema ORDER BY version")) {
      assertThat(r.next()).isTrue();
      assertThat(r.getString(2)).isEqualTo("V1__winback_schema.sql");
      assertThat(r.next()).isTrue();
      assertThat(r.getString(2)).isEqualTo("V2__cheaper_step_writes.postgresql.sql");
      assertThat(r.next()).isFalse();
    }
    assertThat(JdbcPlanStore.create(dataSource).toString()).contains("PostgreSQL");
  }

  @Test
  void upgradingFromTheFirstSchemaKeepsEveryPlanRunnable() throws Exception {
    var dataSource = Databases.newPostgres();
    WinBackPlan plan = plan("c1", LOST_AT, 0);
    JdbcPlanStore.create(dataSource).migrate(1).insertIfAbsent(plan, List.of());

    JdbcPlanStore upgraded = JdbcPlanStore.create(dataSource).migrate();

    assertThat(upgraded.find(plan.id())).contains(plan);
    Instant now = LOST_AT.plusSeconds(10);
    assertThat(upgraded.claimDue(now, 10, "a", now.plusSeconds(60))).singleElement()
        .satisfies(claimed -> assertThat(claimed.plan()).isEqualTo(plan));
    try (Connection c = dataSource.getConnection(); ResultSet r = c.createStatement().executeQuery(
        "SELECT count(*) FROM pg_indexes WHERE tablename = 'winback_plan' AND indexname = 'winback_plan_seq_key'")) {
      r.next();
      assertThat(r.getInt(1)).as("the unique index on seq is gone").isZero();
    }
  }
}
