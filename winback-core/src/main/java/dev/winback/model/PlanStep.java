package dev.winback.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/** One step of a win-back plan: what to do, on which channel, when, and how it went. */
@Value.Immutable
@JsonSerialize(as = ImmutablePlanStep.class)
@JsonDeserialize(as = ImmutablePlanStep.class)
public abstract class PlanStep {

  /** Only the generated implementation extends this type: build values with {@link #builder()}. */
  PlanStep() {}

  /**
   * The step's position in its plan, from 0; stable for the plan's life.
   *
   * @return the index
   */
  public abstract int index();

  /**
   * What the step does.
   *
   * @return the kind
   */
  public abstract StepKind kind();

  /**
   * The channel to reach the customer on.
   *
   * @return the channel
   */
  public abstract Channel channel();

  /**
   * When the step should run.
   *
   * @return the due time
   */
  public abstract Instant dueAt();

  /**
   * The moment the due time counts from; the engine moves feedback-anchored steps when feedback arrives.
   *
   * @return the anchor
   */
  @Value.Default
  public StepAnchor anchor() {
    return StepAnchor.PLAN_START;
  }

  /**
   * The time between the anchor and the due time.
   *
   * @return the offset
   */
  @Value.Default
  public Duration offset() {
    return Duration.ZERO;
  }

  /**
   * The incentive this step makes, if any.
   *
   * @return the offer
   */
  public abstract Optional<Offer> offer();

  /**
   * The message to send, or the id of the host's template for it, if the playbook sets one. Plan rules check its
   * wording (no blame in an apology, no obstacle in a goodbye).
   *
   * @return the message or template id
   */
  public abstract Optional<String> message();

  /**
   * Where the step stands.
   *
   * @return the status
   */
  @Value.Default
  public StepStatus status() {
    return StepStatus.PENDING;
  }

  /**
   * How many times the step's strategy was invoked.
   *
   * @return the attempts so far
   */
  @Value.Default
  public int attempts() {
    return 0;
  }

  /**
   * When the step finished, once it has.
   *
   * @return the completion time
   */
  public abstract Optional<Instant> completedAt();

  /**
   * What happened, in words safe to log (never the customer's data): the host's reference for a sent step, the
   * reason for a skipped or failed one.
   *
   * @return the outcome
   */
  public abstract Optional<String> outcome();

  /**
   * Starts building a step.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link PlanStep}; not thread-safe. */
  public static final class Builder extends ImmutablePlanStep.Builder {}

  /**
   * Checks the step, and cuts an outcome longer than {@link Limits#MAX_DETAIL_LENGTH} short (it only describes).
   *
   * @return this step, or a copy with its outcome made fit to store
   */
  @Value.Check
  PlanStep check() {
    Checks.of("PlanStep")
        .plausible(dueAt(), "dueAt")
        .plausible(offset(), "offset")
        .text(message(), Limits.MAX_TEXT_LENGTH, "message")
        .plausible(completedAt(), "completedAt")
        .require(index() >= 0, "index", "must not be negative")
        .require(attempts() >= 0, "attempts", "must not be negative")
        .require(
            !status().isFinal() || completedAt().isPresent(),
            "completedAt",
            "is required once the step is final")
        .throwIfAny();
    if (outcome().isEmpty()) {
      return this;
    }
    String fit = Limits.truncate(outcome().get(), Limits.MAX_DETAIL_LENGTH);
    return fit.equals(outcome().get())
        ? this
        : builder().from(this).outcome(fit).build();
  }
}
