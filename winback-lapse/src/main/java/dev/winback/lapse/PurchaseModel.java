package dev.winback.lapse;

/**
 * A fitted "buy till you die" model of repeat purchases (BG/NBD, MBG/NBD, Pareto/NBD, NBD, or the discrete-time
 * BG/BB): what it says about one customer, given their summary (x repeat purchases, recency t_x and age T, in the
 * model's periods), about a new customer, and about a whole population. Times are in the periods the model was
 * fitted in; {@link CustomerSummaries#unit()} says how long one is.
 */
public sealed interface PurchaseModel permits BgNbd, MbgNbd, ParetoNbd, Nbd, BgBb {

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
   * The purchases a customer is expected to make in the next {@code t} periods, given their history.
   *
   * @param t the number of periods
   * @param x repeat purchases
   * @param tx recency
   * @param age age T
   * @return the expected number of purchases
   */
  double expectedPurchases(double t, double x, double tx, double age);

  /**
   * E[X(t)]: the repeat purchases a new customer (just after their first purchase) is expected to make in their
   * first {@code t} periods.
   *
   * @param t the number of periods, not negative
   * @return the expected number of repeat purchases
   */
  double expectedPurchases(double t);

  /**
   * P(X(t) = n): the probability that a new customer makes exactly {@code n} repeat purchases in their first
   * {@code t} periods.
   *
   * @param n the number of purchases, at least 0
   * @param t the number of periods, not negative
   * @return the probability
   */
  double probabilityOfPurchases(int n, double t);

  /**
   * P(X(T, T + t) = n | x, t_x, T): the probability that a customer with this history makes exactly {@code n}
   * purchases in the next {@code t} periods.
   *
   * @param n the number of purchases, at least 0
   * @param t the number of periods, not negative
   * @param x repeat purchases
   * @param tx recency
   * @param age age T
   * @return the probability
   */
  double probabilityOfPurchases(int n, double t, double x, double tx, double age);

  /**
   * DERT, the discounted expected residual transactions (Fader, Hardie and Lee 2005, "RFM and CLV"): the purchases
   * a customer is expected to make from now on, over an unlimited horizon, each discounted continuously at
   * {@code delta} per period (for an annual rate d and weekly periods, delta = ln(1 + d) / 52). Times its expected
   * spend per purchase, it is the customer's residual lifetime value.
   *
   * @param delta the continuous discount rate per period, positive
   * @param x repeat purchases
   * @param tx recency
   * @param age age T
   * @return the discounted expected residual purchases
   * @throws IllegalArgumentException when delta is not positive
   */
  double discountedResidualPurchases(double delta, double x, double tx, double age);

  /**
   * The probability of being alive for every customer of a population, in their order, on both cores for large
   * populations.
   *
   * @param data the summaries
   * @return one probability per customer
   */
  default double[] probabilityAlive(CustomerSummaries data) {
    double[] alive = new double[data.size()];
    Likelihoods.forEach(
        data.size(), i -> alive[i] = probabilityAlive(data.x(i), data.tx(i), data.age(i)));
    return alive;
  }

  /**
   * The purchases every customer of a population is expected to make in the next {@code t} periods, in their order,
   * on both cores for large populations.
   *
   * @param t the number of periods
   * @param data the summaries
   * @return one expectation per customer
   */
  default double[] expectedPurchases(double t, CustomerSummaries data) {
    double[] expected = new double[data.size()];
    Likelihoods.forEach(
        data.size(), i -> expected[i] = expectedPurchases(t, data.x(i), data.tx(i), data.age(i)));
    return expected;
  }

  /**
   * Tracking a cohort with staggered starts: the repeat purchases all its customers are expected to have made by
   * each time in {@code at}, when customer i made their first purchase at {@code births[i]} (all on one clock, in
   * the model's periods): the sum of E[X(at - birth)] over the customers born before each time. Customers born at
   * the same time are computed once, so a cohort that started on a few hundred days costs a few hundred evaluations
   * per time.
   *
   * @param births when each customer made their first purchase
   * @param at the times to report, each a cumulative total
   * @return the expected cumulative repeat purchases at each time
   */
  default double[] expectedCumulativePurchases(double[] births, double[] at) {
    double[] sorted = births.clone();
    java.util.Arrays.sort(sorted);
    double[] result = new double[at.length];
    for (int i = 0; i < sorted.length; ) {
      int j = i;
      while (j < sorted.length && sorted[j] == sorted[i]) {
        j++;
      }
      int count = j - i;
      for (int k = 0; k < at.length; k++) {
        if (at[k] > sorted[i]) {
          result[k] += count * expectedPurchases(at[k] - sorted[i]);
        }
      }
      i = j;
    }
    return result;
  }

  /**
   * The same tracking, period by period: the repeat purchases expected between consecutive times of {@code at} (the
   * first from time 0).
   *
   * @param births when each customer made their first purchase
   * @param at increasing times
   * @return the expected repeat purchases in each interval
   */
  default double[] expectedIncrementalPurchases(double[] births, double[] at) {
    return Numerics.increments(expectedCumulativePurchases(births, at));
  }

  /**
   * How the fit went.
   *
   * @return the fit
   */
  Fit fit();
}
