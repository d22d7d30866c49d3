package dev.winback.spring;

import static dev.winback.testing.Customers.LOST_AT;
import static dev.winback.testing.Customers.lost;
import static org.assertj.core.api.Assertions.assertThat;

import dev.winback.ManualClock;
import dev.winback.WinBack;
import dev.winback.micrometer.WinBackMetrics;
import dev.winback.spi.PlanStore;
import dev.winback.spi.StepResult;
import dev.winback.testing.Databases;
import dev.winback.testing.Recorder;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.FilteredClassLoader;

/** With a meter registry in the application, a run shows in WinBack's meters and each step in an Observation. */
class MetricsTest {

  @Test
  void aRunIsCountedByOutcomeTimedAndObserved() {
    List<String> observed = new CopyOnWriteArrayList<>();
    ObservationRegistry observations = ObservationRegistry.create();
    observations.observationConfig().observationHandler(new ObservationHandler<>() {
      @Override
      public boolean supportsContext(Observation.Context context) {
        return true;
      }

      @Override
      public void onStop(Observation.Context context) {
        observed.add(context.getName());
      }
    });
    Recorder strategies = new Recorder().answering(context -> {
      if (context.customer().id().equals("c2")) {
        throw new IOException("the mail server is down");
      }
      return StepResult.sent("ref-" + context.idempotencyKey());
    });
    DataSource database = Databases.newPostgres();

    Contexts.withStarter()
        .withBean(DataSource.class, () -> database)
        .withBean(Clock.class, () -> ManualClock.at(LOST_AT))
        .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
        .withBean(ObservationRegistry.class, () -> observations)
        .withBean(Recorder.class, () -> strategies)
        .run(context -> {
          assertThat(context).hasSingleBean(WinBackMetrics.class);
          MeterRegistry meters = context.getBean(MeterRegistry.class);
          WinBack winBack = context.getBean(WinBack.class);
          winBack.start(lost("c1").build());
          winBack.start(lost("c2").build());
          assertThat(meters.get("winback.backlog.due").gauge().value()).isEqualTo(2.0);

          winBack.runDue();

          assertThat(
                  meters.get("winback.steps").tag("outcome", "done").counter().count())
              .isEqualTo(1.0);
          assertThat(meters
                  .get("winback.steps")
                  .tag("outcome", "retried")
                  .counter()
                  .count())
              .isEqualTo(1.0);
          assertThat(meters.get("winback.step.retries").counter().count()).isEqualTo(1.0);
          assertThat(meters.get("winback.strategy.latency").timers().stream()
                  .mapToLong(Timer::count)
                  .sum())
              .isEqualTo(2L);
          assertThat(meters.get("winback.claims").counter().count()).isGreaterThan(0.0);
          assertThat(observed).containsExactly("winback.step", "winback.step");
        });
  }

  @Test
  void anApplicationThatBindsItsOwnMetricsAsDocumentedStarts() {
    MeterRegistry meters = new SimpleMeterRegistry();
    WinBackMetrics metrics = WinBackMetrics.builder(meters).build();
    Recorder strategies = new Recorder();
    WinBack own = WinBack.builder()
        .store(PlanStore.inMemory())
        .feedback(strategies)
        .apology(strategies)
        .incentives(strategies)
        .reEngagement(strategies)
        .listener(metrics)
        .stepObserver(metrics)
        .build();
    metrics.bindBacklog(own);

    Contexts.withStarter()
        .withBean(MeterRegistry.class, () -> meters)
        .withBean(WinBackMetrics.class, () -> metrics)
        .withBean(WinBack.class, () -> own)
        .run(context -> {
          assertThat(context).hasNotFailed();
          own.start(lost("c1").build());
          assertThat(meters.get("winback.backlog.due").gauges()).hasSize(1);
        });
  }

  @Test
  void withoutAMeterRegistryThereAreNoMetrics() {
    Contexts.withStarter()
        .withBean(Recorder.class, Recorder::new)
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(WinBackMetrics.class));
  }

  @Test
  void withoutWinBackMicrometerTheApplicationStartsWithoutMetrics() {
    Contexts.withStarter()
        .withClassLoader(new FilteredClassLoader("dev.winback.micrometer"))
        .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
        .withBean(Recorder.class, Recorder::new)
        .run(context -> assertThat(context).hasNotFailed().hasSingleBean(WinBack.class));
  }
}
