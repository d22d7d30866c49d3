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
  PAUSE
}
