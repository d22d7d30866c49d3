package dev.winback.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * A step as a playbook rule describes it: what to do, when relative to an anchor, on which channel, with which
 * incentive and for which value tiers. The engine turns templates into a customer's {@link PlanStep}s.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableStepTemplate.class)
@JsonDeserialize(as = ImmutableStepTemplate.class)
public abstract class StepTemplate {
  private static final Set<StepKind> OFFER_KINDS =
      EnumSet.of(StepKind.INCENTIVE_OFFER, StepKind.THANK_YOU, StepKind.SECOND_CHANCE_ASK);

  /** Only the generated implementation extends this type: build values with {@link #builder()}. */
  StepTemplate() {}

  /**
   * What the step does.
   *
   * @return the kind
   */
  public abstract StepKind kind();

  /**
   * The moment the step's timing counts from.
   *
   * @return the anchor, the plan's start unless set
   */
  @Value.Default
  public StepAnchor anchor() {
    return StepAnchor.PLAN_START;
  }

  /**
   * The time from the anchor to the step; negative only before a contract end.
   *
   * @return the offset
   */
  @Value.Default
  public Duration offset() {
    return Duration.ZERO;
  }

  /**
   * For a {@link StepAnchor#CONTRACT_END} step: the time from the plan's start to use when the contract end is
   * unknown. Without it, the step is left out for such customers.
   *
   * @return the fallback offset
   */
  public abstract Optional<Duration> fallbackOffset();

  /**
   * The channel to use, when this step needs a particular one; otherwise the customer's preferred consented one.
   *
   * @return the channel
   */
  public abstract Optional<Channel> channel();

  /**
   * The incentive the step makes, if any.
   *
   * @return the offer terms
   */
  public abstract Optional<OfferTerms> offer();

  /**
   * The lowest value tier the step is for; customers below it do not get the step.
   *
   * @return the minimum tier
   */
  public abstract Optional<ValueTier> minimumTier();

  /**
   * The message to send, or the id of the host's template for it, if the playbook sets one. Plan rules check its
   * wording (no blame in an apology, no obstacle in a goodbye).
   *
   * @return the message or template id
   */
  public abstract Optional<String> message();

  /**
   * A step at a time after the plan starts.
   *
   * @param kind what the step does
   * @param afterStart the time after the start
   * @return the template
   */
  public static StepTemplate at(StepKind kind, Duration afterStart) {
    return builder().kind(kind).offset(afterStart).build();
  }

  /**
   * A step at a time after the customer's feedback.
   *
   * @param kind what the step does
   * @param afterFeedback the time after the feedback
   * @return the template
   */
  public static StepTemplate afterFeedback(StepKind kind, Duration afterFeedback) {
    return builder()
        .kind(kind)
        .anchor(StepAnchor.FEEDBACK)
        .offset(afterFeedback)
        .build();
  }

  /**
   * Starts building a template.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link StepTemplate}; not thread-safe. */
  public static final class Builder extends ImmutableStepTemplate.Builder {}

  @Value.Check
  void check() {
    Checks checks = Checks.of("StepTemplate")
        .plausible(offset(), "offset")
        .text(message(), Limits.MAX_TEXT_LENGTH, "message");
    fallbackOffset().ifPresent(f -> checks.plausible(f, "fallbackOffset"));
    checks.require(
        !offset().isNegative() || anchor() == StepAnchor.CONTRACT_END,
        "offset",
        "may be negative only for a step anchored to CONTRACT_END");
    checks.require(
        fallbackOffset().isEmpty() || anchor() == StepAnchor.CONTRACT_END,
        "fallbackOffset",
        "applies only to a step anchored to CONTRACT_END");
    fallbackOffset()
        .ifPresent(f -> checks.require(!f.isNegative(), "fallbackOffset", "must not be negative"));
    checks.require(
        offer().isEmpty() || OFFER_KINDS.contains(kind()),
        "offer",
        "only INCENTIVE_OFFER, THANK_YOU and SECOND_CHANCE_ASK steps may carry an offer");
    checks.require(
        kind() != StepKind.INCENTIVE_OFFER || offer().isPresent(),
        "offer",
        "is required for INCENTIVE_OFFER");
    checks.throwIfAny();
  }
}
