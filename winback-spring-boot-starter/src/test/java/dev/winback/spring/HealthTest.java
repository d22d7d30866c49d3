package dev.winback.spring;

import static dev.winback.testing.Customers.LOST_AT;
import static dev.winback.testing.Customers.lost;
import static org.assertj.core.api.Assertions.assertThat;

import dev.winback.ManualClock;
import dev.winback.WinBack;
import dev.winback.testing.Databases;
import dev.winback.testing.Recorder;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The winback health indicator: up, the store down, the runner stopped, and the lag over the threshold. */
class HealthTest {
  private final SwitchableDataSource database = new SwitchableDataSource(Databases.newPostgres());
  private final ManualClock clock = ManualClock.at(LOST_AT);

  private ApplicationContextRunner application() {
    return Contexts.withStarter()
        .withBean(DataSource.class, () -> database)
        .withBean(Clock.class, () -> clock)
        .withBean(Recorder.class, Recorder::new)
        .withPropertyValues("winback.health.max-lag=10m");
  }

  private static Health health(org.springframework.context.ApplicationContext context) {
    return context.getBean("winbackHealthIndicator", HealthIndicator.class).health();
  }

  @Test
  void withTheStoreReachableAndNothingOverdueItIsUp() {
    application().withPropertyValues("winback.runner.enabled=true").run(context -> {
      Polling.until(
          "the runner has run once",
          () -> context
              .getBean(WinBackRunner.class)
              .runner()
              .flatMap(r -> r.lastSuccessAt())
              .isPresent());
      Health health = health(context);

      assertThat(health.getStatus()).isEqualTo(Status.UP);
      assertThat(health.getDetails())
          .containsEntry("store", "reachable")
          .containsEntry("duePlans", 0L)
          .containsEntry("lag", "PT0S")
          .containsEntry("runner", "running")
          .containsEntry("failuresInARow", 0);
    });
  }

  @Test
  void withTheStoreUnreachableItIsDown() {
    application().run(context -> {
      database.takeDown();
      Health health = health(context);

      assertThat(health.getStatus()).isEqualTo(Status.DOWN);
      assertThat(health.getDetails()).containsEntry("store", "unreachable");
    });
  }

  @Test
  void aRunnerThatFailsMakesItDown() {
    application()
        .withPropertyValues("winback.runner.enabled=true", "winback.runner.interval=20ms")
        .run(context -> {
          database.takeDown();
          Polling.until(
              "a run has failed",
              () -> context
                  .getBean(WinBackRunner.class)
                  .runner()
                  .map(r -> r.failuresInARow() > 0)
                  .orElse(false));
          Health health = health(context);

          assertThat(health.getStatus()).isEqualTo(Status.DOWN);
          assertThat(health.getDetails()).containsEntry("runner", "failing");
        });
  }

  @Test
  void aStoppedRunnerMakesItDown() {
    application().withPropertyValues("winback.runner.enabled=true").run(context -> {
      context.getBean(WinBackRunner.class).stop();

      assertThat(health(context).getStatus()).isEqualTo(Status.DOWN);
      assertThat(health(context).getDetails()).containsEntry("runner", "stopped");
    });
  }

  @Test
  void aLagOverTheThresholdTakesItOutOfServiceWithoutAWordAboutTheCustomers() {
    application().run(context -> {
      context.getBean(WinBack.class).start(lost("ada-lovelace").build());
      clock.advance(Duration.ofDays(30));
      Health health = health(context);

      assertThat(health.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
      assertThat(health.getDetails())
          .containsEntry("duePlans", 1L)
          .containsEntry("runner", "disabled")
          .containsEntry("maxLag", "PT10M");
      assertThat(Duration.parse((String) health.getDetails().get("lag")))
          .isGreaterThan(Duration.ofMinutes(10));
      assertThat(health.getDetails().toString()).doesNotContain("ada", "example.com", "Customer");
    });
  }

  @Test
  void aLagWithinTheThresholdIsUp() {
    application().run(context -> {
      WinBack winBack = context.getBean(WinBack.class);
      winBack.start(lost("c1").build());
      clock.advance(Duration.ofDays(30));
      Duration overdue = winBack.operations().backlog().lag(clock.instant());
      clock.set(clock.instant().minus(overdue).plus(Duration.ofMinutes(9)));

      assertThat(health(context).getStatus()).isEqualTo(Status.UP);
    });
  }

  @Test
  void theIndicatorCanBeSwitchedOffLikeSpringBootsOwn() {
    application()
        .withPropertyValues("management.health.winback.enabled=false")
        .run(context -> assertThat(context).doesNotHaveBean("winbackHealthIndicator"));
  }
}
