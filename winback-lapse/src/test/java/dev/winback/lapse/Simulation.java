package dev.winback.lapse;

import java.util.SplittableRandom;

/**
 * The models' own stories, simulated customer by customer with a fixed seed: an estimate of P(X(t) = n) computed
 * without any of the closed forms under test (gamma draws by Marsaglia and Tsang, beta draws from two gammas).
 */
final class Simulation {
  private final SplittableRandom random;

  Simulation(long seed) {
    this.random = new SplittableRandom(seed);
  }

  double gamma(double shape, double rate) {
    if (shape < 1) {
      return gamma(shape + 1, rate) * Math.pow(random.nextDouble(), 1 / shape);
    }
    double d = shape - 1.0 / 3;
    double c = 1 / Math.sqrt(9 * d);
    while (true) {
      double z = normal();
      double v = Math.pow(1 + c * z, 3);
      if (v > 0 && Math.log(random.nextDouble()) < 0.5 * z * z + d - d * v + d * Math.log(v)) {
        return d * v / rate;
      }
    }
  }

  double beta(double a, double b) {
    double x = gamma(a, 1);
    return x / (x + gamma(b, 1));
  }

  double exponential(double rate) {
    return -Math.log(1 - random.nextDouble()) / rate;
  }

  boolean chance(double p) {
    return random.nextDouble() < p;
  }

  private double normal() {
    double u = 1 - random.nextDouble();
    double v = random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Repeat purchases in (0, t] of a new BG/NBD customer (dropout after each purchase), or MBG/NBD (also at 0). */
  int betaGeometric(double r, double alpha, double a, double b, double t, boolean dropoutAtStart) {
    double lambda = gamma(r, alpha);
    double p = beta(a, b);
    if (dropoutAtStart && chance(p)) {
      return 0;
    }
    int n = 0;
    double clock = exponential(lambda);
    while (clock <= t) {
      n++;
      if (chance(p)) {
        return n;
      }
      clock += exponential(lambda);
    }
    return n;
  }

  /** Repeat purchases in (0, t] of a new Pareto/NBD customer. */
  int paretoNbd(double r, double alpha, double s, double beta, double t) {
    double lambda = gamma(r, alpha);
    double lifetime = exponential(gamma(s, beta));
    double end = Math.min(t, lifetime);
    int n = 0;
    for (double clock = exponential(lambda); clock <= end; clock += exponential(lambda)) {
      n++;
    }
    return n;
  }

  /** Transactions in the first n opportunities of a new BG/BB customer. */
  int betaBinomial(double alpha, double beta, double gamma, double delta, int n) {
    double p = beta(alpha, beta);
    double theta = beta(gamma, delta);
    int x = 0;
    for (int k = 1; k <= n; k++) {
      if (chance(theta)) {
        return x;
      }
      x += chance(p) ? 1 : 0;
    }
    return x;
  }
}
