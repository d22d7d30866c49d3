package dev.winback.model;

/**
 * Why we contact a customer, for consent per purpose: a customer may welcome a question about why they left but
 * not a sales offer.
 */
public enum ContactPurpose {
  /** Service contact: asking for feedback, apologising, following up, thanking, saying goodbye. */
  SERVICE,
  /** Marketing contact: incentives, re-engagement, asking for a second chance. */
  MARKETING;

  /**
   * The purpose of a kind of step.
   *
   * @param kind the step kind
   * @return {@link #MARKETING} for incentives, re-engagement and second-chance asks; {@link #SERVICE} otherwise
   */
  public static ContactPurpose of(StepKind kind) {
    return switch (kind) {
      case INCENTIVE_OFFER, RE_ENGAGEMENT, SECOND_CHANCE_ASK -> MARKETING;
      default -> SERVICE;
    };
  }
}
