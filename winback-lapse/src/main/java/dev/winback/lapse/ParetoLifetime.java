package dev.winback.lapse;

import static dev.winback.lapse.Numerics.logGamma;

/**
 * What the Pareto/NBD says about a new customer, from Poisson purchases at a gamma(r, alpha) rate over a lifetime
 * whose exponential dropout rate is gamma(s, beta): the lifetime is Pareto (Lomax) distributed, P(tau > t) =
 * (beta / (beta + t))^s. Stateless.
 */
final class ParetoLifetime {
  private ParetoLifetime() {}

  static double expected(double r, double alpha, double s, double beta, double t) {
    if (!(t >= 0)) {
      throw new IllegalArgumentException("t must be zero or more periods, was " + t);
    }
    double log = Math.log1p(t / beta);
    double factor = Math.abs(s - 1) < 1e-9 ? log : -Math.expm1(-(s - 1) * log) / (s - 1);
    return r * beta / alpha * factor;
  }

  static double probability(double r, double alpha, double s, double beta, double t, int n) {
    BetaGeometric.requirePeriods(n, t);
    if (t == 0) {
      return n == 0 ? 1 : 0;
    }
    double logNb = logGamma(r + n) - logGamma(r) - logGamma(n + 1.0);
    double survives = Math.exp(logNb
        + r * Math.log(alpha / (alpha + t))
        + n * Math.log(t / (alpha + t))
        - s * Math.log1p(t / beta));
    double logScale = Math.log(s) + s * Math.log(beta);
    double dies = Quadrature.legendre(
        v -> {
          double u = Math.exp(v) - beta;
          if (!(u > 0)) {
            return n == 0 ? Math.exp(logScale - s * v) : 0;
          }
          return Math.exp(logNb
              + r * Math.log(alpha / (alpha + u))
              + n * Math.log(u / (alpha + u))
              + logScale
              - s * v);
        },
        Math.log(beta),
        Math.log(beta + t),
        8);
    return survives + dies;
  }
}
