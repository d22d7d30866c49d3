package dev.winback.testkit;

import dev.winback.model.Channel;
import dev.winback.model.Offer;
import dev.winback.model.StepKind;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A step the simulation's strategies sent (or, in a dry run, would send). A message that carried several steps (a
 * thank-you with the offer inside) appears once per step, each with the message's idempotency key.
 *
 * @param customerId the customer
 * @param planId the plan
 * @param at when it was sent, on the simulation's clock
 * @param kind the kind of step
 * @param channel the channel
 * @param offer the incentive it made, if any
 * @param attempt which attempt of the step it was
 * @param idempotencyKey the step's idempotency key
 * @param comeBackToken the come-back token the step carried, if the engine issued one
 */
public record SentMessage(
    String customerId,
    String planId,
    Instant at,
    StepKind kind,
    Channel channel,
    Optional<Offer> offer,
    int attempt,
    String idempotencyKey,
    Optional<String> comeBackToken) {
  /**
   * Checks every part is present.
   *
   * @param customerId the customer
   * @param planId the plan
   * @param at when it was sent
   * @param kind the kind of step
   * @param channel the channel
   * @param offer the incentive, if any
   * @param attempt which attempt
   * @param idempotencyKey the idempotency key
   * @param comeBackToken the come-back token, if any
   */
  public SentMessage {
    Objects.requireNonNull(customerId, "customerId");
    Objects.requireNonNull(planId, "planId");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(offer, "offer");
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    Objects.requireNonNull(comeBackToken, "comeBackToken");
  }

  /**
   * A message that carried no come-back token.
   *
   * @param customerId the customer
   * @param planId the plan
   * @param at when it was sent
   * @param kind the kind of step
   * @param channel the channel
   * @param offer the incentive, if any
   * @param attempt which attempt
   * @param idempotencyKey the idempotency key
   */
  public SentMessage(
      String customerId,
      String planId,
      Instant at,
      StepKind kind,
      Channel channel,
      Optional<Offer> offer,
      int attempt,
      String idempotencyKey) {
    this(customerId, planId, at, kind, channel, offer, attempt, idempotencyKey, Optional.empty());
  }

  /** One step a strategy was asked to send, alone or as a part of a message that carried several. */
  static SentMessage of(dev.winback.spi.StepContext context, dev.winback.model.PlanStep part) {
    return new SentMessage(
        context.customer().id(),
        context.plan().id(),
        context.now(),
        part.kind(),
        part.channel(),
        part.offer(),
        context.attempt(),
        context.idempotencyKey(),
        context.comeBackToken());
  }
}
