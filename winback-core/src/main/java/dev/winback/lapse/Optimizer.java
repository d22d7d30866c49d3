package dev.winback.lapse;

import java.util.Arrays;
import java.util.function.ToDoubleFunction;

/**
 * Nelder-Mead minimisation, restarted from its best point until a restart no longer improves it: small, with no
 * dependency, and robust on the smooth, flat likelihood surfaces of these models. Stateless.
 */
final class Optimizer {
  private Optimizer() {}

  /** Where the minimisation ended. */
  record Result(double[] point, double value, int evaluations, boolean converged) {}

  static Result minimise(ToDoubleFunction<double[]> f, double[] start, double tolerance, int maxEvaluations) {
    double[] best = start.clone();
    double bestValue = f.applyAsDouble(best);
    int evaluations = 1;
    boolean converged = false;
    for (int restart = 0; restart < 20 && evaluations < maxEvaluations; restart++) {
      Result r = nelderMead(f, best, tolerance, maxEvaluations - evaluations);
      evaluations += r.evaluations();
      boolean improved = r.value() < bestValue - tolerance;
      if (r.value() < bestValue) {
        best = r.point();
        bestValue = r.value();
      }
      if (!improved && r.converged()) {
        converged = true;
        break;
      }
    }
    return new Result(best, bestValue, evaluations, converged);
  }

  private static Result nelderMead(ToDoubleFunction<double[]> f, double[] start, double tolerance, int budget) {
    int n = start.length;
    double[][] simplex = new double[n + 1][];
    double[] values = new double[n + 1];
    simplex[0] = start.clone();
    for (int i = 0; i < n; i++) {
      double[] point = start.clone();
      point[i] += point[i] == 0 ? 0.1 : 0.1 * Math.max(1, Math.abs(point[i]));
      simplex[i + 1] = point;
    }
    int evaluations = 0;
    for (int i = 0; i <= n; i++) {
      values[i] = value(f, simplex[i]);
      evaluations++;
    }
    Integer[] order = new Integer[n + 1];
    while (evaluations < budget) {
      for (int i = 0; i <= n; i++) {
        order[i] = i;
      }
      final double[] v = values;
      Arrays.sort(order, (x, y) -> Double.compare(v[x], v[y]));
      double[][] s = new double[n + 1][];
      double[] sv = new double[n + 1];
      for (int i = 0; i <= n; i++) {
        s[i] = simplex[order[i]];
        sv[i] = values[order[i]];
      }
      simplex = s;
      values = sv;
      if (Math.abs(values[n] - values[0]) <= tolerance * (Math.abs(values[0]) + tolerance) && spread(simplex) < 1e-9) {
        return new Result(simplex[0], values[0], evaluations, true);
      }
      double[] centroid = new double[n];
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          centroid[j] += simplex[i][j] / n;
        }
      }
      double[] reflected = towards(centroid, simplex[n], -1);
      double fr = value(f, reflected);
      evaluations++;
      if (fr < values[0]) {
        double[] expanded = towards(centroid, simplex[n], -2);
        double fe = value(f, expanded);
        evaluations++;
        if (fe < fr) {
          simplex[n] = expanded;
          values[n] = fe;
        } else {
          simplex[n] = reflected;
          values[n] = fr;
        }
      } else if (fr < values[n - 1]) {
        simplex[n] = reflected;
        values[n] = fr;
      } else {
        double[] contracted = fr < values[n] ? towards(centroid, reflected, 0.5) : towards(centroid, simplex[n], 0.5);
        double fc = value(f, contracted);
        evaluations++;
        if (fc < Math.min(fr, values[n])) {
          simplex[n] = contracted;
          values[n] = fc;
        } else {
          for (int i = 1; i <= n; i++) {
            simplex[i] = towards(simplex[0], simplex[i], 0.5);
            values[i] = value(f, simplex[i]);
            evaluations++;
          }
        }
      }
    }
    int bestIndex = 0;
    for (int i = 1; i <= n; i++) {
      if (values[i] < values[bestIndex]) {
        bestIndex = i;
      }
    }
    return new Result(simplex[bestIndex], values[bestIndex], evaluations, false);
  }

  private static double value(ToDoubleFunction<double[]> f, double[] point) {
    double v = f.applyAsDouble(point);
    return Double.isFinite(v) ? v : Double.MAX_VALUE;
  }

  /** centroid + t (point - centroid). */
  private static double[] towards(double[] centroid, double[] point, double t) {
    double[] result = new double[centroid.length];
    for (int i = 0; i < centroid.length; i++) {
      result[i] = centroid[i] + t * (point[i] - centroid[i]);
    }
    return result;
  }

  private static double spread(double[][] simplex) {
    double max = 0;
    for (int i = 1; i < simplex.length; i++) {
      for (int j = 0; j < simplex[0].length; j++) {
        max = Math.max(max, Math.abs(simplex[i][j] - simplex[0][j]));
      }
    }
    return max;
  }
}
