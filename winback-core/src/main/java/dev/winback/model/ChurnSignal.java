package dev.winback.model;

/** How we know a customer left. */
public enum ChurnSignal {
  /** They cancelled a subscription. */
  SUBSCRIPTION_CANCELLED,
  /** They deleted their account. */
  ACCOUNT_DELETED,
  /** Their repeat purchases stopped without a word (a silent lapse). */
  PURCHASES_STOPPED,
  /** Their donations to a campaign stopped. */
  DONATIONS_STOPPED,
  /** They moved to a cheaper plan. */
  DOWNGRADED,
  /** Their contract ended and they did not renew it. */
  CONTRACT_NOT_RENEWED,
  /** They complained in public (a review, a blog post, social media). */
  PUBLIC_COMPLAINT,
  /** They told us they moved to a competitor. */
  SWITCHED_TO_COMPETITOR,
  /** Any other signal the host knows about. */
  OTHER
}
