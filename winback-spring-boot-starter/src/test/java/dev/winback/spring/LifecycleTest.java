package dev.winback.spring;

import static dev.winback.testing.Customers.LOST_AT;
import static dev.winback.testing.Customers.lost;
import static org.assertj.core.api.Assertions.assertThat;

import dev.winback.ManualClock;
import dev.winback.Runner;
import dev.winback.WinBack;
import dev.winback.jdbc.JdbcPlanStore;
import dev.winback.model.EventType;
import dev.winback.model.JournalEvent;
import dev.winback.spi.StepResult;
import dev.winback.testing.Databases;
import dev.winback.testing.Recorder;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The runner lives and dies with the application context: it starts with it and stops gracefully when it closes. */
class LifecycleTest {

  @Test
  void closingTheContextFinishesTheStepInProgressAndReleasesTheClaimsOnTheRest() throws Exception {
    DataSource database = Databases.newPostgres();
    ManualClock clock = ManualClock.at(LOST_AT);
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger calls = new AtomicInteger();
    Recorder strategies = new Recorder().answering(context -> {
      if (calls.incrementAndGet() == 1) {
        entered.countDown();
        release.await(30, TimeUnit.SECONDS);
      }
      return StepResult.sent("ref-" + context.idempotencyKey());
    });

    // three plans already waiting in the store when the application starts, so that one run claims
    // them all
    try (WinBack before = WinBack.builder()
        .store(JdbcPlanStore.create(database).migrate())
        .clock(clock)
        .reEngagement(new Recorder())
        .feedback(new Recorder())
        .apology(new Recorder())
        .incentives(new Recorder())
        .build()) {
      for (String id : new String[] {"c1", "c2", "c3"}) {
        before.start(lost(id).build());
      }
    }
    clock.advance(Duration.ofDays(30));

    Contexts.withStarter()
        .withBean(DataSource.class, () -> database)
        .withBean(Clock.class, () -> clock)
        .withBean(Recorder.class, () -> strategies)
        .withPropertyValues(
            "winback.runner.enabled=true",
            "winback.runner.interval=50ms",
            "winback.node-id=node-7",
            "winback.batch-size=10")
        .run(context -> {
          WinBackRunner runner = context.getBean(WinBackRunner.class);
          assertThat(runner.isRunning()).isTrue();
          assertThat(entered.await(30, TimeUnit.SECONDS)).as("a step started").isTrue();
          assertThat(Contexts.column(database, "SELECT lease_owner FROM winback_plan"))
              .containsExactly("node-7", "node-7", "node-7");

          Runner working = runner.runner().orElseThrow();
          Thread closing = new Thread(context::close);
          closing.start();
          Polling.until("the runner is stopping", () -> !working.isRunning());
          assertThat(closing.isAlive())
              .as("the close waits for the step in progress")
              .isTrue();
          release.countDown();
          closing.join(TimeUnit.SECONDS.toMillis(30));
          assertThat(closing.isAlive()).isFalse();
        });

    assertThat(calls).hasValue(1);
    assertThat(Contexts.column(
            database, "SELECT lease_owner FROM winback_plan WHERE lease_owner IS NOT NULL"))
        .as("no plan is left claimed")
        .isEmpty();
    JdbcPlanStore store = JdbcPlanStore.create(database);
    String done = strategies.calls().get(0).customer().id();
    assertThat(store.journal(done)).extracting(JournalEvent::type).contains(EventType.STEP_DONE);
    for (String id : new String[] {"c1", "c2", "c3"}) {
      if (!id.equals(done)) {
        assertThat(store.journal(id))
            .extracting(JournalEvent::type)
            .doesNotContain(EventType.STEP_DONE);
      }
    }
  }

  @Test
  void withTheRunnerSwitchedOffNothingRunsByItself() {
    Contexts.withStarter()
        .withBean(Recorder.class, Recorder::new)
        .run(context ->
            assertThat(context).hasSingleBean(WinBack.class).doesNotHaveBean(WinBackRunner.class));
  }

  @Test
  void theRunnerStopsBeforeTheWebServersGracefulShutdown() {
    WinBackRunner runner = new WinBackRunner(
        WinBack.builder()
            .reEngagement(new Recorder())
            .feedback(new Recorder())
            .apology(new Recorder())
            .incentives(new Recorder())
            .build(),
        Duration.ofSeconds(1),
        1);

    // Spring stops higher phases first; the web server's graceful shutdown is DEFAULT_PHASE - 1024
    assertThat(runner.getPhase())
        .isGreaterThan(org.springframework.context.SmartLifecycle.DEFAULT_PHASE - 1024);
    assertThat(runner.isAutoStartup()).isTrue();
  }
}
