package dev.winback.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.LocalTime;
import org.immutables.value.Value;

/**
 * The hours of the day, in the customer's own time zone, when a channel may be used: from {@link #from()}
 * (inclusive) until {@link #until()} (exclusive). Outside them are the channel's quiet hours.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableDailyWindow.class)
@JsonDeserialize(as = ImmutableDailyWindow.class)
public abstract class DailyWindow {

  /** Only the generated implementation extends this type: build values with {@link #builder()}. */
  DailyWindow() {}

  /**
   * The first allowed local time.
   *
   * @return the start of the window
   */
  public abstract LocalTime from();

  /**
   * The first local time that is no longer allowed.
   *
   * @return the end of the window
   */
  public abstract LocalTime until();

  /**
   * Creates a window.
   *
   * @param from the first allowed local time
   * @param until the first local time no longer allowed, after {@code from}
   * @return the window
   */
  public static DailyWindow of(LocalTime from, LocalTime until) {
    return builder().from(from).until(until).build();
  }

  /**
   * Tells whether a local time falls in the window.
   *
   * @param time the local time
   * @return true when contact is allowed at that time
   */
  public boolean contains(LocalTime time) {
    return !time.isBefore(from()) && time.isBefore(until());
  }

  /**
   * Starts building a window.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link DailyWindow}; not thread-safe. */
  public static final class Builder extends ImmutableDailyWindow.Builder {}

  @Value.Check
  void check() {
    Checks.of("DailyWindow")
        .require(from().isBefore(until()), "until", "must be after from")
        .throwIfAny();
  }
}
