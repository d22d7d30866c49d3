package dev.winback.lapse;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * How a maximum-likelihood fit went: the estimates, the log-likelihood there, and the standard errors from the
 * observed information matrix (the inverse of minus the Hessian of the log-likelihood, with the penalty when one was
 * set, at the estimates). Immutable.
 *
 * @param model the model's name
 * @param parameters the estimates, by name
 * @param logLikelihood the log-likelihood at the estimates (without the penalty)
 * @param evaluations how many times the likelihood (with its gradient, where the model has one) was evaluated
 * @param converged whether the optimiser stopped because it converged (not because it ran out of evaluations)
 * @param standardErrors the standard error of each estimate, by name; empty when the information matrix at the
 *     estimates could not be inverted (a maximum on the boundary, or a flat direction)
 *
 * @serial exclude
 */
public record Fit(
    String model,
    Map<String, Double> parameters,
    double logLikelihood,
    int evaluations,
    boolean converged,
    Map<String, Double> standardErrors)
    implements java.io.Serializable {

  /** The normal quantile of a two-sided 95% interval. */
  private static final double Z95 = 1.959963984540054;

  /**
   * Creates a fit, copying the maps (keeping their order).
   *
   * @param model the model's name
   * @param parameters the estimates, by name
   * @param logLikelihood the log-likelihood at the estimates
   * @param evaluations how many times the likelihood was evaluated
   * @param converged whether the optimiser converged
   * @param standardErrors the standard errors, by name (empty when unknown)
   */
  public Fit {
    parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    standardErrors = Collections.unmodifiableMap(new LinkedHashMap<>(standardErrors));
  }

  /**
   * A fit without standard errors.
   *
   * @param model the model's name
   * @param parameters the estimates
   * @param logLikelihood the log-likelihood
   * @param evaluations the evaluations
   * @param converged whether it converged
   */
  public Fit(
      String model,
      Map<String, Double> parameters,
      double logLikelihood,
      int evaluations,
      boolean converged) {
    this(model, parameters, logLikelihood, evaluations, converged, Map.of());
  }

  /**
   * One estimate.
   *
   * @param name the parameter, e.g. {@code r}
   * @return its estimate
   * @throws NullPointerException when the model has no such parameter
   */
  public double parameter(String name) {
    return Objects.requireNonNull(parameters.get(name), name);
  }

  /**
   * The standard error of one estimate.
   *
   * @param name the parameter
   * @return its standard error, or empty when it could not be computed
   */
  public OptionalDouble standardError(String name) {
    Double se = standardErrors.get(name);
    return se == null ? OptionalDouble.empty() : OptionalDouble.of(se);
  }

  /**
   * The 95% Wald interval of one estimate: the estimate plus or minus 1.96 standard errors (as lifetimes'
   * {@code summary} reports it).
   *
   * @param name the parameter
   * @return the interval, or empty when the standard error could not be computed
   */
  public Optional<Interval> interval95(String name) {
    Double se = standardErrors.get(name);
    if (se == null) {
      return Optional.empty();
    }
    double estimate = parameter(name);
    return Optional.of(new Interval(estimate - Z95 * se, estimate + Z95 * se));
  }

  /**
   * A confidence interval.
   *
   * @param lower the lower bound
   * @param upper the upper bound
   */
  public record Interval(double lower, double upper) {
    /**
     * Whether a value lies in the interval, bounds included.
     *
     * @param value the value
     * @return true when lower &lt;= value &lt;= upper
     */
    public boolean contains(double value) {
      return value >= lower && value <= upper;
    }
  }
}
