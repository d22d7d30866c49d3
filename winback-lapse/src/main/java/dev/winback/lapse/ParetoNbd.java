package dev.winback.lapse;

import static dev.winback.lapse.Numerics.digamma;
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
 *
 * @serial exclude
 */
public record ParetoNbd(double r, double alpha, double s, double beta, Fit fit)
    implements PurchaseModel, java.io.Serializable {
  /** Where the likelihood's series stop: a term this small relative to the sum (about 50 ulps) cannot move the fit. */
  private static final double SERIES_TOLERANCE = 1e-14;

  /**
   * Fits the model by maximum likelihood.
   *
   * @param data the customer summaries
   * @return the fitted model
   * @throws dev.winback.InvalidInputException when the data cannot be fitted
   */
  public static ParetoNbd fit(CustomerSummaries data) {
    return fit(data, FitOptions.defaults());
  }

  /**
   * Fits the model by maximum likelihood with options (penalizer, starting values r, alpha, s, beta); rows count
   * by their weights.
   *
   * @param data the customer summaries
   * @param options the fit options
   * @return the fitted model, with standard errors in its {@link Fit}
   * @throws dev.winback.InvalidInputException when the data cannot be fitted
   * @throws IllegalArgumentException when the starting values are not four
   */
  public static ParetoNbd fit(CustomerSummaries data, FitOptions options) {
    Likelihoods.requireFittable(data, "Pareto/NBD");
    Fitting.Estimates e = Fitting.maximiseWithGradient(
        "Pareto/NBD",
        new String[] {"r", "alpha", "s", "beta"},
        (v, gradient) -> logLikelihood(data, v[0], v[1], v[2], v[3], gradient),
        data.totalWeight(),
        options);
    double[] v = e.values();
    return new ParetoNbd(v[0], v[1], v[2], v[3], e.fit());
  }

  /**
   * The log-likelihood and its gradient over one part of a population (e.g. one partition of a cluster's data), to
   * be summed over the parts and fitted with {@link #fit(SummedLikelihood, double, FitOptions)}. A part without
   * customers contributes zero.
   *
   * @param part the part's summaries
   * @param parameters r, alpha, s, beta
   * @param gradient receives this part's gradient with respect to each parameter
   * @return this part's log-likelihood
   * @throws IllegalArgumentException when the parameters are not 4
   */
  public static double partialLogLikelihood(
      CustomerSummaries part, double[] parameters, double[] gradient) {
    if (parameters.length != 4 || gradient.length != 4) {
      throw new IllegalArgumentException("Pareto/NBD has 4 parameters: r, alpha, s, beta");
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
  public static ParetoNbd fit(SummedLikelihood total, double customers, FitOptions options) {
    Fitting.Estimates e = Fitting.maximiseWithGradient(
        "Pareto/NBD",
        new String[] {"r", "alpha", "s", "beta"},
        total::logLikelihood,
        customers,
        options);
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
  public static double logLikelihood(
      CustomerSummaries data, double r, double alpha, double s, double beta) {
    double[] xs = data.xs();
    double[] txs = data.txs();
    double[] ts = data.ages();
    double constant = -logGamma(r) + r * Math.log(alpha) + s * Math.log(beta);
    XTable table = new XTable(data, x -> logGamma(r + x) + constant);
    return Likelihoods.sum(data, i -> {
      double x = xs[i];
      double a1 = table.of(x);
      double a2 = logAddExp(
          -(r + x) * Math.log(alpha + ts[i]) - s * Math.log(beta + ts[i]),
          Math.log(s) + logA0(r, alpha, s, beta, x, txs[i], ts[i]) - Math.log(r + s + x));
      return a1 + a2;
    });
  }

  /**
   * The log-likelihood and its gradient with respect to r, alpha, s and beta (written into {@code gradient}).
   *
   * <p>Per customer the likelihood is Γ(r+x) α^r β^s / Γ(r) [(α+T)^-(r+x) (β+T)^-s + s / (r+s+x) A0] with
   * A0 = P1 - P2, Pi = 2F1(r+s+x, t; r+s+x+1; zi) / qi^(r+s+x). The hypergeometric series of both Pi share their
   * coefficients, and their derivatives are series over the same terms: d ln(term k)/d(r+s+x) = k / ((r+s+x)(r+s+x+k))
   * (the a and c parameters move together), d/dt adds 1/(t+j) for j below k, and d/dz is k/z.
   */
  static double logLikelihood(
      CustomerSummaries data, double r, double alpha, double s, double beta, double[] gradient) {
    double[] xs = data.xs();
    double[] txs = data.txs();
    double[] ts = data.ages();
    double constant = -logGamma(r) + r * Math.log(alpha) + s * Math.log(beta);
    XTable a1 = new XTable(data, x -> logGamma(r + x) + constant);
    double psiR = digamma(r);
    XTable dr = new XTable(data, x -> digamma(r + x) - psiR + Math.log(alpha));
    double logBeta = Math.log(beta);
    XTable logSOverRsx = new XTable(data, x -> Math.log(s) - Math.log(r + s + x));
    boolean alphaIsMax = alpha >= beta;
    double max = Math.max(alpha, beta);
    double min = Math.min(alpha, beta);
    double diff = max - min;
    // The series coefficients depend on a customer only through x: computed once per x, long enough
    // for the largest
    // argument any customer can have (t_x = 0).
    int maxX = 0;
    for (double x : xs) {
      maxX = Math.max(maxX, (int) Math.min(x, 100_000));
    }
    Series[] series = new Series[maxX + 1];
    for (double x : xs) {
      int k = (int) x;
      if (k < series.length && series[k] == null) {
        series[k] = Series.of(r + s + k, alphaIsMax ? s + 1 : r + k, diff / max);
      }
    }
    return Likelihoods.sum(data, gradient, (i, g) -> {
      double x = xs[i];
      double tx = txs[i];
      double age = ts[i];
      double rsx = r + s + x;
      double t = alphaIsMax ? s + 1 : r + x;
      double q1 = max + tx;
      double q2 = max + age;
      double z1 = diff / q1;
      double z2 = diff / q2;
      if (!(z1 < 1 && z2 < 1)) {
        throw new ArithmeticException("2F1 series needs 0 <= z < 1");
      }
      // Both series, with their derivative sums: value S, d/d(rsx) Sa, d/dt Sb, d/dz Sz (already
      // divided by z).
      double term1 = 1;
      double term2 = 1;
      double s1 = 1;
      double s2 = 1;
      double sa1 = 0;
      double sa2 = 0;
      double sb1 = 0;
      double sb2 = 0;
      double sz1 = 0;
      double sz2 = 0;
      Series c = (int) x < series.length ? series[(int) x] : Series.of(rsx, t, diff / max);
      for (int k = 1; ; k++) {
        if (k == c.ratio.length) {
          throw new ArithmeticException("2F1 series did not converge");
        }
        double n1 = term1 * c.ratio[k];
        double n2 = term2 * c.ratio[k];
        sz1 += k * n1;
        sz2 += k * n2;
        term1 = n1 * z1;
        term2 = n2 * z2;
        s1 += term1;
        s2 += term2;
        sa1 += term1 * c.da[k];
        sa2 += term2 * c.da[k];
        sb1 += term1 * c.harmonic[k];
        sb2 += term2 * c.harmonic[k];
        if (k * term1 <= SERIES_TOLERANCE * s1
            && k * term2 <= SERIES_TOLERANCE * s2
            && c.harmonic[k] * term1 <= SERIES_TOLERANCE * sb1) {
          break;
        }
      }
      double logQ1 = Math.log(q1);
      double logP1 = Math.log(s1) - rsx * logQ1;
      double logAlphaT = Math.log(alpha + age);
      double logBetaT = Math.log(beta + age);
      double logQ2 = alphaIsMax ? logAlphaT : logBetaT; // q2 = max + T
      double logP2 = Math.log(s2) - rsx * logQ2;
      double logT = -(r + x) * logAlphaT - s * logBetaT;
      double first0 = -logAlphaT;
      double first1 = -(r + x) / (alpha + age);
      double first2 = -logBetaT;
      double first3 = -s / (beta + age);
      if (!(logP1 > logP2)) {
        // t_x = T: the second term vanishes.
        g[0] += dr.of(x) + first0;
        g[1] += r / alpha + first1;
        g[2] += logBeta + first2;
        g[3] += s / beta + first3;
        return a1.of(x) + logT;
      }
      double logA0 = logSubExp(logP1, logP2);
      double logSecond = logSOverRsx.of(x) + logA0;
      double d = logSecond - logT;
      double e = Math.exp(-Math.abs(d));
      double log = Math.max(logT, logSecond) + Math.log1p(e);
      double w2 = d > 0 ? 1 / (1 + e) : e / (1 + e);
      double w1 = 1 - w2;
      // d ln A0 = (d ln P1 - rho d ln P2) / (1 - rho), rho = P2 / P1.
      double rho = Math.exp(logP2 - logP1);
      double scale = 1 / (1 - rho);
      double dRsx = ((sa1 / s1 - logQ1) - rho * (sa2 / s2 - logQ2)) * scale;
      double dT = (sb1 / s1 - rho * sb2 / s2) * scale;
      double dz1 = sz1 / s1;
      double dz2 = sz2 / s2;
      double dMax = ((dz1 * (min + tx) / (q1 * q1) - rsx / q1)
              - rho * (dz2 * (min + age) / (q2 * q2) - rsx / q2))
          * scale;
      double dMin = (-dz1 / q1 + rho * dz2 / q2) * scale;
      double second0 = -1 / rsx + dRsx + (alphaIsMax ? 0 : dT);
      double second2 = 1 / s - 1 / rsx + dRsx + (alphaIsMax ? dT : 0);
      double second1 = alphaIsMax ? dMax : dMin;
      double second3 = alphaIsMax ? dMin : dMax;
      g[0] += dr.of(x) + w1 * first0 + w2 * second0;
      g[1] += r / alpha + w1 * first1 + w2 * second1;
      g[2] += logBeta + w1 * first2 + w2 * second2;
      g[3] += s / beta + w1 * first3 + w2 * second3;
      return a1.of(x) + log;
    });
  }

  /**
   * The coefficients of 2F1(a, t; a + 1; z) and its derivative series for one x: the ratio of term k to term k - 1
   * (without z), the harmonic sum of 1/(t + j) for j below k, and k / (a (a + k)); as many terms as z needs.
   */
  private record Series(double[] ratio, double[] harmonic, double[] da) {
    static Series of(double a, double t, double z) {
      if (!(z >= 0 && z < 1)) {
        throw new ArithmeticException("2F1 series needs 0 <= z < 1");
      }
      int needed = 0;
      double term = 1;
      double sum = 1;
      double weighted = 0;
      double h = 0;
      while (needed == 0
          || !(needed * term <= SERIES_TOLERANCE * sum
              && h * term <= SERIES_TOLERANCE * weighted)) {
        needed++;
        if (needed == 1_000_000) {
          throw new ArithmeticException("2F1 series did not converge");
        }
        h += 1 / (t + needed - 1);
        term *= ratio(a, t, needed) * z;
        sum += term;
        weighted += term * h;
      }
      // A quarter more: customers with a smaller z stop sooner, but rounding should never reach the
      // end.
      int length = needed + 16 + needed / 4;
      double[] ratio = new double[length];
      double[] harmonic = new double[length];
      double[] da = new double[length];
      h = 0;
      for (int k = 1; k < length; k++) {
        ratio[k] = ratio(a, t, k);
        h += 1 / (t + k - 1);
        harmonic[k] = h;
        da[k] = k / (a * (a + k));
      }
      return new Series(ratio, harmonic, da);
    }

    private static double ratio(double a, double t, int k) {
      return (a + k - 1) * (t + k - 1) / ((a + k) * k);
    }
  }

  /** ln A0 of the likelihood: the hypergeometric part, for whichever of alpha and beta is larger. */
  static double logA0(
      double r, double alpha, double s, double beta, double x, double tx, double age) {
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
  @Override
  public double probabilityAlive(double x, double tx, double age) {
    double logRatio = Math.log(s)
        - Math.log(r + s + x)
        + (r + x) * Math.log(alpha + age)
        + s * Math.log(beta + age)
        + logA0(r, alpha, s, beta, x, tx, age);
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
  @Override
  public double expectedPurchases(double t, double x, double tx, double age) {
    if (t <= 0) {
      return 0;
    }
    double first = (r + x) * (beta + age) / ((alpha + age) * (s - 1));
    double second = 1 - Math.pow((beta + age) / (beta + age + t), s - 1);
    return first * second * probabilityAlive(x, tx, age);
  }

  /**
   * E[X(t)] for a new customer: r beta / (alpha (s - 1)) (1 - (beta / (beta + t))^(s - 1)) (Schmittlein, Morrison
   * and Colombo 1987), and its limit r beta / alpha ln(1 + t / beta) at s = 1.
   *
   * @param t the number of periods, not negative
   * @return the expected repeat purchases
   * @throws IllegalArgumentException when t is negative
   */
  @Override
  public double expectedPurchases(double t) {
    return ParetoLifetime.expected(r, alpha, s, beta, t);
  }

  /**
   * P(X(t) = n) for a new customer: the NBD count over the customer's lifetime tau when it ends before t, else over
   * t, with tau's Pareto (exponential-gamma) distribution; the integral over tau is taken numerically
   * (Gauss-Legendre in ln(beta + tau), where the density is smooth).
   *
   * @param n the number of purchases
   * @param t the number of periods
   * @return the probability
   * @throws IllegalArgumentException when n or t is negative
   */
  @Override
  public double probabilityOfPurchases(int n, double t) {
    return ParetoLifetime.probability(r, alpha, s, beta, t, n);
  }

  /**
   * P(X(T, T + t) = n | x, t_x, T): a living customer buys as a new one would under r + x, alpha + T, s, beta + T.
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
    double living = ParetoLifetime.probability(r + x, alpha + age, s, beta + age, t, n);
    return alive * living + (n == 0 ? 1 - alive : 0);
  }

  /**
   * DERT (Fader, Hardie and Lee 2005, "RFM and CLV", eq. 2): P(alive) (r + x) / (alpha + T) times the integral of
   * e^(-delta t) ((beta + T) / (beta + T + t))^s over the future, taken numerically (exp-sinh).
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
    double b = beta + age;
    double integral = Quadrature.halfLine(
        t -> Math.exp(-delta * t - s * Math.log1p(t / b)), Math.min(1 / delta, b), 1.0 / 16);
    return probabilityAlive(x, tx, age) * (r + x) / (alpha + age) * integral;
  }
}
