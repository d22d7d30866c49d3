package dev.winback.spi;

import dev.winback.model.LinkPurpose;
import java.util.Objects;
import java.util.Optional;

/**
 * The signed links a message carries, each bound to its purpose and expiring: issued by the engine at the moment
 * of the send when it has {@code reactivationTokens(...)} and {@code customerPages(...)}; empty otherwise.
 *
 * @param survey the exit survey, for a message that asks for feedback
 * @param comeBack the way back, for a goodbye, a second-chance ask or a message with an offer
 * @param unsubscribe one-click unsubscribe, for every message
 */
public record MessageLinks(
    Optional<String> survey, Optional<String> comeBack, Optional<String> unsubscribe) {

  /**
   * Checks every part is present or explicitly empty.
   *
   * @param survey the survey link, if any
   * @param comeBack the come-back link, if any
   * @param unsubscribe the unsubscribe link, if any
   */
  public MessageLinks {
    Objects.requireNonNull(survey, "survey");
    Objects.requireNonNull(comeBack, "comeBack");
    Objects.requireNonNull(unsubscribe, "unsubscribe");
  }

  /**
   * No links.
   *
   * @return links that are all empty
   */
  public static MessageLinks none() {
    return new MessageLinks(Optional.empty(), Optional.empty(), Optional.empty());
  }

  /**
   * The link for one purpose.
   *
   * @param purpose the purpose
   * @return the link, if the message carries one
   */
  public Optional<String> of(LinkPurpose purpose) {
    return switch (purpose) {
      case SURVEY -> survey;
      case COME_BACK -> comeBack;
      case UNSUBSCRIBE -> unsubscribe;
    };
  }

  /**
   * Names the links a message carries without their tokens: a token is a bearer credential (it opts out or brings
   * the customer back), so it never reaches a log through this value.
   *
   * @return the links' addresses with their tokens hidden
   */
  @Override
  public String toString() {
    return "MessageLinks[survey=" + hidden(survey) + ", comeBack=" + hidden(comeBack)
        + ", unsubscribe=" + hidden(unsubscribe) + "]";
  }

  private static String hidden(Optional<String> link) {
    return link.map(l -> {
          int query = l.indexOf('?');
          return (query < 0 ? l : l.substring(0, query)) + "?token=(hidden)";
        })
        .orElse("none");
  }
}
