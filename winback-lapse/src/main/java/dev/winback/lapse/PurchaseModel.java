package dev.winback.lapse;

/**
 * A fitted "buy till you die" model of repeat purchases (BG/NBD, MBG/NBD or Pareto/NBD): what it says about one
 * customer, given their summary (x repeat purchases, recency t_x and age T, in the model's periods).
 */
public sealed interface PurchaseModel permits BgNbd, MbgNbd, ParetoNbd {

  /**
   * The probability that a customer is still alive at the end of the calibration period.
   *
   * @param x repeat purchases
   * @param tx recency
   * @param age age T
   * @return the probability
   */
  double probabilityAlive(double x, double tx, double age);

  /**
   * The probability that a customer is still alive {@code t} periods after the end of the calibration period if
   * they buy nothing until then: how the odds fade while a customer stays silent, e.g. to tell when they will cross
   * a lapse threshold.
   *
   * @param t periods from the end of the calibration period, not negative
   * @param x repeat purchases
   * @param tx recency
   * @param age age T
   * @return the probability; at {@code t = 0} the probability alive now
   * @throws IllegalArgumentException when {@code t} is negative or not a number
   */
  default double probabilityAliveAfter(double t, double x, double tx, double age) {
    if (!(t >= 0)) {
      throw new IllegalArgumentException("t must be zero or more periods, was " + t);
    }
    return probabilityAlive(x, tx, age + t);
  }

  /**
   * The purchases a customer is expected to make in the next {@code t} periods.
   *
   * @param t the number of periods
   * @param x repeat purchases
   * @param tx recency
   * @param age age T
   * @return the expected number of purchases
   */
  double expectedPurchases(double t, double x, double tx, double age);

  /**
   * How the fit went.
   *
   * @return the fit
   */
  Fit fit();
}
