package dev.winback.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The plans whose next step is due and not yet run, at one moment: how many, and since when the oldest has waited.
 *
 * @param duePlans how many plans have a step due now
 * @param oldestDue when the longest-waiting of them fell due, if any is waiting
 */
public record Backlog(long duePlans, Optional<Instant> oldestDue) {

  /**
   * Checks the values.
   *
   * @param duePlans how many plans have a step due now
   * @param oldestDue when the longest-waiting of them fell due, if any is waiting
   * @throws IllegalArgumentException when the count is negative, or a due time is given without a count
   */
  public Backlog {
    Objects.requireNonNull(oldestDue, "oldestDue");
    if (duePlans < 0) {
      throw new IllegalArgumentException("duePlans must not be negative: " + duePlans);
    }
    if (oldestDue.isPresent() != (duePlans > 0)) {
      throw new IllegalArgumentException("oldestDue must be present exactly when plans are due");
    }
  }

  /**
   * An empty backlog: nothing due.
   *
   * @return the empty backlog
   */
  public static Backlog empty() {
    return new Backlog(0, Optional.empty());
  }

  /**
   * How long the oldest due step has waited at {@code now}: the runners' lag.
   *
   * @param now the time to measure at
   * @return the wait, zero when nothing is due
   */
  public Duration lag(Instant now) {
    return oldestDue
        .map(due -> Duration.between(due, now))
        .filter(d -> !d.isNegative())
        .orElse(Duration.ZERO);
  }
}
