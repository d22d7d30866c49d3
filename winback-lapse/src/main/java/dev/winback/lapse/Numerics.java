package dev.winback.lapse;

/**
 * Log-gamma, digamma, log-beta and the Gauss hypergeometric function, as the models need them, and the differences of
 * a cumulative series. Stateless.
 */
final class Numerics {
  private static final double[] LANCZOS = {
    0.99999999999980993,
    676.5203681218851,
    -1259.1392167224028,
    771.32342877765313,
    -176.61502916214059,
    12.507343278686905,
    -0.13857109526572012,
    9.9843695780195716e-6,
    1.5056327351493116e-7
  };
  private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

  private Numerics() {}

  /** The increments of a cumulative series: its first value, then each value less the one before. */
  static double[] increments(double[] cumulative) {
    double[] increments = new double[cumulative.length];
    for (int k = 0; k < cumulative.length; k++) {
      increments[k] = cumulative[k] - (k == 0 ? 0 : cumulative[k - 1]);
    }
    return increments;
  }

  /** ln Γ(x) for x > 0 (Lanczos, g = 7; relative error about 1e-15). */
  static double logGamma(double x) {
    if (x < 0.5) {
      return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
    }
    double z = x - 1;
    double sum = LANCZOS[0];
    double t = z + 7.5;
    for (int i = 1; i < 9; i++) {
      sum += LANCZOS[i] / (z + i);
    }
    return HALF_LOG_TWO_PI + (z + 0.5) * Math.log(t) - t + Math.log(sum);
  }

  /** The digamma function ψ(x) = d/dx ln Γ(x) for x > 0 (recurrence up to 6, then the asymptotic series). */
  static double digamma(double x) {
    double result = 0;
    while (x < 6) {
      result -= 1 / x;
      x += 1;
    }
    double f = 1 / (x * x);
    return result
        + Math.log(x)
        - 0.5 / x
        - f * (1.0 / 12 - f * (1.0 / 120 - f * (1.0 / 252 - f * (1.0 / 240 - f / 132))));
  }

  /** ln B(a, b). */
  static double logBeta(double a, double b) {
    return logGamma(a) + logGamma(b) - logGamma(a + b);
  }

  /** ln(e^x + e^y), without overflow. */
  static double logAddExp(double x, double y) {
    double max = Math.max(x, y);
    if (max == Double.NEGATIVE_INFINITY) {
      return max;
    }
    return max + Math.log(Math.exp(x - max) + Math.exp(y - max));
  }

  /** ln(e^x - e^y) for x > y. */
  static double logSubExp(double x, double y) {
    return x + Math.log1p(-Math.exp(y - x));
  }

  /**
   * The Gauss hypergeometric function 2F1(a, b; c; z) for 0 <= z < 1 by its power series, summed until the terms
   * stop changing the sum (all terms are positive for the positive parameters the models use).
   */
  static double hyp2f1(double a, double b, double c, double z) {
    if (z < 0 || z >= 1) {
      throw new IllegalArgumentException("2F1 series needs 0 <= z < 1");
    }
    double term = 1;
    double sum = 1;
    for (int k = 0; k < 1_000_000; k++) {
      term *= (a + k) * (b + k) / ((c + k) * (k + 1)) * z;
      sum += term;
      if (Math.abs(term) <= 1e-16 * Math.abs(sum)) {
        return sum;
      }
    }
    throw new ArithmeticException("2F1 series did not converge");
  }
}
