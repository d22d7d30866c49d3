package dev.winback.jdbc;

import static dev.winback.testing.Customers.LOST_AT;
import static dev.winback.testing.Customers.lost;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.winback.ManualClock;
import dev.winback.Runner;
import dev.winback.StoreException;
import dev.winback.WinBack;
import dev.winback.model.EventType;
import dev.winback.model.JournalEvent;
import dev.winback.model.PlanStatus;
import dev.winback.model.StepStatus;
import dev.winback.model.WinBackPlan;
import dev.winback.spi.StepResult;
import dev.winback.testing.Databases;
import dev.winback.testing.PooledDataSource;
import dev.winback.testing.Recorder;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Faults leave the store consistent: a lost connection, a hanging strategy, an opt-out on another node, shutdown. */
class FaultsTest {

  /** A data source whose connections are killed on the server just before they write the journal, when armed. */
  private static DataSource killingBeforeJournal(PooledDataSource real, AtomicBoolean armed) {
    return new PooledDataSourceView(real) {
      @Override
      public Connection getConnection() throws java.sql.SQLException {
        Connection connection = real.getConnection();
        return (Connection) Proxy.newProxyInstance(
            Connection.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            (proxy, method, args) -> {
              if (method.getName().equals("prepareStatement")
                  && armed.get()
                  && ((String) args[0]).startsWith("INSERT INTO winback_journal")) {
                armed.set(false);
                int pid;
                try (Statement s = connection.createStatement();
                    ResultSet r = s.executeQuery("SELECT pg_backend_pid()")) {
                  r.next();
                  pid = r.getInt(1);
                }
                try (Connection admin = Databases.postgresAdmin().getConnection();
                    Statement s = admin.createStatement()) {
                  s.execute("SELECT pg_terminate_backend(" + pid + ")");
                }
              }
              try {
                return method.invoke(connection, args);
              } catch (java.lang.reflect.InvocationTargetException e) {
                throw e.getCause();
              }
            });
      }
    };
  }

  @Test
  void aConnectionLostInTheMiddleOfAnUpdateLeavesThePlanAsItWas() {
    PooledDataSource real = Databases.newPostgres();
    AtomicBoolean armed = new AtomicBoolean();
    JdbcPlanStore store =
        JdbcPlanStore.create(killingBeforeJournal(real, armed)).migrate();
    Recorder host = new Recorder();
    WinBack winBack = WinBack.builder()
        .clock(ManualClock.at(LOST_AT))
        .store(store)
        .playbook(InfraPlaybook.create())
        .feedback(host)
        .apology(host)
        .incentives(host)
        .reEngagement(host)
        .build();
    WinBackPlan started = winBack.start(lost("c1").build());

    armed.set(true);
    assertThatThrownBy(() -> winBack.optOut("c1")).isInstanceOf(StoreException.class);

    WinBackPlan after = winBack.plan("c1").orElseThrow();
    assertThat(after).isEqualTo(started);
    assertThat(winBack.history("c1"))
        .extracting(JournalEvent::type)
        .containsExactly(EventType.PLAN_STARTED);
    winBack.optOut("c1"); // the store works again on a new connection
    assertThat(winBack.plan("c1").orElseThrow().status()).isEqualTo(PlanStatus.OPTED_OUT);
    real.closeAll();
  }

  @Test
  void aStrategyThatHangsTimesOutAndTheStepIsRetried() {
    JdbcPlanStore store = JdbcPlanStore.create(Databases.newPostgres()).migrate();
    CountDownLatch never = new CountDownLatch(1);
    AtomicBoolean interrupted = new AtomicBoolean();
    WinBack winBack = WinBack.builder()
        .clock(ManualClock.at(LOST_AT))
        .store(store)
        .playbook(InfraPlaybook.create())
        .stepTimeout(Duration.ofMillis(200))
        .feedback(context -> {
          try {
            never.await();
          } catch (InterruptedException e) {
            interrupted.set(true);
          }
          return StepResult.sent();
        })
        .apology(c -> StepResult.sent())
        .incentives(c -> StepResult.sent())
        .reEngagement(c -> StepResult.sent())
        .build();
    winBack.start(lost("c1").build());

    assertThat(winBack.runDue().retried()).isEqualTo(1);

    var step = winBack.plan("c1").orElseThrow().step(0);
    assertThat(step.status()).isEqualTo(StepStatus.PENDING);
    assertThat(step.outcome())
        .hasValueSatisfying(o -> assertThat(o).contains("did not answer within PT0.2S"));
    assertThat(winBack.history("c1"))
        .extracting(JournalEvent::type)
        .contains(EventType.STEP_RETRY_SCHEDULED);
  }

  @Test
  void anOptOutCommittedOnOneNodeIsSeenByAClaimOnAnother() {
    JdbcPlanStore store = JdbcPlanStore.create(Databases.newPostgres()).migrate();
    ManualClock clock = ManualClock.at(LOST_AT);
    Recorder host = new Recorder();
    WinBack nodeA = WinBack.builder()
        .clock(clock)
        .store(store)
        .playbook(InfraPlaybook.create())
        .nodeId("a")
        .feedback(host)
        .apology(host)
        .incentives(host)
        .reEngagement(host)
        .build();
    WinBack nodeB = WinBack.builder()
        .clock(clock)
        .store(store)
        .playbook(InfraPlaybook.create())
        .nodeId("b")
        .feedback(host)
        .apology(host)
        .incentives(host)
        .reEngagement(host)
        .build();
    nodeA.start(lost("c1").build());

    nodeA.optOut("c1");
    nodeB.runDue();

    assertThat(host.calls()).isEmpty();
    assertThat(nodeB.plan("c1").orElseThrow().status()).isEqualTo(PlanStatus.OPTED_OUT);
  }

  @Test
  void theBuiltInRunnerStopsGracefullyWithNoStepLeftRunningAndNoClaimHeld() throws Exception {
    PooledDataSource dataSource = Databases.newPostgres();
    JdbcPlanStore store = JdbcPlanStore.create(dataSource).migrate();
    ManualClock clock = ManualClock.at(LOST_AT.plus(Duration.ofDays(1)));
    CountDownLatch some = new CountDownLatch(50);
    java.util.concurrent.atomic.AtomicInteger invoked =
        new java.util.concurrent.atomic.AtomicInteger();
    WinBack winBack = WinBack.builder()
        .clock(clock)
        .store(store)
        .playbook(InfraPlaybook.create())
        .batchSize(20)
        .feedback(c -> {
          invoked.incrementAndGet();
          some.countDown();
          return StepResult.sent();
        })
        .apology(c -> sent(invoked))
        .incentives(c -> sent(invoked))
        .reEngagement(c -> sent(invoked))
        .build();
    for (int i = 0; i < 300; i++) {
      winBack.start(lost("c" + i).lostAt(LOST_AT).build());
    }

    Runner runner = winBack.startRunner(Duration.ofMillis(5), 3);
    assertThat(some.await(30, TimeUnit.SECONDS)).as("the runner worked").isTrue();
    runner.close();

    assertThat(runner.isRunning()).isFalse();
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery("SELECT count(*) FROM winback_plan WHERE lease_owner IS NOT NULL")) {
      r.next();
      assertThat(r.getInt(1)).as("claims still held").isZero();
    }
    int recorded = 0;
    for (int i = 0; i < 300; i++) {
      WinBackPlan plan = winBack.plan("c" + i).orElseThrow();
      assertThat(plan.steps()).noneMatch(step -> step.status() == StepStatus.RUNNING);
      recorded += (int)
          plan.steps().stream().filter(step -> step.status() == StepStatus.DONE).count();
    }
    assertThat(recorded)
        .as("every step the runner started has its result recorded")
        .isEqualTo(invoked.get());
  }

  private static StepResult sent(java.util.concurrent.atomic.AtomicInteger invoked) {
    invoked.incrementAndGet();
    return StepResult.sent();
  }

  /** A data source that delegates everything but {@code getConnection} to a pool. */
  private abstract static class PooledDataSourceView implements DataSource {
    private final PooledDataSource pool;

    PooledDataSourceView(PooledDataSource pool) {
      this.pool = pool;
    }

    @Override
    public Connection getConnection(String user, String password) throws java.sql.SQLException {
      return getConnection();
    }

    @Override
    public java.io.PrintWriter getLogWriter() {
      return pool.getLogWriter();
    }

    @Override
    public void setLogWriter(java.io.PrintWriter out) {}

    @Override
    public void setLoginTimeout(int seconds) {}

    @Override
    public int getLoginTimeout() {
      return 0;
    }

    @Override
    public java.util.logging.Logger getParentLogger()
        throws java.sql.SQLFeatureNotSupportedException {
      throw new java.sql.SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws java.sql.SQLException {
      throw new java.sql.SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
      return false;
    }
  }
}
