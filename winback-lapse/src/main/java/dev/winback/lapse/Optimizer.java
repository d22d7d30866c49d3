package dev.winback.lapse;

import java.util.Arrays;
import java.util.function.ToDoubleFunction;

/**
 * Minimisation with no dependency: BFGS where the gradient is known, and Nelder-Mead, restarted from its best point
 * until a restart no longer improves it, where it is not (robust on the smooth, flat likelihood surfaces of these
 * models). Stateless.
 */
final class Optimizer {
  private static final double MAX_STEP = 2;

  private Optimizer() {}

  /** Where the minimisation ended. */
  record Result(double[] point, double value, int evaluations, boolean converged) {}

  static Result minimise(
      ToDoubleFunction<double[]> f, double[] start, double tolerance, int maxEvaluations) {
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

  /** A function that also gives its gradient. */
  @FunctionalInterface
  interface Differentiable {
    /**
     * @param point where to evaluate
     * @param gradient filled with the gradient at {@code point}
     * @return the value at {@code point}
     */
    double valueAndGradient(double[] point, double[] gradient);
  }

  /**
   * Quasi-Newton (BFGS) minimisation with a backtracking line search. It needs a few dozen evaluations where
   * Nelder-Mead needs hundreds; when it does not converge, Nelder-Mead finishes from the best point it reached.
   */
  static Result minimiseWithGradient(
      Differentiable f, double[] start, double tolerance, int maxEvaluations) {
    int n = start.length;
    double[] x = start.clone();
    double[] g = new double[n];
    double fx = f.valueAndGradient(x, g);
    int evaluations = 1;
    if (!Double.isFinite(fx)) {
      return fallBack(f, x, tolerance, maxEvaluations, evaluations);
    }
    double[][] h = identity(n);
    boolean scaled = false;
    double[] xn = new double[n];
    double[] gn = new double[n];
    while (evaluations < maxEvaluations) {
      if (maxAbs(g) <= 1e-8 * Math.max(1, Math.abs(fx))) {
        return new Result(x, fx, evaluations, true);
      }
      double[] p = times(h, g, -1);
      double slope = dot(g, p);
      if (!(slope < 0)) {
        h = identity(n);
        p = times(h, g, -1);
        slope = dot(g, p);
      }
      // A step never moves a coordinate by more than MAX_STEP: far-off trial points can be costly
      // or undefined.
      double t = Math.min(1, MAX_STEP / maxAbs(p));
      double fn = Double.NaN;
      boolean accepted = false;
      for (int tries = 0; tries < 60 && evaluations < maxEvaluations; tries++) {
        for (int i = 0; i < n; i++) {
          xn[i] = x[i] + t * p[i];
        }
        fn = f.valueAndGradient(xn, gn);
        evaluations++;
        if (Double.isFinite(fn) && fn <= fx + 1e-4 * t * slope) {
          accepted = true;
          break;
        }
        t *= Double.isFinite(fn)
            ? Math.max(0.1, Math.min(0.5, -slope * t / (2 * (fn - fx - slope * t))))
            : 0.1;
      }
      if (!accepted) {
        // No descent along the quasi-Newton direction (rounding near the optimum, or a poor
        // curvature
        // estimate):
        // Nelder-Mead finishes from here.
        return fallBack(f, x, tolerance, maxEvaluations, evaluations);
      }
      double[] s = new double[n];
      double[] y = new double[n];
      for (int i = 0; i < n; i++) {
        s[i] = xn[i] - x[i];
        y[i] = gn[i] - g[i];
      }
      double sy = dot(s, y);
      if (sy > 1e-12 * Math.sqrt(dot(s, s) * dot(y, y))) {
        if (!scaled) {
          h = identity(n);
          double scale = sy / dot(y, y);
          for (int i = 0; i < n; i++) {
            h[i][i] = scale;
          }
          scaled = true;
        }
        h = bfgsUpdate(h, s, y, sy);
      }
      boolean settled =
          Math.abs(fx - fn) <= tolerance * (Math.abs(fx) + tolerance) && maxAbs(s) < 1e-9;
      System.arraycopy(xn, 0, x, 0, n);
      System.arraycopy(gn, 0, g, 0, n);
      fx = fn;
      if (settled) {
        return new Result(x, fx, evaluations, true);
      }
    }
    return fallBack(f, x, tolerance, maxEvaluations, evaluations);
  }

  private static Result fallBack(
      Differentiable f, double[] from, double tolerance, int maxEvaluations, int used) {
    double[] ignored = new double[from.length];
    Result r = minimise(
        point -> f.valueAndGradient(point, ignored),
        from,
        tolerance,
        Math.max(1, maxEvaluations - used));
    return new Result(r.point(), r.value(), used + r.evaluations(), r.converged());
  }

  /** H' = (I - ρ s yᵀ) H (I - ρ y sᵀ) + ρ s sᵀ with ρ = 1 / yᵀs. */
  private static double[][] bfgsUpdate(double[][] h, double[] s, double[] y, double sy) {
    int n = s.length;
    double rho = 1 / sy;
    double[] hy = times(h, y, 1);
    double yhy = dot(y, hy);
    double[][] next = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        next[i][j] =
            h[i][j] - rho * (hy[i] * s[j] + s[i] * hy[j]) + (rho * rho * yhy + rho) * s[i] * s[j];
      }
    }
    return next;
  }

  private static double[][] identity(int n) {
    double[][] m = new double[n][n];
    for (int i = 0; i < n; i++) {
      m[i][i] = 1;
    }
    return m;
  }

  private static double[] times(double[][] m, double[] v, double factor) {
    double[] result = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      double sum = 0;
      for (int j = 0; j < v.length; j++) {
        sum += m[i][j] * v[j];
      }
      result[i] = factor * sum;
    }
    return result;
  }

  private static double dot(double[] u, double[] v) {
    double sum = 0;
    for (int i = 0; i < u.length; i++) {
      sum += u[i] * v[i];
    }
    return sum;
  }

  private static double maxAbs(double[] v) {
    double max = 0;
    for (double d : v) {
      max = Math.max(max, Math.abs(d));
    }
    return max;
  }

  private static Result nelderMead(
      ToDoubleFunction<double[]> f, double[] start, double tolerance, int budget) {
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
      if (Math.abs(values[n] - values[0]) <= tolerance * (Math.abs(values[0]) + tolerance)
          && spread(simplex) < 1e-9) {
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
        double[] contracted =
            fr < values[n] ? towards(centroid, reflected, 0.5) : towards(centroid, simplex[n], 0.5);
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
