package dev.winback.lapse;

import static dev.winback.lapse.Numerics.hyp2f1;
import static dev.winback.lapse.Numerics.logAddExp;
import static dev.winback.lapse.Numerics.logGamma;
import static dev.winback.lapse.Numerics.logSubExp;


/**
 * The Pareto/NBD model (Schmittlein, Morrison and Colombo 1987): Poisson purchases at a gamma-distributed rate
 * (r, alpha) and an exponential lifetime with a gamma-distributed dropout rate (s, beta). The likelihood follows
 * Fader and Hardie's note, with the Gauss hypergeometric term taken on the side (alpha or beta) that keeps its
 * argument below 1 and combined in log space. Immutable.
 *
 * @param r the shape of the purchase rate
 * @param alpha the rate of the purchase rate
 * @param s the shape of the dropout rate
 * @param beta the rate of the dropout rate
 * @param fit how the fit went
 */
public record ParetoNbd(double r, double alpha, double s, double beta, Fit fit) {

  /**
   * Fits the model by maximum likelihood.
   *
   * @param data the customer summaries
   * @return the fitted model
   * @throws dev.winback.InvalidInputException when the data cannot be fitted
   */
  public static ParetoNbd fit(CustomerSummaries data) {
    Likelihoods.requireFittable(data, "Pareto/NBD");
    Fitting.Estimates e = Fitting.maximise("Pareto/NBD", new String[] {"r", "alpha", "s", "beta"},
        v -> logLikelihood(data, v[0], v[1], v[2], v[3]));
    double[] v = e.values();
    return new ParetoNbd(v[0], v[1], v[2], v[3], e.fit());
  }

  /**
   * The log-likelihood of a population under given parameters.
   *
   * @param data the summaries
   * @param r the shape r
   * @param alpha the rate alpha
   * @param s the shape s
   * @param beta the rate beta
   * @return the log-likelihood
   */
  public static double logLikelihood(CustomerSummaries data, double r, double alpha, double s, double beta) {
    double[] xs = data.xs();
    double[] txs = data.txs();
    double[] ts = data.ages();
    double constant = -logGamma(r) + r * Math.log(alpha) + s * Math.log(beta);
    XTable table = new XTable(data, x -> logGamma(r + x) + constant);
    return Likelihoods.sum(data.size(), i -> {
      double x = xs[i];
      double a1 = table.of(x);
      double a2 = logAddExp(-(r + x) * Math.log(alpha + ts[i]) - s * Math.log(beta + ts[i]),
          Math.log(s) + logA0(r, alpha, s, beta, x, txs[i], ts[i]) - Math.log(r + s + x));
      return a1 + a2;
    });
  }

  /** ln A0 of the likelihood: the hypergeometric part, for whichever of alpha and beta is larger. */
  static double logA0(double r, double alpha, double s, double beta, double x, double tx, double age) {
    double max;
    double min;
    double t;
    if (alpha < beta) {
      min = alpha;
      max = beta;
      t = r + x;
    } else {
      min = beta;
      max = alpha;
      t = s + 1;
    }
    double rsx = r + s + x;
    double diff = max - min;
    double p1 = hyp2f1(rsx, t, rsx + 1, diff / (max + tx));
    double p2 = hyp2f1(rsx, t, rsx + 1, diff / (max + age));
    double q1 = max + tx;
    double q2 = max + age;
    return logSubExp(Math.log(p1) + rsx * Math.log(q2), Math.log(p2) + rsx * Math.log(q1))
        - rsx * (Math.log(q1) + Math.log(q2));
  }

  /**
   * The probability that a customer is still alive at the end of the calibration period.
   *
   * @param x repeat purchases
   * @param tx recency
   * @param age age T
   * @return the probability
   */
  public double probabilityAlive(double x, double tx, double age) {
    double logRatio = Math.log(s) - Math.log(r + s + x) + (r + x) * Math.log(alpha + age)
        + s * Math.log(beta + age) + logA0(r, alpha, s, beta, x, tx, age);
    return 1 / (1 + Math.exp(logRatio));
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
    double first = (r + x) * (beta + age) / ((alpha + age) * (s - 1));
    double second = 1 - Math.pow((beta + age) / (beta + age + t), s - 1);
    return first * second * probabilityAlive(x, tx, age);
  }
}
