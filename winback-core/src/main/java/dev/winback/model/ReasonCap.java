package dev.winback.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.immutables.value.Value;

/**
 * A stricter limit for customers who left for a particular reason: a cap of its own and, optionally, their
 * preferred channel only. For example, a customer who left over too many messages hears from us at most once a
 * month, and only where they prefer.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableReasonCap.class)
@JsonDeserialize(as = ImmutableReasonCap.class)
public abstract class ReasonCap {

  /** Only the generated implementation extends this type: build values with {@link #builder()}. */
  ReasonCap() {}

  /**
   * The reason the limit is for; it applies when any of the customer's reasons has this category.
   *
   * @return the exit category
   */
  public abstract ExitCategory reason();

  /**
   * The cap for these customers.
   *
   * @return the cap
   */
  public abstract FrequencyCap cap();

  /**
   * Whether these customers may be contacted only on their preferred channel (or, when they named none, the first
   * channel they consented to).
   *
   * @return true to restrict the channel
   */
  @Value.Default
  public boolean preferredChannelOnly() {
    return true;
  }

  /**
   * Starts building a reason cap.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link ReasonCap}; not thread-safe. */
  public static final class Builder extends ImmutableReasonCap.Builder {}
}
