package dev.winback.lapse;

import static dev.winback.lapse.Numerics.digamma;
import static dev.winback.lapse.Numerics.hyp2f1;
import static dev.winback.lapse.Numerics.logAddExp;
import static dev.winback.lapse.Numerics.logBeta;
import static dev.winback.lapse.Numerics.logGamma;

/**
 * The BG/NBD model (Fader, Hardie and Lee 2005, "Counting your customers the easy way"): while alive a customer
 * buys at a Poisson rate (gamma-distributed with shape r and rate alpha across customers), and after each purchase
 * drops out with a probability (beta-distributed with a and b). Immutable.
 *
 * @param r the shape of the purchase rate
 * @param alpha the rate (scale) of the purchase rate
 * @param a the first shape of the dropout probability
 * @param b the second shape of the dropout probability
 * @param fit how the fit went
 *
 * @serial exclude
 */
public record BgNbd(double r, double alpha, double a, double b, Fit fit)
    implements PurchaseModel, java.io.Serializable {

  /**
   * Fits the model by maximum likelihood.
   *
   * @param data the customer summaries
   * @return the fitted model
   * @throws dev.winback.InvalidInputException when the data cannot be fitted (nobody, no repeat buyer)
   */
  public static BgNbd fit(CustomerSummaries data) {
    return fit(data, FitOptions.defaults());
  }

  /**
   * Fits the model by maximum likelihood with options (penalizer, starting values r, alpha, a, b); rows count by
   * their weights.
   *
   * @param data the customer summaries
   * @param options the fit options
   * @return the fitted model, with standard errors in its {@link Fit}
   * @throws dev.winback.InvalidInputException when the data cannot be fitted (nobody, no repeat buyer)
   * @throws IllegalArgumentException when the starting values are not four
   */
  public static BgNbd fit(CustomerSummaries data, FitOptions options) {
    Likelihoods.requireFittable(data, "BG/NBD");
    Fitting.Estimates e = Fitting.maximiseWithGradient(
        "BG/NBD",
        new String[] {"r", "alpha", "a", "b"},
        (v, gradient) -> logLikelihood(data, v[0], v[1], v[2], v[3], gradient),
        data.totalWeight(),
        options);
    double[] v = e.values();
    return new BgNbd(v[0], v[1], v[2], v[3], e.fit());
  }

  /**
   * The log-likelihood and its gradient over one part of a population (e.g. one partition of a cluster's data), to
   * be summed over the parts and fitted with {@link #fit(SummedLikelihood, double, FitOptions)}. A part without
   * customers contributes zero.
   *
   * @param part the part's summaries
   * @param parameters r, alpha, a, b
   * @param gradient receives this part's gradient with respect to each parameter
   * @return this part's log-likelihood
   * @throws IllegalArgumentException when the parameters are not 4
   */
  public static double partialLogLikelihood(
      CustomerSummaries part, double[] parameters, double[] gradient) {
    if (parameters.length != 4 || gradient.length != 4) {
      throw new IllegalArgumentException("BG/NBD has 4 parameters: r, alpha, a, b");
    }
    if (part.size() == 0) {
      java.util.Arrays.fill(gradient, 0);
      return 0;
    }
    return logLikelihood(
        part, parameters[0], parameters[1], parameters[2], parameters[3], gradient);
  }

  /**
   * Fits the model to a population held elsewhere, from its summed log-likelihood and gradient, as {@link
   * #fit(CustomerSummaries, FitOptions)} fits one held here: the same optimiser, penalizer and standard errors.
   *
   * @param total the log-likelihood summed over every part with {@link #partialLogLikelihood}
   * @param customers the population's total weight (its number of customers), the penalizer's scale
   * @param options the fit options
   * @return the fitted model
   * @throws IllegalArgumentException when the starting values are not 4
   */
  public static BgNbd fit(SummedLikelihood total, double customers, FitOptions options) {
    Fitting.Estimates e = Fitting.maximiseWithGradient(
        "BG/NBD", new String[] {"r", "alpha", "a", "b"}, total::logLikelihood, customers, options);
    double[] v = e.values();
    return new BgNbd(v[0], v[1], v[2], v[3], e.fit());
  }

  /**
   * The log-likelihood of a population under given parameters.
   *
   * @param data the summaries
   * @param r the shape r
   * @param alpha the rate alpha
   * @param a the shape a
   * @param b the shape b
   * @return the log-likelihood
   */
  public static double logLikelihood(
      CustomerSummaries data, double r, double alpha, double a, double b) {
    double[] xs = data.xs();
    double[] txs = data.txs();
    double[] ts = data.ages();
    double constant = r * Math.log(alpha) - logGamma(r) - logBeta(a, b);
    XTable table = new XTable(data, x -> logGamma(r + x) + constant + logBeta(a, b + x));
    return Likelihoods.sum(data, i -> {
      double x = xs[i];
      double a1 = table.of(x);
      double a3 = -(r + x) * Math.log(alpha + ts[i]);
      if (x == 0) {
        return a1 + a3;
      }
      double a4 = Math.log(a) - Math.log(b + x - 1) - (r + x) * Math.log(alpha + txs[i]);
      return a1 + logAddExp(a3, a4);
    });
  }

  /** The log-likelihood and its gradient with respect to r, alpha, a and b (written into {@code gradient}). */
  static double logLikelihood(
      CustomerSummaries data, double r, double alpha, double a, double b, double[] gradient) {
    return logLikelihood(data, r, alpha, a, b, gradient, false);
  }

  /**
   * The BG/NBD log-likelihood and its gradient, or with {@code modified} the MBG/NBD's, which differs in letting a
   * customer drop out at time zero: b + x + 1 in place of b + x, and the dropout term for x = 0 too.
   */
  static double logLikelihood(
      CustomerSummaries data,
      double r,
      double alpha,
      double a,
      double b,
      double[] gradient,
      boolean modified) {
    double[] xs = data.xs();
    double[] txs = data.txs();
    double[] ts = data.ages();
    int shift = modified ? 1 : 0;
    double constant = r * Math.log(alpha) - logGamma(r) - logBeta(a, b);
    double psiR = digamma(r);
    double psiAB = digamma(a + b);
    double psiB = digamma(b);
    double logA = Math.log(a);
    XTable a1 = new XTable(data, x -> logGamma(r + x) + constant + logBeta(a, b + x + shift));
    XTable a4 = new XTable(data, x -> x + shift == 0 ? 0 : logA - Math.log(b + x - 1 + shift));
    XTable dr = new XTable(data, x -> digamma(r + x) - psiR + Math.log(alpha));
    XTable da = new XTable(data, x -> psiAB - digamma(a + b + x + shift));
    XTable db =
        new XTable(data, x -> digamma(b + x + shift) - digamma(a + b + x + shift) - psiB + psiAB);
    double rOverAlpha = r / alpha;
    return Likelihoods.sum(data, gradient, (i, g) -> {
      double x = xs[i];
      double logT = Math.log(alpha + ts[i]);
      double first = -(r + x) * logT;
      g[0] += dr.of(x);
      g[1] += rOverAlpha;
      g[2] += da.of(x);
      g[3] += db.of(x);
      if (x + shift == 0) {
        g[0] -= logT;
        g[1] -= r / (alpha + ts[i]);
        return a1.of(x) + first;
      }
      double logTx = Math.log(alpha + txs[i]);
      double second = a4.of(x) - (r + x) * logTx;
      // ln(e^first + e^second) and the weights of both terms in it.
      double d = second - first;
      double e = Math.exp(-Math.abs(d));
      double log = Math.max(first, second) + Math.log1p(e);
      double w2 = d > 0 ? 1 / (1 + e) : e / (1 + e);
      double w1 = 1 - w2;
      g[0] -= w1 * logT + w2 * logTx;
      g[1] -= (r + x) * (w1 / (alpha + ts[i]) + w2 / (alpha + txs[i]));
      g[2] += w2 / a;
      g[3] -= w2 / (b + x - 1 + shift);
      return a1.of(x) + log;
    });
  }

  private static boolean converged(double[] term, double[] sum) {
    for (int m = 0; m < term.length; m++) {
      if (term[m] > 1e-16 * sum[m]) {
        return false;
      }
    }
    return true;
  }

  /**
   * The probability that a customer is still alive at the end of the calibration period.
   *
   * @param x repeat purchases
   * @param tx recency
   * @param age age T
   * @return the probability, 1 for a customer without repeat purchases
   */
  @Override
  public double probabilityAlive(double x, double tx, double age) {
    if (x == 0) {
      return 1;
    }
    double ratio = Math.exp(Math.log(a)
        - Math.log(b + x - 1)
        + (r + x) * (Math.log(alpha + age) - Math.log(alpha + tx)));
    return 1 / (1 + ratio);
  }

  /**
   * The probability of being alive for every customer of a population, in their order: what
   * {@link #probabilityAlive(double, double, double)} gives each, computed over the primitive columns on both cores
   * for large populations.
   *
   * @param data the summaries
   * @return one probability per customer
   */
  @Override
  public double[] probabilityAlive(CustomerSummaries data) {
    double[] xs = data.xs();
    double[] txs = data.txs();
    double[] ts = data.ages();
    XTable dropout = new XTable(data, x -> x == 0 ? 0 : Math.log(a) - Math.log(b + x - 1));
    double[] alive = new double[data.size()];
    Likelihoods.forEach(data.size(), i -> {
      double x = xs[i];
      alive[i] = x == 0
          ? 1
          : 1
              / (1
                  + Math.exp(
                      dropout.of(x) + (r + x) * Math.log((alpha + ts[i]) / (alpha + txs[i]))));
    });
    return alive;
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
  @Override
  public double expectedPurchases(double t, double x, double tx, double age) {
    if (t <= 0) {
      return 0;
    }
    double hyp = hyp2f1(r + x, b + x, a + b + x - 1, t / (alpha + age + t));
    double first = (a + b + x - 1) / (a - 1);
    double second = 1 - Math.pow((alpha + age) / (alpha + age + t), r + x) * hyp;
    double alive = x > 0 ? 1 + a / (b + x - 1) * Math.pow((alpha + age) / (alpha + tx), r + x) : 1;
    return first * second / alive;
  }

  /**
   * E[X(t)] for a new customer: Fader, Hardie and Lee (2005), eq. 9.
   *
   * @param t the number of periods, not negative
   * @return the expected repeat purchases
   * @throws IllegalArgumentException when t is negative
   */
  @Override
  public double expectedPurchases(double t) {
    return BetaGeometric.expected(r, alpha, a, b, t);
  }

  /**
   * P(X(t) = n) for a new customer: Fader, Hardie and Lee (2005), eq. 8.
   *
   * @param n the number of purchases
   * @param t the number of periods
   * @return the probability
   * @throws IllegalArgumentException when n or t is negative
   */
  @Override
  public double probabilityOfPurchases(int n, double t) {
    return BetaGeometric.probability(r, alpha, a, b, t, n);
  }

  /**
   * P(X(T, T + t) = n | x, t_x, T): a customer who is alive buys as a new customer would under the updated
   * parameters (r + x, alpha + T, a, b + x); one who is not buys nothing.
   *
   * @param n the number of purchases
   * @param t the number of periods
   * @param x repeat purchases
   * @param tx recency
   * @param age age T
   * @return the probability
   * @throws IllegalArgumentException when n or t is negative
   */
  @Override
  public double probabilityOfPurchases(int n, double t, double x, double tx, double age) {
    double alive = probabilityAlive(x, tx, age);
    double living = BetaGeometric.probability(r + x, alpha + age, a, b + x, t, n);
    return alive * living + (n == 0 ? 1 - alive : 0);
  }

  /**
   * DERT: the customer's expected purchases from now on, discounted continuously at {@code delta} per period.
   *
   * @param delta the discount rate per period, positive
   * @param x repeat purchases
   * @param tx recency
   * @param age age T
   * @return the discounted expected residual purchases
   * @throws IllegalArgumentException when delta is not positive
   */
  @Override
  public double discountedResidualPurchases(double delta, double x, double tx, double age) {
    return probabilityAlive(x, tx, age)
        * BetaGeometric.discountedPurchases(r + x, alpha + age, a, b + x, delta);
  }

  /**
   * {@link #expectedPurchases(double, double, double, double)} at several positive horizons at once, written into
   * {@code out}. The hypergeometric series of all horizons share their coefficients, so they are summed together.
   */
  void expectedPurchases(double[] horizons, double x, double tx, double age, double[] out) {
    int n = horizons.length;
    double shape = r + x;
    double upper = b + x;
    double lower = a + b + x - 1;
    double base = alpha + age;
    double[] z = new double[n];
    double[] term = new double[n];
    double[] sum = new double[n];
    for (int m = 0; m < n; m++) {
      z[m] = horizons[m] / (base + horizons[m]);
      term[m] = 1;
      sum[m] = 1;
    }
    int slowest = 0;
    for (int m = 1; m < n; m++) {
      slowest = z[m] > z[slowest] ? m : slowest;
    }
    // All terms are positive and the largest z converges last: watch it alone, then confirm the
    // others.
    for (int k = 0; ; k++) {
      if (k == 1_000_000) {
        throw new ArithmeticException("2F1 series did not converge");
      }
      double ratio = (shape + k) * (upper + k) / ((lower + k) * (k + 1));
      for (int m = 0; m < n; m++) {
        term[m] *= ratio * z[m];
        sum[m] += term[m];
      }
      if (term[slowest] <= 1e-16 * sum[slowest] && converged(term, sum)) {
        break;
      }
    }
    double first = (a + b + x - 1) / (a - 1);
    double alive = x > 0 ? 1 + a / (b + x - 1) * Math.pow((alpha + age) / (alpha + tx), r + x) : 1;
    for (int m = 0; m < n; m++) {
      out[m] = horizons[m] <= 0
          ? 0
          : first * (1 - Math.pow(base / (base + horizons[m]), shape) * sum[m]) / alive;
    }
  }
}
