package dev.winback.lapse;

import static dev.winback.lapse.Numerics.digamma;
import static dev.winback.lapse.Numerics.logGamma;

import dev.winback.InvalidInputException;
import dev.winback.Problem;
import java.util.List;
import java.util.TreeMap;

/**
 * The Gamma-Gamma spend model (Fader, Hardie and Lee 2005, "RFM and CLV"): the value of a customer's purchases
 * varies around their mean, which varies across customers. Fitted on customers with repeat purchases and their mean
 * repeat purchase value, by BFGS on the analytic gradient over sufficient statistics: the terms in x alone are
 * summed once per distinct x, the terms in the mean spend m alone once per fit, and only ln(gamma + m x) is
 * computed per customer and evaluation. Immutable.
 *
 * @param p the shape of the spend per purchase
 * @param q the shape of the customers' mean spend rates
 * @param gamma the scale of the customers' mean spend rates
 * @param fit how the fit went
 *
 * @serial exclude
 */
public record GammaGamma(double p, double q, double gamma, Fit fit)
    implements java.io.Serializable {

  /**
   * Fits the model by maximum likelihood on the customers with repeat purchases and a known mean spend.
   *
   * @param data the customer summaries
   * @return the fitted model
   * @throws InvalidInputException when no customer has repeat purchases with a positive mean spend
   */
  public static GammaGamma fit(CustomerSummaries data) {
    return fit(data, FitOptions.defaults());
  }

  /**
   * Fits the model with options (penalizer, starting values p, q, gamma); rows count by their weights.
   *
   * @param data the customer summaries
   * @param options the fit options
   * @return the fitted model, with standard errors in its {@link Fit}
   * @throws InvalidInputException when no customer has repeat purchases with a positive mean spend
   * @throws IllegalArgumentException when the starting values are not three
   */
  public static GammaGamma fit(CustomerSummaries data, FitOptions options) {
    Statistics stats = Statistics.of(data);
    if (stats.customers == 0) {
      throw new InvalidInputException(
          "Gamma-Gamma",
          List.of(new Problem(
              "customers", "no customer has repeat purchases with a positive mean spend")));
    }
    Fitting.Estimates e = Fitting.maximiseWithGradient(
        "Gamma-Gamma",
        new String[] {"p", "q", "gamma"},
        (v, gradient) -> stats.logLikelihood(v[0], v[1], v[2], gradient),
        stats.customers,
        options);
    double[] v = e.values();
    return new GammaGamma(v[0], v[1], v[2], e.fit());
  }

  /**
   * The log-likelihood and its gradient over one part of a population (e.g. one partition of a cluster's data), to
   * be summed over the parts and fitted with {@link #fit(SummedLikelihood, double, FitOptions)}. A part without
   * customers contributes zero.
   *
   * @param part the part's summaries
   * @param parameters p, q, gamma
   * @param gradient receives this part's gradient with respect to each parameter
   * @return this part's log-likelihood
   * @throws IllegalArgumentException when the parameters are not 3
   */
  public static double partialLogLikelihood(
      CustomerSummaries part, double[] parameters, double[] gradient) {
    if (parameters.length != 3 || gradient.length != 3) {
      throw new IllegalArgumentException("Gamma-Gamma has 3 parameters: p, q, gamma");
    }
    if (part.size() == 0) {
      java.util.Arrays.fill(gradient, 0);
      return 0;
    }
    return Statistics.of(part).logLikelihood(parameters[0], parameters[1], parameters[2], gradient);
  }

  /**
   * Fits the model to a population held elsewhere, from its summed log-likelihood and gradient, as {@link
   * #fit(CustomerSummaries, FitOptions)} fits one held here: the same optimiser, penalizer and standard errors.
   *
   * @param total the log-likelihood summed over every part with {@link #partialLogLikelihood}
   * @param customers the population's total weight (its number of customers), the penalizer's scale
   * @param options the fit options
   * @return the fitted model
   * @throws IllegalArgumentException when the starting values are not 3
   */
  public static GammaGamma fit(SummedLikelihood total, double customers, FitOptions options) {
    Fitting.Estimates e = Fitting.maximiseWithGradient(
        "Gamma-Gamma", new String[] {"p", "q", "gamma"}, total::logLikelihood, customers, options);
    double[] v = e.values();
    return new GammaGamma(v[0], v[1], v[2], e.fit());
  }

  /**
   * The log-likelihood of the customers with repeat purchases and a positive mean spend.
   *
   * @param data the summaries
   * @param p the shape p
   * @param q the shape q
   * @param gamma the scale gamma
   * @return the log-likelihood
   */
  public static double logLikelihood(CustomerSummaries data, double p, double q, double gamma) {
    double[] xs = data.xs();
    double[] ms = data.spends();
    double constant = -logGamma(q) + q * Math.log(gamma);
    return Likelihoods.sum(data, i -> {
      double x = xs[i];
      double m = ms[i];
      if (!(x > 0) || !(m > 0)) {
        return 0;
      }
      return logGamma(p * x + q)
          - logGamma(p * x)
          + constant
          + (p * x - 1) * Math.log(m)
          + p * x * Math.log(x)
          - (p * x + q) * Math.log(gamma + m * x);
    });
  }

  /** The usable customers in compact columns and the sums that do not depend on the parameters. */
  static final class Statistics {
    private final double[] x;
    private final double[] mx;
    private final double[] w;
    private final double[] distinctX;
    private final double[] weightOfX;
    private final double customers;
    private final double sumXLogM;
    private final double sumLogM;
    private final double sumXLogX;

    private Statistics(
        double[] x,
        double[] mx,
        double[] w,
        double[] distinctX,
        double[] weightOfX,
        double customers,
        double sumXLogM,
        double sumLogM,
        double sumXLogX) {
      this.x = x;
      this.mx = mx;
      this.w = w;
      this.distinctX = distinctX;
      this.weightOfX = weightOfX;
      this.customers = customers;
      this.sumXLogM = sumXLogM;
      this.sumLogM = sumLogM;
      this.sumXLogX = sumXLogX;
    }

    static Statistics of(CustomerSummaries data) {
      int usable = 0;
      for (int i = 0; i < data.size(); i++) {
        usable += data.x(i) > 0 && data.meanSpend(i) > 0 && data.weight(i) > 0 ? 1 : 0;
      }
      double[] x = new double[usable];
      double[] mx = new double[usable];
      double[] w = new double[usable];
      // x is a whole number: the weight of each x in an array indexed by x (a tree map beyond a
      // million)
      int maxX = 0;
      for (int i = 0; i < data.size(); i++) {
        maxX = Math.max(maxX, (int) Math.min(data.x(i), Integer.MAX_VALUE - 1));
      }
      double[] byIndex = maxX <= 1_000_000 ? new double[maxX + 1] : new double[0];
      TreeMap<Double, Double> byX = new TreeMap<>();
      double customers = 0;
      double sumXLogM = 0;
      double sumLogM = 0;
      int k = 0;
      for (int i = 0; i < data.size(); i++) {
        double xi = data.x(i);
        double m = data.meanSpend(i);
        double wi = data.weight(i);
        if (xi > 0 && m > 0 && wi > 0) {
          x[k] = xi;
          mx[k] = m * xi;
          w[k] = wi;
          k++;
          if (xi < byIndex.length) {
            byIndex[(int) xi] += wi;
          } else {
            byX.merge(xi, wi, Double::sum);
          }
          customers += wi;
          double logM = Math.log(m);
          sumXLogM += wi * xi * logM;
          sumLogM += wi * logM;
        }
      }
      for (int value = 1; value < byIndex.length; value++) {
        if (byIndex[value] > 0) {
          byX.put((double) value, byIndex[value]);
        }
      }
      double[] distinctX = new double[byX.size()];
      double[] weightOfX = new double[byX.size()];
      double sumXLogX = 0;
      int j = 0;
      for (var entry : byX.entrySet()) {
        distinctX[j] = entry.getKey();
        weightOfX[j] = entry.getValue();
        sumXLogX += weightOfX[j] * distinctX[j] * Math.log(distinctX[j]);
        j++;
      }
      return new Statistics(x, mx, w, distinctX, weightOfX, customers, sumXLogM, sumLogM, sumXLogX);
    }

    /** The log-likelihood and its gradient with respect to p, q and gamma. */
    double logLikelihood(double p, double q, double gamma, double[] gradient) {
      // Per customer: sums of w x ln(g + m x), w ln(g + m x), w x / (g + m x), w / (g + m x).
      double[] sums = new double[4];
      Likelihoods.sum(x.length, sums, (i, s) -> {
        double denominator = gamma + mx[i];
        double log = Math.log(denominator);
        double inverse = 1 / denominator;
        double wi = w[i];
        double wx = wi * x[i];
        s[0] += wx * log;
        s[1] += wi * log;
        s[2] += wx * inverse;
        s[3] += wi * inverse;
        return 0;
      });
      double value = customers * (q * Math.log(gamma) - logGamma(q))
          + p * sumXLogM
          - sumLogM
          + p * sumXLogX
          - p * sums[0]
          - q * sums[1];
      double dp = sumXLogM + sumXLogX - sums[0];
      double dq = customers * (Math.log(gamma) - digamma(q)) - sums[1];
      double dGamma = customers * q / gamma - p * sums[2] - q * sums[3];
      for (int j = 0; j < distinctX.length; j++) {
        double xj = distinctX[j];
        double wj = weightOfX[j];
        value += wj * (logGamma(p * xj + q) - logGamma(p * xj));
        double psi = digamma(p * xj + q);
        dp += wj * xj * (psi - digamma(p * xj));
        dq += wj * psi;
      }
      gradient[0] = dp;
      gradient[1] = dq;
      gradient[2] = dGamma;
      return value;
    }
  }

  /**
   * The expected value of a customer's future purchases, given their history.
   *
   * @param x repeat purchases
   * @param meanSpend their mean repeat purchase value (ignored when x is 0)
   * @return the expected value per purchase
   */
  public double expectedSpend(double x, double meanSpend) {
    double populationMean = p * gamma / (q - 1);
    if (x == 0 || !(meanSpend > 0)) {
      return populationMean;
    }
    return p * (gamma + x * meanSpend) / (p * x + q - 1);
  }

  /**
   * The expected value per future purchase of every customer of a population, in their order.
   *
   * @param data the summaries
   * @return one expected spend per customer
   */
  public double[] expectedSpends(CustomerSummaries data) {
    double[] spends = new double[data.size()];
    Likelihoods.forEach(data.size(), i -> spends[i] = expectedSpend(data.x(i), data.meanSpend(i)));
    return spends;
  }
}
