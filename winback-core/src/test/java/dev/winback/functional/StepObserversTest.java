package dev.winback.functional;

import static dev.winback.testing.Customers.LOST_AT;
import static dev.winback.testing.Customers.lost;
import static org.assertj.core.api.Assertions.assertThat;

import dev.winback.ManualClock;
import dev.winback.WinBack;
import dev.winback.model.EventType;
import dev.winback.model.StepStatus;
import dev.winback.spi.StepResult;
import dev.winback.spi.WinBackListener;
import dev.winback.testing.Recorder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Step observers wrap every strategy call in the order they were added; listeners hear every claimed batch. */
class StepObserversTest {
  private final ManualClock clock = ManualClock.at(LOST_AT);
  private final Recorder host = new Recorder();
  private final List<String> seen = Collections.synchronizedList(new ArrayList<>());

  @Test
  void observersWrapEachStrategyCallFirstAddedOutermost() {
    WinBack winBack = WinBack.builder()
        .clock(clock)
        .feedback(context -> {
          seen.add("strategy");
          return StepResult.sent();
        })
        .apology(host)
        .incentives(host)
        .reEngagement(host)
        .stepObserver((context, strategy) -> {
          seen.add("outer before " + context.step().kind());
          StepResult result = strategy.call();
          seen.add("outer after " + result.getClass().getSimpleName());
          return result;
        })
        .stepObserver((context, strategy) -> {
          seen.add("inner before");
          StepResult result = strategy.call();
          seen.add("inner after");
          return result;
        })
        .build();
    winBack.start(lost("c1").build());

    winBack.runDue();

    assertThat(seen)
        .containsExactly(
            "outer before FEEDBACK_REQUEST",
            "inner before",
            "strategy",
            "inner after",
            "outer after Sent");
  }

  @Test
  void anObserverThatThrowsFailsTheStepLikeAStrategyThatThrows() {
    WinBack winBack = WinBack.builder()
        .clock(clock)
        .feedback(host)
        .apology(host)
        .incentives(host)
        .reEngagement(host)
        .stepObserver((context, strategy) -> {
          throw new IllegalStateException("tracer broken");
        })
        .build();
    winBack.start(lost("c1").build());

    winBack.runDue();

    assertThat(host.calls()).isEmpty();
    assertThat(winBack.plan("c1").orElseThrow().step(0).status()).isEqualTo(StepStatus.PENDING);
    assertThat(winBack.history("c1"))
        .anyMatch(e -> e.type() == EventType.STEP_RETRY_SCHEDULED
            && e.detail().contains("IllegalStateException"));
  }

  @Test
  void listenersHearHowManyPlansEachBatchClaimed() {
    List<Integer> claims = Collections.synchronizedList(new ArrayList<>());
    WinBack winBack = WinBack.builder()
        .clock(clock)
        .feedback(host)
        .apology(host)
        .incentives(host)
        .reEngagement(host)
        .batchSize(2)
        .listener(new WinBackListener() {
          @Override
          public void onEvent(dev.winback.model.JournalEvent event) {}

          @Override
          public void onClaimed(int plans) {
            claims.add(plans);
          }
        })
        .build();
    for (int i = 0; i < 5; i++) {
      winBack.start(lost("c" + i).build());
    }
    clock.advance(Duration.ofMinutes(1));

    winBack.runDue();

    assertThat(claims).containsExactly(2, 2, 1);
  }
}
