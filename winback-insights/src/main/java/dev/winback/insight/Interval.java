package dev.winback.insight;

/**
 * A confidence interval.
 *
 * @param lower the lower bound
 * @param upper the upper bound
 */
public record Interval(double lower, double upper) {
  /**
   * Checks the bounds are in order.
   *
   * @param lower the lower bound
   * @param upper the upper bound
   */
  public Interval {
    if (Double.isNaN(lower) || Double.isNaN(upper) || lower > upper) {
      throw new IllegalArgumentException("not an interval: [" + lower + ", " + upper + "]");
    }
  }

  /**
   * Tells whether the interval lies entirely above a value.
   *
   * @param value the value
   * @return true when the lower bound is above it
   */
  public boolean above(double value) {
    return lower > value;
  }
}
