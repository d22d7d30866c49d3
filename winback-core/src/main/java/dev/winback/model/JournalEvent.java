package dev.winback.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One entry in a customer's append-only journal: the detailed record of how the customer was dealt with. The
 * detail never holds personal data, so journals can be shown and logged.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableJournalEvent.class)
@JsonDeserialize(as = ImmutableJournalEvent.class)
public abstract class JournalEvent {

  /** Only the generated implementation extends this type: build values with {@link #builder()}. */
  JournalEvent() {}

  /**
   * The customer the event is about.
   *
   * @return the customer id
   */
  public abstract String customerId();

  /**
   * The plan the event belongs to.
   *
   * @return the plan id
   */
  public abstract String planId();

  /**
   * When it happened.
   *
   * @return the time
   */
  public abstract Instant at();

  /**
   * What happened.
   *
   * @return the type
   */
  public abstract EventType type();

  /**
   * The step concerned, if any.
   *
   * @return the step index
   */
  public abstract Optional<Integer> stepIndex();

  /**
   * The kind of the step concerned, if any.
   *
   * @return the step kind
   */
  public abstract Optional<StepKind> stepKind();

  /**
   * The channel concerned, if any.
   *
   * @return the channel
   */
  public abstract Optional<Channel> channel();

  /**
   * What happened, in plain words free of personal data.
   *
   * @return the detail
   */
  public abstract String detail();

  /**
   * Starts building an event.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link JournalEvent}; not thread-safe. */
  public static final class Builder extends ImmutableJournalEvent.Builder {}

  /**
   * Checks the event, and cuts a detail longer than {@link Limits#MAX_DETAIL_LENGTH} short (it only describes).
   *
   * @return this event, or a copy with its detail made fit to store
   */
  @Value.Check
  JournalEvent check() {
    Checks.of("JournalEvent")
        .id(customerId(), "customerId")
        .planId(planId(), "planId")
        .plausible(at(), "at")
        .require(stepIndex().orElse(0) >= 0, "stepIndex", "must not be negative")
        .throwIfAny();
    String fit = Limits.truncate(detail(), Limits.MAX_DETAIL_LENGTH);
    return fit.equals(detail()) ? this : builder().from(this).detail(fit).build();
  }
}
