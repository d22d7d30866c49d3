package dev.winback.lapse;

/**
 * One transaction log split at the end of a calibration period: the calibration summaries the models are fitted
 * on, and, for each of those customers in the same order, what they did in the holdout period after it (to check
 * a model's predictions against). Customers whose first purchase falls after the calibration period are left out,
 * as in lifetimes' {@code calibration_and_holdout_data} and BTYD's {@code dc.ElogToCbsCbt}. Immutable.
 *
 * @param calibration the calibration summaries, carrying their time unit
 * @param holdoutPurchases purchases (distinct days) of each customer in the holdout period
 * @param holdoutMeanSpend the mean value of those purchases, NaN for a customer without any
 * @param holdoutLength the length of the holdout period, in the summaries' time unit
 */
public record CalibrationHoldout(
    CustomerSummaries calibration,
    double[] holdoutPurchases,
    double[] holdoutMeanSpend,
    double holdoutLength) {
  /**
   * Creates the split, copying the columns.
   *
   * @param calibration the calibration summaries
   * @param holdoutPurchases purchases of each customer in the holdout period
   * @param holdoutMeanSpend the mean value of those purchases, NaN without any
   * @param holdoutLength the length of the holdout period, in the summaries' time unit
   * @throws IllegalArgumentException when a holdout column does not have one value per customer
   */
  public CalibrationHoldout {
    if (holdoutPurchases.length != calibration.size()
        || holdoutMeanSpend.length != calibration.size()) {
      throw new IllegalArgumentException("need one holdout value per customer");
    }
    holdoutPurchases = holdoutPurchases.clone();
    holdoutMeanSpend = holdoutMeanSpend.clone();
  }

  /**
   * The holdout purchases of every customer.
   *
   * @return a copy of the column
   */
  @Override
  public double[] holdoutPurchases() {
    return holdoutPurchases.clone();
  }

  /**
   * The mean holdout spend of every customer.
   *
   * @return a copy of the column
   */
  @Override
  public double[] holdoutMeanSpend() {
    return holdoutMeanSpend.clone();
  }
}
