package dev.winback.lapse;

import java.time.Duration;
import java.util.Objects;

/**
 * A cohort's repeat purchases period by period, as they happened: each customer's birth (first purchase) and the
 * cohort's cumulative repeat purchases at the end of each period, from {@link TransactionLog#tracking}. Hold it
 * against a model's {@link PurchaseModel#expectedCumulativePurchases} (the "tracking" plots of BTYD and lifetimes).
 * Immutable.
 *
 * @param unit the length of a period
 * @param births each cohort customer's first purchase, in periods from the origin
 * @param periods the ends of the periods, in periods from the origin: 1, 2, ..., n
 * @param actualCumulative the cohort's repeat purchases (distinct days) before the end of each period
 */
public record Tracking(
    Duration unit, double[] births, double[] periods, double[] actualCumulative) {

  /**
   * Checks and copies the columns.
   *
   * @param unit the length of a period
   * @param births each customer's first purchase, in periods
   * @param periods the ends of the periods
   * @param actualCumulative the cumulative repeat purchases at each period's end
   * @throws IllegalArgumentException when the columns do not match
   */
  public Tracking {
    Objects.requireNonNull(unit, "unit");
    if (periods.length != actualCumulative.length) {
      throw new IllegalArgumentException("need one actual value per period");
    }
    births = births.clone();
    periods = periods.clone();
    actualCumulative = actualCumulative.clone();
  }

  /**
   * Each customer's first purchase, in periods from the origin.
   *
   * @return a copy of the column
   */
  @Override
  public double[] births() {
    return births.clone();
  }

  /**
   * The ends of the periods.
   *
   * @return a copy of the column
   */
  @Override
  public double[] periods() {
    return periods.clone();
  }

  /**
   * The cohort's repeat purchases before the end of each period.
   *
   * @return a copy of the column
   */
  @Override
  public double[] actualCumulative() {
    return actualCumulative.clone();
  }

  /**
   * The cohort's repeat purchases within each period.
   *
   * @return the period-by-period differences of {@link #actualCumulative()}
   */
  public double[] actualIncremental() {
    return Numerics.increments(actualCumulative);
  }

  /**
   * What a model expects the cohort's cumulative repeat purchases to be at the end of each period.
   *
   * @param model the fitted model
   * @return the expected cumulative repeat purchases, one per period
   */
  public double[] expectedCumulative(PurchaseModel model) {
    return model.expectedCumulativePurchases(births, periods);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Tracking t
        && unit.equals(t.unit)
        && java.util.Arrays.equals(births, t.births)
        && java.util.Arrays.equals(periods, t.periods)
        && java.util.Arrays.equals(actualCumulative, t.actualCumulative);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        unit, java.util.Arrays.hashCode(periods), java.util.Arrays.hashCode(actualCumulative));
  }

  @Override
  public String toString() {
    return "Tracking[" + births.length + " customers, " + periods.length + " periods of " + unit
        + "]";
  }
}
