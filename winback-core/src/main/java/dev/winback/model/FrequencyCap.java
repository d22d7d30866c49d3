package dev.winback.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Duration;
import org.immutables.value.Value;

/** At most so many contacts with one customer in any rolling window, across all plans and channels. */
@Value.Immutable
@JsonSerialize(as = ImmutableFrequencyCap.class)
@JsonDeserialize(as = ImmutableFrequencyCap.class)
public abstract class FrequencyCap {

  /** Only the generated implementation extends this type: build values with {@link #builder()}. */
  FrequencyCap() {}

  /**
   * The most contacts allowed in the window.
   *
   * @return the maximum, at least 1
   */
  public abstract int maxContacts();

  /**
   * The length of the rolling window.
   *
   * @return the window, positive
   */
  public abstract Duration window();

  /**
   * Creates a cap.
   *
   * @param maxContacts the most contacts allowed
   * @param window the rolling window
   * @return the cap
   */
  public static FrequencyCap of(int maxContacts, Duration window) {
    return builder().maxContacts(maxContacts).window(window).build();
  }

  /**
   * Starts building a cap.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link FrequencyCap}; not thread-safe. */
  public static final class Builder extends ImmutableFrequencyCap.Builder {}

  @Value.Check
  void check() {
    Checks.of("FrequencyCap")
        .require(maxContacts() >= 1, "maxContacts", "must be at least 1")
        .positive(window(), "window")
        .throwIfAny();
  }
}
