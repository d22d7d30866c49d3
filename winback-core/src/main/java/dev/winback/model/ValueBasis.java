package dev.winback.model;

/** What an offer's cap is a share of: the figure {@link OfferSizing} takes as what the customer is worth. */
public enum ValueBasis {
  /** The value a lapse model expects from the customer from now on ({@link CustomerValue#expectedValue()}). */
  EXPECTED_VALUE,
  /**
   * Their monthly revenue over the playbook's horizon ({@link OfferSizing#horizonMonths()}), but never more than
   * they have paid us so far.
   */
  REVENUE_OVER_HORIZON
}
