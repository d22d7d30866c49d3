package dev.winback.lapse;

import static dev.winback.lapse.Numerics.hyp2f1;
import static dev.winback.lapse.Numerics.logBeta;
import static dev.winback.lapse.Numerics.logGamma;

/**
 * The beta-geometric/NBD purchase process that BG/NBD and MBG/NBD share: from a purchase on, Poisson purchases at a
 * gamma(r, alpha) rate, each followed by a dropout with a beta(a, b) probability. After a customer's history, a
 * living customer's future is the same process with updated parameters (r + x, alpha + T, a, b + x, plus one for
 * MBG/NBD), which gives the conditional distributions from the unconditional ones. Stateless.
 */
final class BetaGeometric {
  private BetaGeometric() {}

  static void requirePeriods(int n, double t) {
    if (n < 0) {
      throw new IllegalArgumentException("n must be zero or more purchases, was " + n);
    }
    if (!(t >= 0)) {
      throw new IllegalArgumentException("t must be zero or more periods, was " + t);
    }
  }

  /** The NBD probabilities P(N(t) = j) for j = 0..n: Poisson counts over a gamma(r, alpha) rate. */
  static double[] nbd(double r, double alpha, double t, int n) {
    double[] p = new double[n + 1];
    if (t == 0) {
      p[0] = 1;
      return p;
    }
    double log = r * Math.log(alpha / (alpha + t));
    double logZ = Math.log(t / (alpha + t));
    for (int j = 0; j <= n; j++) {
      if (j > 0) {
        log += Math.log((r + j - 1) / j) + logZ;
      }
      p[j] = Math.exp(log);
    }
    return p;
  }

  /** P(X(t) = n) of the process from a purchase (no dropout at time 0): Fader, Hardie and Lee (2005), eq. 8. */
  static double probability(double r, double alpha, double a, double b, double t, int n) {
    requirePeriods(n, t);
    double[] nb = nbd(r, alpha, t, n);
    double logB = logBeta(a, b);
    double result = Math.exp(logBeta(a, b + n) - logB) * nb[n];
    if (n > 0) {
      double below = 0;
      for (int j = 0; j < n; j++) {
        below += nb[j];
      }
      result += Math.exp(logBeta(a + 1, b + n - 1) - logB) * Math.max(0, 1 - below);
    }
    return result;
  }

  /** E[X(t)] of the process from a purchase: Fader, Hardie and Lee (2005), eq. 9. */
  static double expected(double r, double alpha, double a, double b, double t) {
    if (!(t >= 0)) {
      throw new IllegalArgumentException("t must be zero or more periods, was " + t);
    }
    if (t == 0) {
      return 0;
    }
    double hyp = hyp2f1(r, b, a + b - 1, t / (alpha + t));
    return (a + b - 1) / (a - 1) * (1 - Math.pow(alpha / (alpha + t), r) * hyp);
  }

  /**
   * DERT of a living customer whose future is the process with these parameters: given the rate lambda and dropout
   * probability p, purchase j comes after j gamma-distributed waits and only if the customer survived the j - 1
   * before, so the discounted count is the sum over j of (1 - p)^(j - 1) (lambda / (lambda + delta))^j =
   * lambda / (delta + p lambda); its expectation over the gamma and beta mixing distributions is integrated
   * numerically (exp-sinh in lambda, tanh-sinh in p).
   */
  static double discountedPurchases(double r, double alpha, double a, double b, double delta) {
    if (!(delta > 0)) {
      throw new IllegalArgumentException("the discount rate must be positive, was " + delta);
    }
    double logNorm = r * Math.log(alpha) - logGamma(r);
    double logB = logBeta(a, b);
    return Quadrature.unit((p, q) -> {
      double beta = Math.exp((a - 1) * Math.log(p) + (b - 1) * Math.log(q) - logB);
      if (beta == 0 || !Double.isFinite(beta)) {
        return 0;
      }
      double inner = Quadrature.halfLine(
          lambda -> Math.exp(logNorm + (r - 1) * Math.log(lambda) - alpha * lambda)
              * lambda
              / (delta + p * lambda),
          (r + 1) / alpha,
          1 / Math.sqrt(r + 1));
      return beta * inner;
    });
  }
}
