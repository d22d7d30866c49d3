package dev.winback.lapse;

import static dev.winback.lapse.Numerics.logGamma;

import dev.winback.InvalidInputException;
import dev.winback.Problem;
import java.util.List;

/**
 * The Gamma-Gamma spend model (Fader, Hardie and Lee 2005, "RFM and CLV"): the value of a customer's purchases
 * varies around their mean, which varies across customers. Fitted on customers with repeat purchases and their mean
 * repeat purchase value. Immutable.
 *
 * @param p the shape of the spend per purchase
 * @param q the shape of the customers' mean spend rates
 * @param gamma the scale of the customers' mean spend rates
 * @param fit how the fit went
 */
public record GammaGamma(double p, double q, double gamma, Fit fit) {

  /**
   * Fits the model by maximum likelihood on the customers with repeat purchases and a known mean spend.
   *
   * @param data the customer summaries
   * @return the fitted model
   * @throws InvalidInputException when no customer has repeat purchases with a positive mean spend
   */
  public static GammaGamma fit(CustomerSummaries data) {
    int usable = 0;
    for (int i = 0; i < data.size(); i++) {
      usable += data.x(i) > 0 && data.meanSpend(i) > 0 ? 1 : 0;
    }
    if (usable == 0) {
      throw new InvalidInputException(
          "Gamma-Gamma",
          List.of(new Problem(
              "customers", "no customer has repeat purchases with a positive mean spend")));
    }
    Fitting.Estimates e = Fitting.maximise(
        "Gamma-Gamma",
        new String[] {"p", "q", "gamma"},
        v -> logLikelihood(data, v[0], v[1], v[2]));
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
    return Likelihoods.sum(data.size(), i -> {
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
}
