package dev.winback.lapse;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** Fits positive parameters by maximising a log-likelihood over their logarithms. Stateless. */
final class Fitting {
  private Fitting() {}

  /** Estimates and how the fit went. */
  record Estimates(double[] values, Fit fit) {}

  static Estimates maximise(String model, String[] names, ToDoubleFunction<double[]> logLikelihood) {
    Optimizer.Result result = Optimizer.minimise(log -> {
      double[] values = new double[log.length];
      for (int i = 0; i < log.length; i++) {
        values[i] = Math.exp(log[i]);
      }
      return -logLikelihood.applyAsDouble(values);
    }, new double[names.length], 1e-12, 20_000);
    double[] values = new double[names.length];
    Map<String, Double> parameters = new LinkedHashMap<>();
    for (int i = 0; i < names.length; i++) {
      values[i] = Math.exp(result.point()[i]);
      parameters.put(names[i], values[i]);
    }
    return new Estimates(values, new Fit(model, parameters, -result.value(), result.evaluations(),
        result.converged()));
  }
}
