package dev.winback.spi;

import dev.winback.model.Channel;
import dev.winback.model.Limits;
import java.time.Instant;
import java.util.Objects;

/**
 * What a {@link ContactPolicy} decides about a contact. Every decision but {@link Allow} names the rule that made it
 * and why, which WinBack records in the customer's journal: each is cut short past
 * {@link Limits#MAX_RESULT_TEXT_LENGTH} and made fit to store as {@link Limits#truncate(String, int)} does.
 */
public sealed interface ContactDecision {

  /** The contact may go ahead as requested. */
  record Allow() implements ContactDecision {}

  /**
   * The contact may go ahead, but not before a later time.
   *
   * @param until the earliest allowed time
   * @param rule the rule that decided
   * @param reason why, free of personal data
   */
  record Delay(Instant until, String rule, String reason) implements ContactDecision {
    /**
     * Checks every part is present, and makes the texts fit to store.
     *
     * @param until the earliest allowed time
     * @param rule the rule that decided
     * @param reason why
     */
    public Delay {
      Objects.requireNonNull(until, "until");
      rule = Limits.truncate(Objects.requireNonNull(rule, "rule"), Limits.MAX_RESULT_TEXT_LENGTH);
      reason =
          Limits.truncate(Objects.requireNonNull(reason, "reason"), Limits.MAX_RESULT_TEXT_LENGTH);
    }
  }

  /**
   * The contact may go ahead on another channel.
   *
   * @param channel the channel to use instead
   * @param rule the rule that decided
   * @param reason why, free of personal data
   */
  record Reroute(Channel channel, String rule, String reason) implements ContactDecision {
    /**
     * Checks every part is present, and makes the texts fit to store.
     *
     * @param channel the channel to use instead
     * @param rule the rule that decided
     * @param reason why
     */
    public Reroute {
      Objects.requireNonNull(channel, "channel");
      rule = Limits.truncate(Objects.requireNonNull(rule, "rule"), Limits.MAX_RESULT_TEXT_LENGTH);
      reason =
          Limits.truncate(Objects.requireNonNull(reason, "reason"), Limits.MAX_RESULT_TEXT_LENGTH);
    }
  }

  /**
   * This contact must not be made; the plan goes on with its other steps.
   *
   * @param rule the rule that decided
   * @param reason why, free of personal data
   */
  record Skip(String rule, String reason) implements ContactDecision {
    /**
     * Checks every part is present, and makes the texts fit to store.
     *
     * @param rule the rule that decided
     * @param reason why
     */
    public Skip {
      rule = Limits.truncate(Objects.requireNonNull(rule, "rule"), Limits.MAX_RESULT_TEXT_LENGTH);
      reason =
          Limits.truncate(Objects.requireNonNull(reason, "reason"), Limits.MAX_RESULT_TEXT_LENGTH);
    }
  }

  /**
   * The customer must not be contacted at all; the plan ends as suppressed.
   *
   * @param rule the rule that decided
   * @param reason why, free of personal data
   */
  record Suppress(String rule, String reason) implements ContactDecision {
    /**
     * Checks every part is present, and makes the texts fit to store.
     *
     * @param rule the rule that decided
     * @param reason why
     */
    public Suppress {
      rule = Limits.truncate(Objects.requireNonNull(rule, "rule"), Limits.MAX_RESULT_TEXT_LENGTH);
      reason =
          Limits.truncate(Objects.requireNonNull(reason, "reason"), Limits.MAX_RESULT_TEXT_LENGTH);
    }
  }

  /**
   * The decision that lets a contact go ahead.
   *
   * @return the allow decision
   */
  static ContactDecision allow() {
    return Allows.ALLOW;
  }
}

/** Holds the one {@link ContactDecision.Allow} instance. */
final class Allows {
  static final ContactDecision.Allow ALLOW = new ContactDecision.Allow();

  private Allows() {}
}
