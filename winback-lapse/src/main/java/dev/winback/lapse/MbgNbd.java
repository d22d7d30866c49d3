package dev.winback.lapse;

import static dev.winback.lapse.Numerics.hyp2f1;
import static dev.winback.lapse.Numerics.logAddExp;
import static dev.winback.lapse.Numerics.logBeta;
import static dev.winback.lapse.Numerics.logGamma;

/**
 * The MBG/NBD model (Batislam, Denizel and Filiztekin 2007): the BG/NBD with a dropout chance at time zero too,
 * so customers without repeat purchases can be dead. Immutable.
 *
 * @param r the shape of the purchase rate
 * @param alpha the rate of the purchase rate
 * @param a the first shape of the dropout probability
 * @param b the second shape of the dropout probability
 * @param fit how the fit went
 *
 * @serial exclude
 */
public record MbgNbd(double r, double alpha, double a, double b, Fit fit)
    implements PurchaseModel, java.io.Serializable {

  /**
   * Fits the model by maximum likelihood.
   *
   * @param data the customer summaries
   * @return the fitted model
   * @throws dev.winback.InvalidInputException when the data cannot be fitted
   */
  public static MbgNbd fit(CustomerSummaries data) {
    return fit(data, FitOptions.defaults());
  }

  /**
   * Fits the model by maximum likelihood with options (penalizer, starting values r, alpha, a, b); rows count by
   * their weights.
   *
   * @param data the customer summaries
   * @param options the fit options
   * @return the fitted model, with standard errors in its {@link Fit}
   * @throws dev.winback.InvalidInputException when the data cannot be fitted
   * @throws IllegalArgumentException when the starting values are not four
   */
  public static MbgNbd fit(CustomerSummaries data, FitOptions options) {
    Likelihoods.requireFittable(data, "MBG/NBD");
    Fitting.Estimates e = Fitting.maximiseWithGradient(
        "MBG/NBD",
        new String[] {"r", "alpha", "a", "b"},
        (v, gradient) -> BgNbd.logLikelihood(data, v[0], v[1], v[2], v[3], gradient, true),
        data.totalWeight(),
        options);
    double[] v = e.values();
    return new MbgNbd(v[0], v[1], v[2], v[3], e.fit());
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
      throw new IllegalArgumentException("MBG/NBD has 4 parameters: r, alpha, a, b");
    }
    if (part.size() == 0) {
      java.util.Arrays.fill(gradient, 0);
      return 0;
    }
    return BgNbd.logLikelihood(
        part, parameters[0], parameters[1], parameters[2], parameters[3], gradient, true);
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
  public static MbgNbd fit(SummedLikelihood total, double customers, FitOptions options) {
    Fitting.Estimates e = Fitting.maximiseWithGradient(
        "MBG/NBD", new String[] {"r", "alpha", "a", "b"}, total::logLikelihood, customers, options);
    double[] v = e.values();
    return new MbgNbd(v[0], v[1], v[2], v[3], e.fit());
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
    XTable table = new XTable(data, x -> logGamma(r + x) + constant + logBeta(a, b + x + 1));
    return Likelihoods.sum(data, i -> {
      double x = xs[i];
      double a1 = table.of(x);
      double a3 = -(r + x) * Math.log(alpha + ts[i]);
      double a4 = Math.log(a) - Math.log(b + x) - (r + x) * Math.log(alpha + txs[i]);
      return a1 + logAddExp(a3, a4);
    });
  }

  /**
   * The probability that a customer is still alive at the end of the calibration period.
   *
   * @param x repeat purchases
   * @param tx recency
   * @param age age T
   * @return the probability
   */
  @Override
  public double probabilityAlive(double x, double tx, double age) {
    return 1 / (1 + a / (b + x) * Math.pow((alpha + age) / (alpha + tx), r + x));
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
    double hyp = hyp2f1(r + x, b + x + 1, a + b + x, t / (alpha + age + t));
    double first = (a + b + x) / (a - 1);
    double second = 1 - Math.pow((alpha + age) / (alpha + age + t), r + x) * hyp;
    return first * second * probabilityAlive(x, tx, age);
  }

  /**
   * E[X(t)] for a new customer (Batislam, Denizel and Filiztekin 2007): with probability a / (a + b) they drop out
   * at once, else they buy as under the BG/NBD with b + 1.
   *
   * @param t the number of periods, not negative
   * @return the expected repeat purchases
   * @throws IllegalArgumentException when t is negative
   */
  @Override
  public double expectedPurchases(double t) {
    return b / (a + b) * BetaGeometric.expected(r, alpha, a, b + 1, t);
  }

  /**
   * P(X(t) = n) for a new customer: a dropout at time zero (probability a / (a + b)) buys nothing, a survivor buys
   * as under the BG/NBD with b + 1.
   *
   * @param n the number of purchases
   * @param t the number of periods
   * @return the probability
   * @throws IllegalArgumentException when n or t is negative
   */
  @Override
  public double probabilityOfPurchases(int n, double t) {
    double survivor = b / (a + b) * BetaGeometric.probability(r, alpha, a, b + 1, t, n);
    return survivor + (n == 0 ? a / (a + b) : 0);
  }

  /**
   * P(X(T, T + t) = n | x, t_x, T): a living customer buys as under the BG/NBD with r + x, alpha + T, a, b + x + 1.
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
    double living = BetaGeometric.probability(r + x, alpha + age, a, b + x + 1, t, n);
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
        * BetaGeometric.discountedPurchases(r + x, alpha + age, a, b + x + 1, delta);
  }
}
