package dev.winback.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Why a customer left: a category, the customer's own words where we have them, where the reason came from and
 * whether the fault was ours. The customer's words are personal data, masked in {@code toString()}.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableExitReason.class)
@JsonDeserialize(as = ImmutableExitReason.class)
public abstract class ExitReason {

  /** Only the generated implementation extends this type: build values with {@link #builder()}. */
  ExitReason() {}

  /**
   * The category of the reason.
   *
   * @return the category
   */
  public abstract ExitCategory category();

  /**
   * The customer's own words, if they gave any.
   *
   * @return the verbatim text
   */
  @Value.Redacted
  public abstract Optional<String> verbatim();

  /**
   * Where the reason came from.
   *
   * @return the source
   */
  public abstract ReasonSource source();

  /**
   * When the reason was recorded.
   *
   * @return the time
   */
  public abstract Instant recordedAt();

  /**
   * Whether the fault was ours; defaults to the category's usual answer.
   *
   * @return true when we caused the customer to leave
   */
  @Value.Default
  public boolean ourFault() {
    return category().ourFaultByDefault();
  }

  /**
   * Tells whether the customer told us this reason themselves (a cancel form, a survey, a call, a letter, a review),
   * rather than our guessing it; a reason with neither a category nor their words tells us nothing.
   *
   * @return true when the reason is the customer's own answer to "why did you leave?"
   */
  public boolean fromTheCustomer() {
    return source() != ReasonSource.INFERRED
        && (category() != ExitCategory.UNKNOWN || verbatim().isPresent());
  }

  /**
   * Creates a reason without the customer's words.
   *
   * @param category the category
   * @param source where it came from
   * @param recordedAt when it was recorded
   * @return the reason
   */
  public static ExitReason of(ExitCategory category, ReasonSource source, Instant recordedAt) {
    return builder().category(category).source(source).recordedAt(recordedAt).build();
  }

  /**
   * Starts building a reason.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link ExitReason}; not thread-safe. */
  public static final class Builder extends ImmutableExitReason.Builder {}

  @Value.Check
  void check() {
    Checks.of("ExitReason")
        .text(verbatim(), Limits.MAX_TEXT_LENGTH, "verbatim")
        .plausible(recordedAt(), "recordedAt")
        .throwIfAny();
  }
}
