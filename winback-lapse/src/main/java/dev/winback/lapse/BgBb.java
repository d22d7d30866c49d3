package dev.winback.lapse;

import static dev.winback.lapse.Numerics.logBeta;
import static dev.winback.lapse.Numerics.logGamma;

import dev.winback.InvalidInputException;
import dev.winback.Problem;
import java.util.ArrayList;
import java.util.List;

/**
 * The BG/BB model (Fader, Hardie and Shang 2010, "Customer-base analysis in a discrete-time noncontractual
 * setting"): at each of n discrete opportunities (a yearly appeal, a weekly event) a living customer transacts with
 * probability p (beta(alpha, beta) across customers), and before each opportunity drops out for good with
 * probability theta (beta(gamma, delta)). Summaries are x transactions, the opportunity t_x of the last one (0
 * without any) and the number n of opportunities, as the {@code x}, {@code tx} and {@code age} of
 * {@link CustomerSummaries}; times are whole numbers of opportunities (a fraction is dropped). Immutable.
 *
 * @param alpha the first shape of the transaction probability
 * @param beta the second shape of the transaction probability
 * @param gamma the first shape of the dropout probability
 * @param delta the second shape of the dropout probability
 * @param fit how the fit went
 *
 * @serial exclude
 */
public record BgBb(double alpha, double beta, double gamma, double delta, Fit fit)
    implements PurchaseModel, java.io.Serializable {

  /**
   * Fits the model by maximum likelihood.
   *
   * @param data the summaries, in whole opportunities (a weighted recency-frequency matrix fits as it is)
   * @return the fitted model
   * @throws InvalidInputException when the data are not whole numbers of opportunities or cannot be fitted
   */
  public static BgBb fit(CustomerSummaries data) {
    return fit(data, FitOptions.defaults());
  }

  /**
   * Fits the model by maximum likelihood with options (penalizer, starting values alpha, beta, gamma, delta), by
   * Nelder-Mead on the logarithms of the parameters.
   *
   * @param data the summaries, in whole opportunities
   * @param options the fit options
   * @return the fitted model, with standard errors in its {@link Fit}
   * @throws InvalidInputException when the data are not whole numbers of opportunities or cannot be fitted
   * @throws IllegalArgumentException when the starting values are not four
   */
  public static BgBb fit(CustomerSummaries data, FitOptions options) {
    Likelihoods.requireFittable(data, "BG/BB");
    List<Problem> problems = new ArrayList<>();
    for (int i = 0; i < data.size() && problems.size() < 100; i++) {
      if (data.tx(i) != Math.rint(data.tx(i)) || data.age(i) != Math.rint(data.age(i))) {
        problems.add(new Problem(
            "customers[" + data.id(i) + "]", "t_x and n must be whole numbers of opportunities"));
      } else if (data.x(i) > data.tx(i)) {
        problems.add(new Problem("customers[" + data.id(i) + "].x", "cannot exceed t_x"));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException("BG/BB", problems);
    }
    Fitting.Estimates e = Fitting.maximise(
        "BG/BB",
        new String[] {"alpha", "beta", "gamma", "delta"},
        v -> logLikelihood(data, v[0], v[1], v[2], v[3]),
        data.totalWeight(),
        options);
    double[] v = e.values();
    return new BgBb(v[0], v[1], v[2], v[3], e.fit());
  }

  /**
   * The log-likelihood of a population under given parameters (Fader, Hardie and Shang 2010, eq. 5).
   *
   * @param data the summaries
   * @param alpha the shape alpha
   * @param beta the shape beta
   * @param gamma the shape gamma
   * @param delta the shape delta
   * @return the log-likelihood
   */
  public static double logLikelihood(
      CustomerSummaries data, double alpha, double beta, double gamma, double delta) {
    BgBb model =
        new BgBb(alpha, beta, gamma, delta, new Fit("BG/BB", java.util.Map.of(), 0, 0, false));
    return Likelihoods.sum(data, i -> model.logLikelihood(data.x(i), data.tx(i), data.age(i)));
  }

  /** ln L(x, t_x, n), the sum over the opportunities after t_x at which the customer may have dropped out. */
  double logLikelihood(double x, double tx, double n) {
    double logAB = logBeta(alpha, beta);
    double logGD = logBeta(gamma, delta);
    double alive = logBeta(alpha + x, beta + n - x) - logAB + logBeta(gamma, delta + n) - logGD;
    int dropouts = (int) (n - tx);
    if (dropouts <= 0) {
      return alive;
    }
    // term i: B(alpha + x, beta + t_x - x + i) B(gamma + 1, delta + t_x + i), by their ratios from
    // i = 0.
    double first =
        logBeta(alpha + x, beta + tx - x) - logAB + logBeta(gamma + 1, delta + tx) - logGD;
    double sum = 0;
    double term = 1;
    for (int i = 0; i < dropouts; i++) {
      sum += term;
      term *= (beta + tx - x + i)
          / (alpha + beta + tx + i)
          * (delta + tx + i)
          / (gamma + delta + tx + i + 1);
    }
    return Numerics.logAddExp(alive, first + Math.log(sum));
  }

  /**
   * The probability that a customer is alive after the last opportunity n (lifetimes' {@code
   * conditional_probability_alive} with no periods ahead; BTYD's {@code bgbb.PAlive} is
   * {@link #probabilityAliveAfter probabilityAliveAfter(1, ...)}).
   *
   * @param x transactions
   * @param tx the opportunity of the last one
   * @param n the number of opportunities
   * @return the probability
   */
  @Override
  public double probabilityAlive(double x, double tx, double n) {
    return probabilityAliveAfter(0, x, tx, n);
  }

  /**
   * The probability that a customer is alive {@code t} opportunities after n, if they do not transact until then.
   *
   * @param t whole opportunities from n, not negative
   * @param x transactions
   * @param tx the opportunity of the last one
   * @param n the number of opportunities
   * @return the probability
   * @throws IllegalArgumentException when t is negative
   */
  @Override
  public double probabilityAliveAfter(double t, double x, double tx, double n) {
    if (!(t >= 0)) {
      throw new IllegalArgumentException("t must be zero or more periods, was " + t);
    }
    double m = Math.floor(t);
    double alive = logBeta(alpha + x, beta + n + m - x)
        - logBeta(alpha, beta)
        + logBeta(gamma, delta + n + m)
        - logBeta(gamma, delta);
    return Math.min(1, Math.exp(alive - logLikelihood(x, tx, n + m)));
  }

  /**
   * The transactions expected in the next {@code t} opportunities (Fader, Hardie and Shang 2010, eq. 13), as
   * P(alive) times the posterior mean transaction probability times the expected surviving opportunities.
   *
   * @param t whole opportunities
   * @param x transactions
   * @param tx the opportunity of the last one
   * @param n the number of opportunities
   * @return the expected transactions
   */
  @Override
  public double expectedPurchases(double t, double x, double tx, double n) {
    if (t < 1) {
      return 0;
    }
    return probabilityAlive(x, tx, n)
        * (alpha + x)
        / (alpha + beta + n)
        * survivingOpportunities(delta + n, t);
  }

  /** The sum over k = 1..t of P(alive at opportunity k | alive at 0) for dropout shapes gamma and d. */
  private double survivingOpportunities(double d, double t) {
    int m = (int) Math.floor(t);
    double sum = 0;
    double alive = 1;
    for (int k = 0; k < m; k++) {
      alive *= (d + k) / (gamma + d + k);
      sum += alive;
    }
    return sum;
  }

  /**
   * E[X(n)]: the transactions a new customer is expected to make in their first {@code t} opportunities.
   *
   * @param t whole opportunities, not negative
   * @return the expected transactions
   * @throws IllegalArgumentException when t is negative
   */
  @Override
  public double expectedPurchases(double t) {
    if (!(t >= 0)) {
      throw new IllegalArgumentException("t must be zero or more periods, was " + t);
    }
    return alpha / (alpha + beta) * survivingOpportunities(delta, t);
  }

  /**
   * P(X(n) = x) for a new customer (Fader, Hardie and Shang 2010, eq. 7).
   *
   * @param x transactions
   * @param t whole opportunities
   * @return the probability
   * @throws IllegalArgumentException when x or t is negative
   */
  @Override
  public double probabilityOfPurchases(int x, double t) {
    return probability(alpha, beta, gamma, delta, (int) Math.floor(t), x);
  }

  private static double probability(
      double alpha, double beta, double gamma, double delta, int n, int x) {
    BetaGeometric.requirePeriods(x, n);
    if (x > n) {
      return 0;
    }
    double logAB = logBeta(alpha, beta);
    double logGD = logBeta(gamma, delta);
    double result = Math.exp(logChoose(n, x)
        + logBeta(alpha + x, beta + n - x)
        - logAB
        + logBeta(gamma, delta + n)
        - logGD);
    for (int i = x; i < n; i++) {
      result += Math.exp(logChoose(i, x)
          + logBeta(alpha + x, beta + i - x)
          - logAB
          + logBeta(gamma + 1, delta + i)
          - logGD);
    }
    return result;
  }

  private static double logChoose(int n, int k) {
    return logGamma(n + 1.0) - logGamma(k + 1.0) - logGamma(n - k + 1.0);
  }

  /**
   * P(X(n, n + t) = x* | x, t_x, n): a living customer transacts as a new one would under alpha + x,
   * beta + n - x, gamma, delta + n.
   *
   * @param future transactions in the next t opportunities
   * @param t whole opportunities
   * @param x transactions
   * @param tx the opportunity of the last one
   * @param n the number of opportunities
   * @return the probability
   * @throws IllegalArgumentException when future or t is negative
   */
  @Override
  public double probabilityOfPurchases(int future, double t, double x, double tx, double n) {
    double alive = probabilityAlive(x, tx, n);
    double living =
        probability(alpha + x, beta + n - x, gamma, delta + n, (int) Math.floor(t), future);
    return alive * living + (future == 0 ? 1 - alive : 0);
  }

  /**
   * DERT: the transactions expected at the coming opportunities, opportunity k discounted by e^(-rate k) (for a
   * discount rate d per opportunity, rate = ln(1 + d), as in Fader, Hardie and Shang 2010, eq. 14).
   *
   * @param rate the continuous discount rate per opportunity, positive
   * @param x transactions
   * @param tx the opportunity of the last one
   * @param n the number of opportunities
   * @return the discounted expected residual transactions
   * @throws IllegalArgumentException when the rate is not positive
   */
  @Override
  public double discountedResidualPurchases(double rate, double x, double tx, double n) {
    if (!(rate > 0)) {
      throw new IllegalArgumentException("the discount rate must be positive, was " + rate);
    }
    double d = delta + n;
    double discount = Math.exp(-rate);
    double sum = 0;
    double term = 1;
    for (int k = 0; k < 10_000_000; k++) {
      term *= (d + k) / (gamma + d + k) * discount;
      sum += term;
      if (term <= 1e-16 * sum) {
        break;
      }
    }
    return probabilityAlive(x, tx, n) * (alpha + x) / (alpha + beta + n) * sum;
  }
}
