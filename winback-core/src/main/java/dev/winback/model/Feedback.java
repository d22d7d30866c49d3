package dev.winback.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What a customer told us about why they left: their words, a category if the host already knows it (otherwise
 * the engine's classifier reads the words), where it came from and when.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableFeedback.class)
@JsonDeserialize(as = ImmutableFeedback.class)
public abstract class Feedback {

  /** Only the generated implementation extends this type: build values with {@link #builder()}. */
  Feedback() {}

  /**
   * The customer's own words.
   *
   * @return the text
   */
  @Value.Redacted
  public abstract Optional<String> text();

  /**
   * The category, when the host already knows it.
   *
   * @return the category
   */
  public abstract Optional<ExitCategory> category();

  /**
   * Whether the fault was ours, when the host knows better than the category's default.
   *
   * @return true when it was our fault
   */
  public abstract Optional<Boolean> ourFault();

  /**
   * Where the feedback came from.
   *
   * @return the source
   */
  public abstract ReasonSource source();

  /**
   * When it was received.
   *
   * @return the time
   */
  public abstract Instant receivedAt();

  /**
   * Creates feedback from the customer's words, to be classified by the engine.
   *
   * @param text what the customer said
   * @param source where it came from
   * @param receivedAt when it arrived
   * @return the feedback
   */
  public static Feedback of(String text, ReasonSource source, Instant receivedAt) {
    return builder().text(text).source(source).receivedAt(receivedAt).build();
  }

  /**
   * Starts building feedback.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link Feedback}; not thread-safe. */
  public static final class Builder extends ImmutableFeedback.Builder {}

  @Value.Check
  void check() {
    Checks.of("Feedback")
        .text(text(), Limits.MAX_TEXT_LENGTH, "text")
        .plausible(receivedAt(), "receivedAt")
        .require(
            text().isPresent() || category().isPresent(), "text", "text or category is required")
        .throwIfAny();
  }
}
