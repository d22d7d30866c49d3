package dev.winback.micrometer;

import static dev.winback.testing.Customers.LOST_AT;
import static dev.winback.testing.Customers.lost;
import static org.assertj.core.api.Assertions.assertThat;

import dev.winback.ManualClock;
import dev.winback.WinBack;
import dev.winback.spi.StepResult;
import dev.winback.testing.Recorder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.test.simple.SimpleSpan;
import io.micrometer.tracing.test.simple.SimpleTracer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** With Micrometer Tracing on the observation registry, every strategy call is a span, and the strategy runs in it. */
class TracingTest {
  private final SimpleTracer tracer = new SimpleTracer();
  private final ObservationRegistry observations = ObservationRegistry.create();
  private final List<String> spansSeenByTheStrategy = new ArrayList<>();

  @Test
  void eachStrategyCallIsASpanThatTheStrategysOwnCallsJoin() {
    observations
        .observationConfig()
        .observationHandler(new DefaultTracingObservationHandler(tracer));
    WinBackMetrics metrics = WinBackMetrics.builder(new SimpleMeterRegistry())
        .observations(observations)
        .build();
    Recorder host = new Recorder();
    WinBack winBack = WinBack.builder()
        .clock(ManualClock.at(LOST_AT))
        .feedback(context -> {
          spansSeenByTheStrategy.add(
              tracer.currentSpan() == null
                  ? "none"
                  : tracer.currentSpan().context().spanId());
          return StepResult.sent();
        })
        .apology(host)
        .incentives(host)
        .reEngagement(host)
        .stepObserver(metrics)
        .build();
    winBack.start(lost("c1").build());

    winBack.runDue();

    assertThat(tracer.getSpans()).singleElement().satisfies(span -> {
      SimpleSpan finished = (SimpleSpan) span;
      assertThat(finished.getName()).isEqualTo("winback feedback_request");
      assertThat(finished.getTags())
          .containsEntry("kind", "feedback_request")
          .containsEntry("channel", "email")
          .containsEntry("outcome", "sent");
      assertThat(finished.getEndTimestamp()).isAfterOrEqualTo(finished.getStartTimestamp());
      assertThat(spansSeenByTheStrategy).containsExactly(finished.context().spanId());
    });
  }
}
