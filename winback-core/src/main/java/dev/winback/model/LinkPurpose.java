package dev.winback.model;

/**
 * What a signed link in a message is for. A link's token is bound to its purpose when it is signed, so a survey
 * link cannot be replayed as a come-back link or the other way round.
 */
public enum LinkPurpose {
  /** The exit survey: why they left, in their own words, and whether we may keep in touch. */
  SURVEY,
  /** The way back: redeems the plan's offer and records that the customer came back. Single use. */
  COME_BACK,
  /** One-click unsubscribe (RFC 8058): opts the customer out of every further contact. */
  UNSUBSCRIBE;

  /**
   * The path segment of this purpose's page under the customer pages' base address.
   *
   * @return {@code survey}, {@code come-back} or {@code unsubscribe}
   */
  public String path() {
    return switch (this) {
      case SURVEY -> "survey";
      case COME_BACK -> "come-back";
      case UNSUBSCRIBE -> "unsubscribe";
    };
  }
}
