package dev.winback.lapse;

import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * Numerical integration for expectations over the models' mixing distributions: the double-exponential rules
 * (tanh-sinh on (0, 1), exp-sinh on (0, infinity)), which converge fast even with the integrable endpoint
 * singularities of beta and gamma densities with shapes below 1, and Gauss-Legendre on a finite interval. Stateless.
 */
final class Quadrature {
  private static final double HALF_PI = Math.PI / 2;
  private static final int LEGENDRE_ORDER = 20;
  private static final double[] LEGENDRE_NODES = new double[LEGENDRE_ORDER];
  private static final double[] LEGENDRE_WEIGHTS = new double[LEGENDRE_ORDER];

  static {
    // Newton's method on the Legendre polynomial from the Chebyshev guesses.
    int n = LEGENDRE_ORDER;
    for (int i = 0; i < n; i++) {
      double x = Math.cos(Math.PI * (i + 0.75) / (n + 0.5));
      double derivative = 0;
      for (int iteration = 0; iteration < 100; iteration++) {
        double p0 = 1;
        double p1 = x;
        for (int k = 2; k <= n; k++) {
          double p2 = ((2 * k - 1) * x * p1 - (k - 1) * p0) / k;
          p0 = p1;
          p1 = p2;
        }
        derivative = n * (x * p1 - p0) / (x * x - 1);
        double dx = p1 / derivative;
        x -= dx;
        if (Math.abs(dx) < 1e-16) {
          break;
        }
      }
      LEGENDRE_NODES[i] = x;
      LEGENDRE_WEIGHTS[i] = 2 / ((1 - x * x) * derivative * derivative);
    }
  }

  private Quadrature() {}

  /** ∫ f over (a, b) by Gauss-Legendre of order 20 on {@code panels} equal panels. */
  static double legendre(DoubleUnaryOperator f, double a, double b, int panels) {
    double width = (b - a) / panels;
    double total = 0;
    for (int p = 0; p < panels; p++) {
      double centre = a + (p + 0.5) * width;
      double half = width / 2;
      double sum = 0;
      for (int i = 0; i < LEGENDRE_ORDER; i++) {
        sum += LEGENDRE_WEIGHTS[i] * f.applyAsDouble(centre + half * LEGENDRE_NODES[i]);
      }
      total += half * sum;
    }
    return total;
  }

  /**
   * ∫ f over (0, 1) by the tanh-sinh rule; f is given both x and 1 - x (computed without cancellation near 1).
   */
  static double unit(DoubleBinaryOperator f) {
    double h = 1.0 / 24;
    double total = 0;
    for (int k = -80; k <= 80; k++) {
      double t = k * h;
      double u = HALF_PI * Math.sinh(t);
      double x = 1 / (1 + Math.exp(-2 * u));
      double complement = 1 / (1 + Math.exp(2 * u));
      double cosh = Math.cosh(u);
      double weight = HALF_PI * Math.cosh(t) / (2 * cosh * cosh);
      if (x > 0 && complement > 0 && weight > 0) {
        double value = f.applyAsDouble(x, complement);
        if (value != 0) {
          total += weight * value;
        }
      }
    }
    return h * total;
  }

  /**
   * ∫ f over (0, infinity) by the exp-sinh rule around {@code scale} (where the integrand has its bulk), with a step
   * fine enough for a peak of relative width {@code width}.
   */
  static double halfLine(DoubleUnaryOperator f, double scale, double width) {
    double h = Math.min(1.0 / 16, width / 2);
    int low = (int) Math.ceil(4.5 / h);
    int high = (int) Math.ceil(3.6 / h);
    double total = 0;
    for (int k = -low; k <= high; k++) {
      double t = k * h;
      double x = scale * Math.exp(HALF_PI * Math.sinh(t));
      double weight = x * HALF_PI * Math.cosh(t);
      if (x > 0 && Double.isFinite(x) && Double.isFinite(weight)) {
        double value = f.applyAsDouble(x);
        if (value != 0) {
          total += weight * value;
        }
      }
    }
    return h * total;
  }
}
