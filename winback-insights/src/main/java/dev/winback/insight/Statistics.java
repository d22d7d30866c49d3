package dev.winback.insight;

/**
 * The statistics the insights use, small enough to check by hand: Wilson score intervals for a proportion,
 * Newcombe's hybrid score interval for a difference of proportions, and the pooled two-proportion z-test.
 * Stateless; all methods are static.
 */
public final class Statistics {
  /** The z value of a two-sided 95% interval. */
  public static final double Z95 = 1.959963984540054;

  private Statistics() {}

  /**
   * The Wilson score interval for a proportion (Wilson 1927), which stays inside [0, 1] and behaves at 0 and n.
   *
   * @param successes how many succeeded, 0 to {@code trials}
   * @param trials how many tried
   * @param z the normal quantile, e.g. {@link #Z95}
   * @return the interval; [0, 1] when there are no trials
   */
  public static Interval wilson(long successes, long trials, double z) {
    check(successes, trials);
    if (trials == 0) {
      return new Interval(0, 1);
    }
    double n = trials;
    double p = successes / n;
    double denominator = 1 + z * z / n;
    double centre = (p + z * z / (2 * n)) / denominator;
    double half = z * Math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denominator;
    return new Interval(Math.max(0, centre - half), Math.min(1, centre + half));
  }

  /**
   * Newcombe's hybrid score interval (his method 10, 1998) for the difference of two proportions p1 - p2.
   *
   * @param successes1 successes in the first group
   * @param trials1 trials in the first group
   * @param successes2 successes in the second group
   * @param trials2 trials in the second group
   * @param z the normal quantile
   * @return the interval for p1 - p2; [-1, 1] when a group is empty
   */
  public static Interval differenceInterval(
      long successes1, long trials1, long successes2, long trials2, double z) {
    check(successes1, trials1);
    check(successes2, trials2);
    if (trials1 == 0 || trials2 == 0) {
      return new Interval(-1, 1);
    }
    double p1 = (double) successes1 / trials1;
    double p2 = (double) successes2 / trials2;
    Interval w1 = wilson(successes1, trials1, z);
    Interval w2 = wilson(successes2, trials2, z);
    double d = p1 - p2;
    double lower = d - Math.sqrt(square(p1 - w1.lower()) + square(w2.upper() - p2));
    double upper = d + Math.sqrt(square(w1.upper() - p1) + square(p2 - w2.lower()));
    return new Interval(Math.max(-1, lower), Math.min(1, upper));
  }

  /**
   * The two-sided p-value of the pooled two-proportion z-test of p1 = p2.
   *
   * @param successes1 successes in the first group
   * @param trials1 trials in the first group
   * @param successes2 successes in the second group
   * @param trials2 trials in the second group
   * @return the p-value; 1 when a group is empty or both rates are 0 or both 1
   */
  public static double twoProportionPValue(
      long successes1, long trials1, long successes2, long trials2) {
    double z = twoProportionZ(successes1, trials1, successes2, trials2);
    return z == 0 ? 1 : Math.min(1, 2 * normalTail(Math.abs(z)));
  }

  /**
   * The one-sided p-value that the first proportion is greater than the second (pooled z-test).
   *
   * @param successes1 successes in the first group
   * @param trials1 trials in the first group
   * @param successes2 successes in the second group
   * @param trials2 trials in the second group
   * @return the p-value
   */
  public static double greaterPValue(long successes1, long trials1, long successes2, long trials2) {
    return normalTail(twoProportionZ(successes1, trials1, successes2, trials2));
  }

  static double twoProportionZ(long successes1, long trials1, long successes2, long trials2) {
    check(successes1, trials1);
    check(successes2, trials2);
    if (trials1 == 0 || trials2 == 0) {
      return 0;
    }
    double pooled = (double) (successes1 + successes2) / (trials1 + trials2);
    double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / trials1 + 1.0 / trials2));
    if (se == 0) {
      return 0;
    }
    return ((double) successes1 / trials1 - (double) successes2 / trials2) / se;
  }

  /**
   * The upper tail of the standard normal distribution, P(Z > z), from the complementary error function
   * (Numerical Recipes' erfc approximation, relative error below 1.2e-7).
   *
   * @param z the value
   * @return the tail probability
   */
  public static double normalTail(double z) {
    return Math.max(0, Math.min(1, 0.5 * erfc(z / Math.sqrt(2))));
  }

  private static double erfc(double x) {
    double z = Math.abs(x);
    double t = 1 / (1 + 0.5 * z);
    double r = t
        * Math.exp(
            -z * z
                - 1.26551223
                + t
                    * (1.00002368
                        + t
                            * (0.37409196
                                + t
                                    * (0.09678418
                                        + t
                                            * (-0.18628806
                                                + t
                                                    * (0.27886807
                                                        + t
                                                            * (-1.13520398
                                                                + t
                                                                    * (1.48851587
                                                                        + t
                                                                            * (-0.82215223
                                                                                + t
                                                                                    * 0.17087277)))))))));
    return x >= 0 ? r : 2 - r;
  }

  private static double square(double x) {
    return x * x;
  }

  private static void check(long successes, long trials) {
    if (trials < 0 || successes < 0 || successes > trials) {
      throw new IllegalArgumentException(
          "need 0 <= successes <= trials, got " + successes + " of " + trials);
    }
  }
}
