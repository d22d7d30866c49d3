package dev.winback.spi;

import dev.winback.model.Channel;
import dev.winback.model.EventType;
import dev.winback.model.StepKind;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A note for the host's CRM about one thing WinBack did or learned for a customer, in words free of personal data.
 *
 * @param customerId the customer
 * @param planId the plan
 * @param at when it happened
 * @param type what happened
 * @param stepKind the kind of step concerned, if any
 * @param channel the channel concerned, if any
 * @param summary a sentence for the customer's timeline
 */
public record Activity(
    String customerId,
    String planId,
    Instant at,
    EventType type,
    Optional<StepKind> stepKind,
    Optional<Channel> channel,
    String summary) {
  /**
   * Checks every part is present.
   *
   * @param customerId the customer
   * @param planId the plan
   * @param at when it happened
   * @param type what happened
   * @param stepKind the kind of step, for step events
   * @param channel the channel, for step events
   * @param summary a short description, free of personal data
   */
  public Activity {
    Objects.requireNonNull(customerId, "customerId");
    Objects.requireNonNull(planId, "planId");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(stepKind, "stepKind");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(summary, "summary");
  }
}
