package dev.winback.lapse;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** Fits positive parameters by maximising a log-likelihood over their logarithms. Stateless. */
final class Fitting {
  private Fitting() {}

  /** Estimates and how the fit went. */
  record Estimates(double[] values, Fit fit) {}

  /** A log-likelihood that also gives its gradient with respect to the (natural, positive) parameters. */
  @FunctionalInterface
  interface WithGradient {
    double logLikelihood(double[] parameters, double[] gradient);
  }

  static Estimates maximise(
      String model, String[] names, ToDoubleFunction<double[]> logLikelihood) {
    Optimizer.Result result = Optimizer.minimise(
        log -> -logLikelihood.applyAsDouble(exp(log)), new double[names.length], 1e-12, 20_000);
    return estimates(model, names, result);
  }

  /** As {@link #maximise}, by BFGS on the analytic gradient (chain rule: d/d ln p = p d/dp). */
  static Estimates maximiseWithGradient(String model, String[] names, WithGradient logLikelihood) {
    Optimizer.Result result = Optimizer.minimiseWithGradient(
        (log, gradient) -> {
          double[] values = exp(log);
          double value;
          try {
            value = logLikelihood.logLikelihood(values, gradient);
          } catch (ArithmeticException e) {
            return Double.NaN; // a series that does not converge here: the line search steps back
          }
          for (int i = 0; i < values.length; i++) {
            gradient[i] = -gradient[i] * values[i];
          }
          return -value;
        },
        new double[names.length],
        1e-12,
        20_000);
    return estimates(model, names, result);
  }

  private static double[] exp(double[] log) {
    double[] values = new double[log.length];
    for (int i = 0; i < log.length; i++) {
      values[i] = Math.exp(log[i]);
    }
    return values;
  }

  private static Estimates estimates(String model, String[] names, Optimizer.Result result) {
    double[] values = new double[names.length];
    Map<String, Double> parameters = new LinkedHashMap<>();
    for (int i = 0; i < names.length; i++) {
      values[i] = Math.exp(result.point()[i]);
      parameters.put(names[i], values[i]);
    }
    return new Estimates(
        values,
        new Fit(model, parameters, -result.value(), result.evaluations(), result.converged()));
  }
}
