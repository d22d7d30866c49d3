package dev.winback.lapse;

import static dev.winback.lapse.Numerics.digamma;
import static dev.winback.lapse.Numerics.logGamma;

/**
 * The NBD model (Ehrenberg 1959; BTYDplus's {@code nbd}): Poisson purchases at a gamma-distributed rate (shape r,
 * rate alpha) and no dropout, the benchmark the "buy till you die" models improve on. Every customer is alive.
 * Immutable.
 *
 * @param r the shape of the purchase rate
 * @param alpha the rate of the purchase rate
 * @param fit how the fit went
 *
 * @serial exclude
 */
public record Nbd(double r, double alpha, Fit fit) implements PurchaseModel, java.io.Serializable {

  /**
   * Fits the model by maximum likelihood.
   *
   * @param data the customer summaries (only x and T matter)
   * @return the fitted model
   * @throws dev.winback.InvalidInputException when the data cannot be fitted
   */
  public static Nbd fit(CustomerSummaries data) {
    return fit(data, FitOptions.defaults());
  }

  /**
   * Fits the model by maximum likelihood with options (penalizer, starting values r, alpha); rows count by their
   * weights.
   *
   * @param data the customer summaries
   * @param options the fit options
   * @return the fitted model, with standard errors in its {@link Fit}
   * @throws dev.winback.InvalidInputException when the data cannot be fitted
   * @throws IllegalArgumentException when the starting values are not two
   */
  public static Nbd fit(CustomerSummaries data, FitOptions options) {
    Likelihoods.requireFittable(data, "NBD");
    Fitting.Estimates e = Fitting.maximiseWithGradient(
        "NBD",
        new String[] {"r", "alpha"},
        (v, gradient) -> logLikelihood(data, v[0], v[1], gradient),
        data.totalWeight(),
        options);
    return new Nbd(e.values()[0], e.values()[1], e.fit());
  }

  /**
   * The log-likelihood and its gradient over one part of a population (e.g. one partition of a cluster's data), to
   * be summed over the parts and fitted with {@link #fit(SummedLikelihood, double, FitOptions)}. A part without
   * customers contributes zero.
   *
   * @param part the part's summaries
   * @param parameters r, alpha
   * @param gradient receives this part's gradient with respect to each parameter
   * @return this part's log-likelihood
   * @throws IllegalArgumentException when the parameters are not 2
   */
  public static double partialLogLikelihood(
      CustomerSummaries part, double[] parameters, double[] gradient) {
    if (parameters.length != 2 || gradient.length != 2) {
      throw new IllegalArgumentException("NBD has 2 parameters: r, alpha");
    }
    if (part.size() == 0) {
      java.util.Arrays.fill(gradient, 0);
      return 0;
    }
    return logLikelihood(part, parameters[0], parameters[1], gradient);
  }

  /**
   * Fits the model to a population held elsewhere, from its summed log-likelihood and gradient, as {@link
   * #fit(CustomerSummaries, FitOptions)} fits one held here: the same optimiser, penalizer and standard errors.
   *
   * @param total the log-likelihood summed over every part with {@link #partialLogLikelihood}
   * @param customers the population's total weight (its number of customers), the penalizer's scale
   * @param options the fit options
   * @return the fitted model
   * @throws IllegalArgumentException when the starting values are not 2
   */
  public static Nbd fit(SummedLikelihood total, double customers, FitOptions options) {
    Fitting.Estimates e = Fitting.maximiseWithGradient(
        "NBD", new String[] {"r", "alpha"}, total::logLikelihood, customers, options);
    double[] v = e.values();
    return new Nbd(v[0], v[1], e.fit());
  }

  /**
   * The log-likelihood of a population: per customer ln Γ(r + x) - ln Γ(r) + r ln alpha - (r + x) ln(alpha + T),
   * the timing likelihood the BG/NBD's reduces to without dropout.
   *
   * @param data the summaries
   * @param r the shape r
   * @param alpha the rate alpha
   * @return the log-likelihood
   */
  public static double logLikelihood(CustomerSummaries data, double r, double alpha) {
    return logLikelihood(data, r, alpha, new double[2]);
  }

  static double logLikelihood(CustomerSummaries data, double r, double alpha, double[] gradient) {
    double[] xs = data.xs();
    double[] ts = data.ages();
    double constant = r * Math.log(alpha) - logGamma(r);
    double psiR = digamma(r);
    XTable a1 = new XTable(data, x -> logGamma(r + x) + constant);
    XTable dr = new XTable(data, x -> digamma(r + x) - psiR + Math.log(alpha));
    return Likelihoods.sum(data, gradient, (i, g) -> {
      double x = xs[i];
      double logT = Math.log(alpha + ts[i]);
      g[0] += dr.of(x) - logT;
      g[1] += r / alpha - (r + x) / (alpha + ts[i]);
      return a1.of(x) - (r + x) * logT;
    });
  }

  /**
   * Always 1: the NBD has no dropout.
   *
   * @param x repeat purchases
   * @param tx recency
   * @param age age T
   * @return 1
   */
  @Override
  public double probabilityAlive(double x, double tx, double age) {
    return 1;
  }

  /**
   * (r + x) / (alpha + T) t: the posterior mean rate times the horizon.
   *
   * @param t the number of periods
   * @param x repeat purchases
   * @param tx recency
   * @param age age T
   * @return the expected purchases
   */
  @Override
  public double expectedPurchases(double t, double x, double tx, double age) {
    return t <= 0 ? 0 : (r + x) / (alpha + age) * t;
  }

  /**
   * r t / alpha.
   *
   * @param t the number of periods, not negative
   * @return the expected purchases
   * @throws IllegalArgumentException when t is negative
   */
  @Override
  public double expectedPurchases(double t) {
    if (!(t >= 0)) {
      throw new IllegalArgumentException("t must be zero or more periods, was " + t);
    }
    return r * t / alpha;
  }

  /**
   * The negative binomial probability of n purchases in t periods.
   *
   * @param n the number of purchases
   * @param t the number of periods
   * @return the probability
   * @throws IllegalArgumentException when n or t is negative
   */
  @Override
  public double probabilityOfPurchases(int n, double t) {
    BetaGeometric.requirePeriods(n, t);
    return BetaGeometric.nbd(r, alpha, t, n)[n];
  }

  /**
   * The negative binomial probability under the posterior r + x, alpha + T.
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
    BetaGeometric.requirePeriods(n, t);
    return BetaGeometric.nbd(r + x, alpha + age, t, n)[n];
  }

  /**
   * (r + x) / ((alpha + T) delta): a constant expected rate discounted over an unlimited horizon.
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
    if (!(delta > 0)) {
      throw new IllegalArgumentException("the discount rate must be positive, was " + delta);
    }
    return (r + x) / ((alpha + age) * delta);
  }
}
