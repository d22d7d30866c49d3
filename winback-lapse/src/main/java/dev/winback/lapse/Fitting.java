package dev.winback.lapse;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.jspecify.annotations.Nullable;

/**
 * Fits positive parameters by maximising a (weighted, optionally L2-penalised) log-likelihood over their logarithms,
 * then computes standard errors from the observed information matrix at the maximum: by central differences of the
 * analytic gradient where the model has one, else by second differences of the log-likelihood. Stateless.
 */
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
    return maximise(model, names, logLikelihood, 1, FitOptions.defaults());
  }

  /**
   * Maximises by Nelder-Mead.
   *
   * @param customers how many customers the data stand for (the penalizer's scale)
   */
  static Estimates maximise(
      String model,
      String[] names,
      ToDoubleFunction<double[]> logLikelihood,
      double customers,
      FitOptions options) {
    double c = options.penalizer() * customers;
    ToDoubleFunction<double[]> objective =
        v -> logLikelihood.applyAsDouble(v) - c * sumOfSquares(v);
    Optimizer.Result result = Optimizer.minimise(
        log -> -objective.applyAsDouble(exp(log)), start(names, options), 1e-12, 20_000);
    double[] values = exp(result.point());
    double @Nullable [][] hessian = hessianFromValues(objective, values);
    double ll = c == 0 ? -result.value() : logLikelihood.applyAsDouble(values);
    return estimates(model, names, values, ll, result, hessian);
  }

  static Estimates maximiseWithGradient(String model, String[] names, WithGradient logLikelihood) {
    return maximiseWithGradient(model, names, logLikelihood, 1, FitOptions.defaults());
  }

  /** As {@link #maximise}, by BFGS on the analytic gradient (chain rule: d/d ln p = p d/dp). */
  static Estimates maximiseWithGradient(
      String model,
      String[] names,
      WithGradient logLikelihood,
      double customers,
      FitOptions options) {
    double c = options.penalizer() * customers;
    WithGradient objective = (v, gradient) -> {
      double value = logLikelihood.logLikelihood(v, gradient);
      for (int i = 0; i < v.length; i++) {
        gradient[i] -= 2 * c * v[i];
      }
      return value - c * sumOfSquares(v);
    };
    Optimizer.Result result = Optimizer.minimiseWithGradient(
        (log, gradient) -> {
          double[] values = exp(log);
          double value;
          try {
            value = objective.logLikelihood(values, gradient);
          } catch (ArithmeticException e) {
            return Double.NaN; // a series that does not converge here: the line search steps back
          }
          for (int i = 0; i < values.length; i++) {
            gradient[i] = -gradient[i] * values[i];
          }
          return -value;
        },
        start(names, options),
        1e-12,
        20_000);
    double[] values = exp(result.point());
    double @Nullable [][] hessian = hessianFromGradients(objective, values);
    double ll =
        c == 0 ? -result.value() : logLikelihood.logLikelihood(values, new double[values.length]);
    return estimates(model, names, values, ll, result, hessian);
  }

  private static double[] start(String[] names, FitOptions options) {
    double[] log = new double[names.length];
    options.start().ifPresent(values -> {
      if (values.length != names.length) {
        throw new IllegalArgumentException("need " + names.length + " starting values ("
            + String.join(", ", names) + "), got " + values.length);
      }
      for (int i = 0; i < values.length; i++) {
        log[i] = Math.log(values[i]);
      }
    });
    return log;
  }

  private static double sumOfSquares(double[] v) {
    double sum = 0;
    for (double d : v) {
      sum += d * d;
    }
    return sum;
  }

  private static double[] exp(double[] log) {
    double[] values = new double[log.length];
    for (int i = 0; i < log.length; i++) {
      values[i] = Math.exp(log[i]);
    }
    return values;
  }

  /** The Hessian by central differences of the gradient, symmetrised; null when a gradient cannot be evaluated. */
  static double @Nullable [][] hessianFromGradients(WithGradient f, double[] at) {
    int n = at.length;
    double[][] h = new double[n][n];
    try {
      for (int k = 0; k < n; k++) {
        double step = 1e-5 * at[k];
        double[] up = at.clone();
        double[] down = at.clone();
        up[k] += step;
        down[k] -= step;
        double[] gUp = new double[n];
        double[] gDown = new double[n];
        if (!Double.isFinite(f.logLikelihood(up, gUp))
            || !Double.isFinite(f.logLikelihood(down, gDown))) {
          return null;
        }
        for (int i = 0; i < n; i++) {
          h[i][k] = (gUp[i] - gDown[i]) / (2 * step);
        }
      }
    } catch (ArithmeticException e) {
      return null;
    }
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < i; j++) {
        double mean = (h[i][j] + h[j][i]) / 2;
        h[i][j] = mean;
        h[j][i] = mean;
      }
    }
    return h;
  }

  /** The Hessian by second central differences of the value; null when a value cannot be evaluated. */
  static double @Nullable [][] hessianFromValues(ToDoubleFunction<double[]> f, double[] at) {
    int n = at.length;
    double[][] h = new double[n][n];
    double centre = f.applyAsDouble(at);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        double hi = 1e-4 * at[i];
        double hj = 1e-4 * at[j];
        double value;
        if (i == j) {
          value =
              (shifted(f, at, i, hi, i, 0) - 2 * centre + shifted(f, at, i, -hi, i, 0)) / (hi * hi);
        } else {
          value = (shifted(f, at, i, hi, j, hj)
                  - shifted(f, at, i, hi, j, -hj)
                  - shifted(f, at, i, -hi, j, hj)
                  + shifted(f, at, i, -hi, j, -hj))
              / (4 * hi * hj);
        }
        if (!Double.isFinite(value)) {
          return null;
        }
        h[i][j] = value;
        h[j][i] = value;
      }
    }
    return h;
  }

  private static double shifted(
      ToDoubleFunction<double[]> f, double[] at, int i, double di, int j, double dj) {
    double[] p = at.clone();
    p[i] += di;
    p[j] += dj;
    return f.applyAsDouble(p);
  }

  /**
   * The standard errors: square roots of the diagonal of the inverse of minus the Hessian, or null when minus the
   * Hessian is not positive definite (Cholesky fails).
   */
  static double @Nullable [] standardErrors(double @Nullable [][] hessian) {
    if (hessian == null) {
      return null;
    }
    int n = hessian.length;
    double[][] l = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        double sum = -hessian[i][j];
        for (int k = 0; k < j; k++) {
          sum -= l[i][k] * l[j][k];
        }
        if (i == j) {
          if (!(sum > 0)) {
            return null;
          }
          l[i][i] = Math.sqrt(sum);
        } else {
          l[i][j] = sum / l[j][j];
        }
      }
    }
    // The diagonal of (L Lᵀ)⁻¹ = L⁻ᵀ L⁻¹: the squared norms of the columns of L⁻¹.
    double[][] inverse = new double[n][n];
    for (int col = 0; col < n; col++) {
      for (int i = col; i < n; i++) {
        double sum = i == col ? 1 : 0;
        for (int k = col; k < i; k++) {
          sum -= l[i][k] * inverse[k][col];
        }
        inverse[i][col] = sum / l[i][i];
      }
    }
    double[] se = new double[n];
    for (int j = 0; j < n; j++) {
      double sum = 0;
      for (int i = 0; i < n; i++) {
        sum += inverse[i][j] * inverse[i][j];
      }
      se[j] = Math.sqrt(sum);
    }
    return se;
  }

  private static Estimates estimates(
      String model,
      String[] names,
      double[] values,
      double logLikelihood,
      Optimizer.Result result,
      double @Nullable [][] hessian) {
    Map<String, Double> parameters = new LinkedHashMap<>();
    Map<String, Double> errors = new LinkedHashMap<>();
    double[] se = standardErrors(hessian);
    for (int i = 0; i < names.length; i++) {
      parameters.put(names[i], values[i]);
      if (se != null) {
        errors.put(names[i], se[i]);
      }
    }
    return new Estimates(
        values,
        new Fit(
            model, parameters, logLikelihood, result.evaluations(), result.converged(), errors));
  }
}
