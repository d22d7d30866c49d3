package dev.winback.model;

/** How valuable a customer was, in tiers a playbook defines; drives whether an incentive pays. */
public enum ValueTier {
  /** We do not know what they were worth. */
  UNKNOWN,
  /** Below the medium threshold. */
  LOW,
  /** At or above the medium threshold. */
  MEDIUM,
  /** At or above the high threshold. */
  HIGH;

  /**
   * Tells whether this tier is at least another one ({@link #UNKNOWN} is below every known tier).
   *
   * @param other the tier to compare with
   * @return true when this tier is the same or higher
   */
  public boolean isAtLeast(ValueTier other) {
    return compareTo(other) >= 0;
  }
}
