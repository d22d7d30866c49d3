package dev.winback.spark;

import dev.winback.lapse.BgNbd;
import dev.winback.lapse.CustomerSummaries;
import dev.winback.lapse.FitOptions;
import dev.winback.lapse.GammaGamma;
import dev.winback.lapse.MbgNbd;
import dev.winback.lapse.Nbd;
import dev.winback.lapse.ParetoNbd;
import dev.winback.lapse.SummedLikelihood;
import java.io.Serializable;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

/**
 * Fits the lapse models to summaries held in a Spark DataFrame: each partition becomes one set of columns, cached in
 * the executors' memory for the length of the fit, and every evaluation of the log-likelihood and its gradient is
 * one Spark job that sums the partitions' parts ({@code partialLogLikelihood} of each model); the optimiser runs on
 * the driver, the same one as for a fit in one JVM, so the estimates are the same to rounding. The DataFrame needs
 * lifetimes' columns ({@code customer_id, frequency, recency, T, monetary_value}, as {@link SparkSummaries} makes
 * them). Stateless.
 */
public final class SparkFit {
  private SparkFit() {}

  /** One model's log-likelihood over one part: serializable, so that Spark ships it to the executors. */
  @FunctionalInterface
  private interface Partial extends Serializable {
    double at(CustomerSummaries part, double[] parameters, double[] gradient);
  }

  /** How a model is fitted from its summed likelihood. */
  @FunctionalInterface
  private interface Fitter<M> {
    M fit(SummedLikelihood total, double customers, FitOptions options);
  }

  /**
   * Fits the BG/NBD model.
   *
   * @param summaries the summaries
   * @param options the fit options
   * @return the fitted model, with standard errors
   */
  public static BgNbd bgNbd(Dataset<Row> summaries, FitOptions options) {
    return fit(summaries, 4, BgNbd::partialLogLikelihood, BgNbd::fit, options);
  }

  /**
   * Fits the MBG/NBD model.
   *
   * @param summaries the summaries
   * @param options the fit options
   * @return the fitted model, with standard errors
   */
  public static MbgNbd mbgNbd(Dataset<Row> summaries, FitOptions options) {
    return fit(summaries, 4, MbgNbd::partialLogLikelihood, MbgNbd::fit, options);
  }

  /**
   * Fits the Pareto/NBD model.
   *
   * @param summaries the summaries
   * @param options the fit options
   * @return the fitted model, with standard errors
   */
  public static ParetoNbd paretoNbd(Dataset<Row> summaries, FitOptions options) {
    return fit(summaries, 4, ParetoNbd::partialLogLikelihood, ParetoNbd::fit, options);
  }

  /**
   * Fits the NBD baseline.
   *
   * @param summaries the summaries
   * @param options the fit options
   * @return the fitted model, with standard errors
   */
  public static Nbd nbd(Dataset<Row> summaries, FitOptions options) {
    return fit(summaries, 2, Nbd::partialLogLikelihood, Nbd::fit, options);
  }

  /**
   * Fits the Gamma-Gamma spend model on the customers with repeat purchases and a positive mean spend.
   *
   * @param summaries the summaries
   * @param options the fit options
   * @return the fitted model, with standard errors
   */
  public static GammaGamma gammaGamma(Dataset<Row> summaries, FitOptions options) {
    Dataset<Row> spenders = summaries.filter(summaries
        .col(SparkSummaries.FREQUENCY)
        .gt(0)
        .and(summaries.col(SparkSummaries.MONETARY).gt(0)));
    return fit(spenders, 3, GammaGamma::partialLogLikelihood, GammaGamma::fit, options);
  }

  private static <M> M fit(
      Dataset<Row> summaries,
      int parameters,
      Partial partial,
      Fitter<M> fitter,
      FitOptions options) {
    JavaRDD<CustomerSummaries> parts = summaries
        .select(
            SparkSummaries.CUSTOMER,
            SparkSummaries.FREQUENCY,
            SparkSummaries.RECENCY,
            SparkSummaries.AGE,
            SparkSummaries.MONETARY)
        .toJavaRDD()
        .mapPartitions(rows -> List.of(Partitions.summaries(rows, 0)).iterator())
        .persist(StorageLevel.MEMORY_ONLY());
    try {
      double customers = parts.map(CustomerSummaries::totalWeight).reduce(Double::sum);
      SummedLikelihood total = (values, gradient) -> {
        double[] point = values.clone();
        double[] sum = parts
            .map(part -> {
              double[] g = new double[parameters];
              double value = partial.at(part, point, g);
              double[] out = new double[parameters + 1];
              out[0] = value;
              System.arraycopy(g, 0, out, 1, parameters);
              return out;
            })
            .reduce(SparkFit::add);
        System.arraycopy(sum, 1, gradient, 0, parameters);
        return sum[0];
      };
      return fitter.fit(total, customers, options);
    } finally {
      parts.unpersist(false);
    }
  }

  private static double[] add(double[] a, double[] b) {
    double[] sum = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      sum[i] = a[i] + b[i];
    }
    return sum;
  }
}
