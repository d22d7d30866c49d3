package dev.winback.jdbc;

import static dev.winback.testing.Customers.LOST_AT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.winback.ManualClock;
import dev.winback.ReactivationTokens;
import dev.winback.WinBack;
import dev.winback.model.Channel;
import dev.winback.model.ChurnSignal;
import dev.winback.model.Consent;
import dev.winback.model.ContactPoint;
import dev.winback.model.Feedback;
import dev.winback.model.LostCustomer;
import dev.winback.model.PlanStatus;
import dev.winback.model.ReasonSource;
import dev.winback.testing.Databases;
import dev.winback.testing.PooledDataSource;
import dev.winback.testing.Recorder;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Erasure on PostgreSQL: after erase, no table holds any of the customer's personal data. */
class JdbcErasureTest {
  private static final List<String> PERSONAL = List.of(
      "mary-somerville-7",
      "Mary Somerville",
      "mary@example.org",
      "+44 131 496 0000",
      "Jedburgh",
      "the invoices were wrong three times",
      "crm-42-xyz");

  @Test
  void noTableHoldsTheCustomersPersonalDataAfterErasure() throws Exception {
    PooledDataSource dataSource = Databases.newPostgres();
    JdbcPlanStore store = JdbcPlanStore.create(dataSource).migrate();
    byte[] key = "a fingerprint key of 32 bytes ok".getBytes(StandardCharsets.UTF_8);
    ManualClock clock = ManualClock.at(LOST_AT);
    Recorder host = new Recorder();
    WinBack winBack = WinBack.builder()
        .clock(clock)
        .store(store)
        .suppressionList(JdbcSuppressionList.create(dataSource, key))
        .reactivationTokens(ReactivationTokens.builder()
            .key("k", "a signing secret of at least 32 bytes".getBytes(StandardCharsets.UTF_8))
            .build())
        .feedback(host)
        .apology(host)
        .incentives(host)
        .reEngagement(host)
        .build();
    LostCustomer mary = LostCustomer.builder()
        .id("mary-somerville-7")
        .displayName("Mary Somerville")
        .addContactPoint(ContactPoint.of(Channel.EMAIL, "mary@example.org", Consent.GRANTED))
        .addContactPoint(ContactPoint.of(Channel.PHONE, "+44 131 496 0000", Consent.GRANTED))
        .addContactPoint(ContactPoint.of(Channel.POST, "Jedburgh", Consent.GRANTED))
        .lostAt(LOST_AT)
        .churnSignal(ChurnSignal.SUBSCRIPTION_CANCELLED)
        .putAttribute("crm", "crm-42-xyz")
        .build();
    winBack.start(mary);
    winBack.runDue();
    winBack.recordFeedback(
        mary.id(),
        Feedback.of("the invoices were wrong three times", ReasonSource.LETTER, clock.instant()));
    clock.advance(Duration.ofDays(30));
    winBack.runDue();
    winBack.issueReactivationToken(mary.id());
    assertThat(everyRow(dataSource))
        .contains("mary@example.org"); // the scan sees the data while it is there

    winBack.erase(mary.id());

    String rows = everyRow(dataSource);
    for (String personal : PERSONAL) {
      assertThat(rows).as("every winback table after erasure").doesNotContain(personal);
    }
    assertThat(winBack
            .start(LostCustomer.builder()
                .from(mary)
                .id("new-id")
                .lostAt(clock.instant())
                .build())
            .status())
        .isEqualTo(PlanStatus.SUPPRESSED);
    dataSource.closeAll();
  }

  @Test
  void anErasureThatFailsHalfwayLeavesEverythingAsItWasEvenOnAReusedConnection() throws Exception {
    PooledDataSource dataSource = Databases.newPostgres();
    JdbcPlanStore store = JdbcPlanStore.create(
            oneConnectionThatIsNeverReset(dataSource.getConnection()))
        .migrate();
    Recorder host = new Recorder();
    WinBack winBack = WinBack.builder()
        .clock(ManualClock.at(LOST_AT))
        .store(store)
        .feedback(host)
        .apology(host)
        .incentives(host)
        .reEngagement(host)
        .build();
    LostCustomer ada = LostCustomer.builder()
        .id("ada-1")
        .displayName("Ada")
        .addContactPoint(ContactPoint.of(Channel.EMAIL, "ada@example.org", Consent.GRANTED))
        .lostAt(LOST_AT)
        .churnSignal(ChurnSignal.SUBSCRIPTION_CANCELLED)
        .build();
    winBack.start(ada);
    int journal = store.journal("ada-1").size();

    assertThatThrownBy(() -> store.anonymise(
            "ada-1",
            "anonymous-1",
            plan -> {
              throw new IllegalStateException("the host's anonymiser failed");
            },
            event -> event))
        .isInstanceOf(IllegalStateException.class);
    winBack.start(
        LostCustomer.builder().from(ada).id("grace-2").build()); // commits on the same connection

    assertThat(store.latestPlan("ada-1")).isPresent();
    assertThat(store.journal("ada-1")).hasSize(journal);
    dataSource.closeAll();
  }

  /** A data source like a host's single shared connection: closing it neither closes nor rolls anything back. */
  private static DataSource oneConnectionThatIsNeverReset(Connection connection) {
    Connection unclosable = (Connection) Proxy.newProxyInstance(
        Connection.class.getClassLoader(),
        new Class<?>[] {Connection.class},
        (proxy, method, args) -> {
          if (method.getName().equals("close")) {
            return null;
          }
          try {
            return method.invoke(connection, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
    return (DataSource) Proxy.newProxyInstance(
        DataSource.class.getClassLoader(),
        new Class<?>[] {DataSource.class},
        (proxy, method, args) -> {
          if (method.getName().equals("getConnection")) {
            return unclosable;
          }
          throw new UnsupportedOperationException(method.getName());
        });
  }

  private static String everyRow(PooledDataSource dataSource) throws Exception {
    StringBuilder rows = new StringBuilder();
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      List<String> tables = new java.util.ArrayList<>();
      try (ResultSet r = s.executeQuery(
          "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")) {
        while (r.next()) {
          tables.add(r.getString(1));
        }
      }
      assertThat(tables)
          .contains("winback_plan", "winback_journal", "winback_grant", "winback_suppression");
      for (String table : tables) {
        try (ResultSet r = s.executeQuery("SELECT * FROM " + table)) {
          ResultSetMetaData meta = r.getMetaData();
          while (r.next()) {
            for (int i = 1; i <= meta.getColumnCount(); i++) {
              rows.append(r.getString(i)).append(' ');
            }
            rows.append('\n');
          }
        }
      }
    }
    return rows.toString();
  }
}
