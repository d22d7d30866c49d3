package dev.winback.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.winback.model.ExitCategory;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TimeLimitedReasonClassifierTest {
  private static final Duration TIMEOUT = Duration.ofMillis(100);

  private final CountDownLatch release = new CountDownLatch(1);
  private final AtomicInteger fallbackCalls = new AtomicInteger();
  private final ReasonClassifier fallback = (text, locale) -> {
    fallbackCalls.incrementAndGet();
    return ExitCategory.MOVED;
  };

  /** Never answers until the test ends, and ignores interrupts while it waits. */
  private final ReasonClassifier hanging = (text, locale) -> {
    while (true) {
      try {
        release.await();
        return ExitCategory.PRICE;
      } catch (InterruptedException ignored) {
        // a classifier that ignores interrupts must not hold up the engine either
      }
    }
  };

  @AfterEach
  void releaseHangingCalls() {
    release.countDown();
  }

  @Test
  void answersWithTheExternalClassifierWhenItIsInTime() {
    ReasonClassifier classifier =
        ReasonClassifier.withTimeout((text, locale) -> ExitCategory.PRICE, TIMEOUT, fallback);

    assertThat(classifier.classify("too expensive", Locale.ENGLISH)).isEqualTo(ExitCategory.PRICE);
    assertThat(fallbackCalls).hasValue(0);
  }

  @Test
  void fallsBackWhenTheExternalClassifierHangs() {
    ReasonClassifier classifier = ReasonClassifier.withTimeout(hanging, TIMEOUT, fallback);

    long started = System.nanoTime();
    ExitCategory category = classifier.classify("we moved", Locale.ENGLISH);

    assertThat(category).isEqualTo(ExitCategory.MOVED);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void fallsBackAtOnceWhenEveryThreadIsTakenByHangingCalls() {
    ReasonClassifier classifier = ReasonClassifier.withTimeout(hanging, TIMEOUT, fallback);

    for (int i = 0; i < TimeLimitedReasonClassifier.MAX_CALLS + 3; i++) {
      assertThat(classifier.classify("we moved", Locale.ENGLISH)).isEqualTo(ExitCategory.MOVED);
    }
    assertThat(fallbackCalls).hasValue(TimeLimitedReasonClassifier.MAX_CALLS + 3);
  }

  @Test
  void fallsBackWhenTheExternalClassifierThrows() {
    ReasonClassifier throwing = (text, locale) -> {
      throw new IllegalStateException("model server unavailable");
    };
    ReasonClassifier classifier = ReasonClassifier.withTimeout(throwing, TIMEOUT, fallback);

    assertThat(classifier.classification("we moved", Locale.ENGLISH).category())
        .isEqualTo(ExitCategory.MOVED);
    assertThat(fallbackCalls).hasValue(1);
  }

  @Test
  void fallsBackWhenTheExternalClassifierReturnsNull() {
    ReasonClassifier returningNull = new ReasonClassifier() {
      @Override
      public ExitCategory classify(String text, Locale locale) {
        throw new AssertionError("not called");
      }

      @Override
      @SuppressWarnings("NullAway")
      public dev.winback.model.ReasonClassification classification(String text, Locale locale) {
        return null;
      }
    };
    ReasonClassifier classifier = ReasonClassifier.withTimeout(returningNull, TIMEOUT, fallback);

    assertThat(classifier.classify("we moved", Locale.ENGLISH)).isEqualTo(ExitCategory.MOVED);
  }

  @Test
  void refusesATimeoutThatIsNotPositive() {
    assertThatThrownBy(() -> ReasonClassifier.withTimeout(hanging, Duration.ZERO, fallback))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("timeout must be positive");
  }
}
