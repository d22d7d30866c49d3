package dev.winback.model;

/** The kind of incentive an offer makes. */
public enum OfferKind {
  /** A percentage off the price; the value is the percentage. */
  PERCENT_OFF,
  /** An amount off the price; the value is the amount in the offer's currency. */
  AMOUNT_OFF,
  /** A period of service for free. */
  FREE_PERIOD,
  /** A better plan for the price of their old one. */
  UPGRADE,
  /** Pause instead of leaving: keep everything, pay nothing for a period. */
  PAUSE,
  /**
   * A cheaper plan instead of leaving: less service for less money. The value, when set, is the most the cheaper
   * plan costs per month, in the offer's currency (the customer's when the terms name none).
   */
  DOWNGRADE;

  /**
   * Tells whether the offer gives money away (a discount, an amount off, a free period), so that its worth counts
   * against the cap of {@link OfferSizing}; a pause, an upgrade or a cheaper plan gives none.
   *
   * @return true for the kinds that cost money
   */
  public boolean givesMoneyAway() {
    return this == PERCENT_OFF || this == AMOUNT_OFF || this == FREE_PERIOD;
  }
}
