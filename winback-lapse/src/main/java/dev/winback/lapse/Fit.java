package dev.winback.lapse;

import java.util.Map;
import java.util.Objects;

/**
 * How a maximum-likelihood fit went.
 *
 * @param model the model's name
 * @param parameters the estimates, by name
 * @param logLikelihood the log-likelihood at the estimates
 * @param evaluations how many times the likelihood (with its gradient, where the model has one) was evaluated
 * @param converged whether the optimiser stopped because it converged (not because it ran out of evaluations)
 */
public record Fit(
    String model,
    Map<String, Double> parameters,
    double logLikelihood,
    int evaluations,
    boolean converged) {
  /**
   * One estimate.
   *
   * @param name the parameter, e.g. {@code r}
   * @return its estimate
   */
  public double parameter(String name) {
    return Objects.requireNonNull(parameters.get(name), name);
  }
}
