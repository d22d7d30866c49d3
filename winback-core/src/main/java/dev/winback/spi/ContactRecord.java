package dev.winback.spi;

import dev.winback.model.Channel;
import dev.winback.model.StepKind;
import java.time.Instant;
import java.util.Objects;

/**
 * One time we contacted a customer: what the frequency caps count.
 *
 * @param at when the contact was made
 * @param channel the channel used
 * @param kind the kind of step
 * @param planId the plan it belonged to
 */
public record ContactRecord(Instant at, Channel channel, StepKind kind, String planId) {
  /**
   * Checks every part is present.
   *
   * @param at when the contact was made
   * @param channel the channel used
   * @param kind the kind of step
   * @param planId the plan it belonged to
   */
  public ContactRecord {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(planId, "planId");
  }
}
