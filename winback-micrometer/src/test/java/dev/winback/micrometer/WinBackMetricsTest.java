package dev.winback.micrometer;

import static dev.winback.testing.Customers.LOST_AT;
import static dev.winback.testing.Customers.lost;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.winback.ManualClock;
import dev.winback.WinBack;
import dev.winback.model.FailureAction;
import dev.winback.model.Playbook;
import dev.winback.spi.PlanStore;
import dev.winback.spi.StepResult;
import dev.winback.testing.Recorder;
import dev.winback.testing.StoreProxies;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** What WinBack does shows up on Micrometer: counted, timed, observed and gauged, with no customer data in a tag. */
class WinBackMetricsTest {
  private final ManualClock clock = ManualClock.at(LOST_AT);
  private final MockClock meterClock = new MockClock();
  private final SimpleMeterRegistry meters =
      new SimpleMeterRegistry(SimpleConfig.DEFAULT, meterClock);
  private final TestObservationRegistry observations = TestObservationRegistry.create();
  private final Recorder host = new Recorder().answering(context -> {
    meterClock.add(250, TimeUnit.MILLISECONDS); // the strategy takes a quarter of a second
    return StepResult.sent();
  });

  private WinBackMetrics metrics() {
    return WinBackMetrics.builder(meters)
        .observations(observations)
        .clock(clock)
        .backlogRefresh(Duration.ofSeconds(15))
        .build();
  }

  private WinBack engine(WinBackMetrics metrics, PlanStore store, Playbook playbook) {
    WinBack winBack = WinBack.builder()
        .clock(clock)
        .store(store)
        .playbook(playbook)
        .feedback(host)
        .apology(host)
        .incentives(host)
        .reEngagement(host)
        .listener(metrics)
        .stepObserver(metrics)
        .build();
    metrics.bindBacklog(winBack);
    return winBack;
  }

  @Test
  void stepsAreCountedByKindChannelAndOutcomeAndStrategiesTimed() {
    WinBack winBack = engine(metrics(), PlanStore.inMemory(), Playbook.standard());
    winBack.start(lost("c1").build());
    winBack.start(lost("c2").build());

    winBack.runDue();

    assertThat(meters
            .get(WinBackMetrics.STEPS)
            .tags("kind", "feedback_request", "channel", "email", "outcome", "done")
            .counter()
            .count())
        .isEqualTo(2.0);
    Timer latency = meters
        .get(WinBackMetrics.LATENCY)
        .tags("kind", "feedback_request", "channel", "email", "outcome", "sent")
        .timer();
    assertThat(latency.count()).isEqualTo(2);
    assertThat(latency.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(500.0);
    assertThat(meters.get(WinBackMetrics.PLANS_STARTED).counter().count()).isEqualTo(2.0);
    assertThat(meters.get(WinBackMetrics.CLAIMS).counter().count()).isEqualTo(2.0);
  }

  @Test
  void retriesFailuresAndEndingsAreCounted() {
    Playbook halting = Playbook.builder()
        .from(Playbook.standard())
        .maxAttempts(2)
        .retryBackoff(Duration.ofMinutes(1))
        .onStepFailure(FailureAction.HALT)
        .build();
    WinBackMetrics metrics = metrics();
    WinBack winBack = WinBack.builder()
        .clock(clock)
        .playbook(halting)
        .feedback(context -> StepResult.failed("survey tool down"))
        .apology(host)
        .incentives(host)
        .reEngagement(host)
        .listener(metrics)
        .stepObserver(metrics)
        .build();
    winBack.start(lost("c1").build());

    winBack.runDue();
    clock.advance(Duration.ofMinutes(2));
    winBack.runDue();

    assertThat(meters
            .get(WinBackMetrics.RETRIES)
            .tags("kind", "feedback_request", "channel", "email")
            .counter()
            .count())
        .isEqualTo(1.0);
    assertThat(
            meters.get(WinBackMetrics.STEPS).tags("outcome", "failed").counter().count())
        .isEqualTo(1.0);
    assertThat(
            meters.get(WinBackMetrics.LATENCY).tags("outcome", "failed").timer().count())
        .isEqualTo(2);
    assertThat(meters
            .get(WinBackMetrics.PLANS_ENDED)
            .tags("status", "halted")
            .counter()
            .count())
        .isEqualTo(1.0);
  }

  @Test
  void eachStrategyCallIsAnObservationWithItsOutcomeOrError() {
    WinBackMetrics metrics = metrics();
    WinBack winBack = WinBack.builder()
        .clock(clock)
        .feedback(context -> {
          throw new IllegalStateException("survey tool broke");
        })
        .apology(host)
        .incentives(host)
        .reEngagement(host)
        .listener(metrics)
        .stepObserver(metrics)
        .build();
    winBack.start(lost("c1").build());
    winBack.start(lost("c2")
        .addContactPoint(dev.winback.model.ContactPoint.of(
            dev.winback.model.Channel.SMS, "+4915112345678", dev.winback.model.Consent.GRANTED))
        .build());

    winBack.runDue();

    TestObservationRegistryAssert.assertThat(observations)
        .doesNotHaveAnyRemainingCurrentObservation()
        .hasNumberOfObservationsWithNameEqualTo(WinBackMetrics.OBSERVATION, 2)
        .forAllObservationsWithNameEqualTo(
            WinBackMetrics.OBSERVATION,
            observation -> observation
                .hasLowCardinalityKeyValue("kind", "feedback_request")
                .hasLowCardinalityKeyValue("outcome", "error")
                .assertThatError()
                .isInstanceOf(IllegalStateException.class));
    assertThat(
            meters.get(WinBackMetrics.LATENCY).tags("outcome", "error").timer().count())
        .isEqualTo(2);
  }

  @Test
  void theBacklogGaugesReadTheStoreOncePerRefreshAndShowNanWhileItIsDown() {
    AtomicBoolean down = new AtomicBoolean(false);
    WinBack winBack = engine(
        metrics(), StoreProxies.failingWhile(PlanStore.inMemory(), down::get), Playbook.standard());
    assertThat(meters.get(WinBackMetrics.BACKLOG_DUE).gauge().value()).isZero();

    winBack.start(lost("c1").build());
    assertThat(meters.get(WinBackMetrics.BACKLOG_DUE).gauge().value())
        .as("served from the read a moment ago")
        .isZero();
    clock.advance(Duration.ofSeconds(15));
    assertThat(meters.get(WinBackMetrics.BACKLOG_DUE).gauge().value()).isEqualTo(1.0);
    assertThat(meters.get(WinBackMetrics.BACKLOG_LAG).gauge().value()).isEqualTo(15.0);

    down.set(true);
    clock.advance(Duration.ofSeconds(15));
    assertThat(meters.get(WinBackMetrics.BACKLOG_DUE).gauge().value()).isNaN();
    assertThat(meters.get(WinBackMetrics.BACKLOG_LAG).gauge().value()).isNaN();

    down.set(false);
    clock.advance(Duration.ofSeconds(15));
    assertThat(meters.get(WinBackMetrics.BACKLOG_LAG).gauge().value()).isEqualTo(45.0);
  }

  @Test
  void noTagHoldsACustomersIdOrData() {
    WinBackMetrics metrics = metrics();
    WinBack winBack = engine(metrics, PlanStore.inMemory(), Playbook.standard());
    winBack.start(lost("secret-customer-7").displayName("Ada Lovelace").build());
    winBack.runDue();
    winBack.operations().end("secret-customer-7", "alice");

    for (Meter meter : meters.getMeters()) {
      for (Tag tag : meter.getId().getTags()) {
        assertThat(tag.getValue()).matches("[a-z_]+").doesNotContain("secret", "ada", "alice");
      }
    }
    assertThat(meters.get(WinBackMetrics.OPERATOR_ACTIONS).counter().count()).isEqualTo(1.0);
    assertThat(meters
            .get(WinBackMetrics.PLANS_ENDED)
            .tags("status", "closed")
            .counter()
            .count())
        .isEqualTo(1.0);
  }

  @Test
  void theGaugesBindToOneEngineOnly() {
    WinBackMetrics metrics = metrics();
    engine(metrics, PlanStore.inMemory(), Playbook.standard());

    assertThatThrownBy(
            () -> metrics.bindBacklog(engine(metrics(), PlanStore.inMemory(), Playbook.standard())))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> metrics.bindBacklog(WinBack.builder()
            .feedback(host)
            .apology(host)
            .incentives(host)
            .reEngagement(host)
            .build()))
        .hasMessageContaining("already bound");
  }
}
