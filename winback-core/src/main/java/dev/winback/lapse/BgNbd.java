package dev.winback.lapse;

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
 */
public record BgNbd(double r, double alpha, double a, double b, Fit fit) {

  /**
   * Fits the model by maximum likelihood.
   *
   * @param data the customer summaries
   * @return the fitted model
   * @throws dev.winback.InvalidInputException when the data cannot be fitted (nobody, no repeat buyer)
   */
  public static BgNbd fit(CustomerSummaries data) {
    Likelihoods.requireFittable(data, "BG/NBD");
    Fitting.Estimates e = Fitting.maximise("BG/NBD", new String[] {"r", "alpha", "a", "b"},
        v -> logLikelihood(data, v[0], v[1], v[2], v[3]));
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
  public static double logLikelihood(CustomerSummaries data, double r, double alpha, double a, double b) {
    double[] xs = data.xs();
    double[] txs = data.txs();
    double[] ts = data.ages();
    double constant = r * Math.log(alpha) - logGamma(r) - logBeta(a, b);
    XTable table = new XTable(data, x -> logGamma(r + x) + constant + logBeta(a, b + x));
    return Likelihoods.sum(data.size(), i -> {
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

  /**
   * The probability that a customer is still alive at the end of the calibration period.
   *
   * @param x repeat purchases
   * @param tx recency
   * @param age age T
   * @return the probability, 1 for a customer without repeat purchases
   */
  public double probabilityAlive(double x, double tx, double age) {
    if (x == 0) {
      return 1;
    }
    double ratio = Math.exp(Math.log(a) - Math.log(b + x - 1) + (r + x) * (Math.log(alpha + age) - Math.log(alpha + tx)));
    return 1 / (1 + ratio);
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
  public double expectedPurchases(double t, double x, double tx, double age) {
    if (t <= 0) {
      return 0;
    }
    double hyp = hyp2f1(r + x, b + x, a + b + x - 1, t / (alpha + age + t));
    double first = (a + b + x - 1) / (a - 1);
    double second = 1 - Math.pow((alpha + age) / (alpha + age + t), r + x) * hyp;
    double alive = x > 0
        ? 1 + a / (b + x - 1) * Math.pow((alpha + age) / (alpha + tx), r + x)
        : 1;
    return first * second / alive;
  }
}
