package dev.winback.lapse;

/**
 * A model's log-likelihood and gradient summed over a population that this JVM does not hold, e.g. the partitions
 * of a Spark DataFrame: each part is scored with the model's {@code partialLogLikelihood} (for instance {@link
 * BgNbd#partialLogLikelihood}) and the results added up, and the model's {@code fit(SummedLikelihood, ...)} (for
 * instance {@link BgNbd#fit(SummedLikelihood, double, FitOptions)}) maximises the sum as it maximises its own.
 */
@FunctionalInterface
public interface SummedLikelihood {

  /**
   * The total log-likelihood at the parameters, with its gradient.
   *
   * @param parameters the model's parameters, in the order its {@code partialLogLikelihood} names
   * @param gradient receives the total gradient with respect to each parameter
   * @return the total log-likelihood
   */
  double logLikelihood(double[] parameters, double[] gradient);
}
