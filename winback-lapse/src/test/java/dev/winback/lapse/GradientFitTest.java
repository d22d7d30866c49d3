package dev.winback.lapse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/** The analytic gradients and the quasi-Newton optimiser that uses them, checked against first principles. */
class GradientFitTest {
  private static final CustomerSummaries CDNOW = Cdnow.summaries();

  @Test
  void theBgNbdGradientMatchesCentralDifferencesOfTheLikelihood() {
    assertGradientMatchesCentralDifferences(
        new double[] {0.3, 5.0, 0.9, 2.0},
        (p, g) -> BgNbd.logLikelihood(CDNOW, p[0], p[1], p[2], p[3], g),
        p -> BgNbd.logLikelihood(CDNOW, p[0], p[1], p[2], p[3]));
  }

  @Test
  void theMbgNbdGradientMatchesCentralDifferencesOfTheLikelihood() {
    assertGradientMatchesCentralDifferences(
        new double[] {0.4, 6.0, 1.1, 2.5},
        (p, g) -> BgNbd.logLikelihood(CDNOW, p[0], p[1], p[2], p[3], g, true),
        p -> MbgNbd.logLikelihood(CDNOW, p[0], p[1], p[2], p[3]));
  }

  @Test
  void theMbgNbdFitReachesTheSameMaximumAsNelderMead() {
    MbgNbd byGradient = MbgNbd.fit(CDNOW);
    Fitting.Estimates byNelderMead = Fitting.maximise(
        "MBG/NBD",
        new String[] {"r", "alpha", "a", "b"},
        v -> MbgNbd.logLikelihood(CDNOW, v[0], v[1], v[2], v[3]));

    assertThat(byGradient.fit().converged()).isTrue();
    assertThat(byGradient.fit().logLikelihood())
        .isCloseTo(byNelderMead.fit().logLikelihood(), within(1e-3));
  }

  @Test
  void theParetoNbdGradientMatchesCentralDifferencesOnBothSidesOfAlphaEqualsBeta() {
    for (double[] at : new double[][] {{0.55, 10.6, 0.6, 11.7}, {0.5, 12.0, 0.7, 8.0}}) {
      assertGradientMatchesCentralDifferences(
          at,
          (p, g) -> ParetoNbd.logLikelihood(CDNOW, p[0], p[1], p[2], p[3], g),
          p -> ParetoNbd.logLikelihood(CDNOW, p[0], p[1], p[2], p[3]));
    }
  }

  @Test
  void theParetoNbdFitReachesTheSameMaximumAsNelderMead() {
    ParetoNbd byGradient = ParetoNbd.fit(CDNOW);
    Fitting.Estimates byNelderMead = Fitting.maximise(
        "Pareto/NBD",
        new String[] {"r", "alpha", "s", "beta"},
        v -> ParetoNbd.logLikelihood(CDNOW, v[0], v[1], v[2], v[3]));

    assertThat(byGradient.fit().converged()).isTrue();
    assertThat(byGradient.fit().logLikelihood())
        .isCloseTo(byNelderMead.fit().logLikelihood(), within(1e-3));
    assertThat(byGradient.fit().evaluations()).isLessThan(byNelderMead.fit().evaluations() / 4);
  }

  @Test
  void theGradientSumDoesNotDependOnHowTheWorkIsSplit() {
    CustomerSummaries large = Cdnow.repeated(30);
    double[] gradient = new double[4];

    double parallel = BgNbd.logLikelihood(large, 0.3, 5.0, 0.9, 2.0, gradient);
    double single = BgNbd.logLikelihood(CDNOW, 0.3, 5.0, 0.9, 2.0, new double[4]);

    assertThat(large.size()).isGreaterThan(50_000);
    assertThat(parallel).isCloseTo(30 * single, within(1e-6 * Math.abs(parallel)));
  }

  @Test
  void bfgsFindsTheMinimumOfTheRosenbrockValleyInFewEvaluations() {
    Optimizer.Result result = Optimizer.minimiseWithGradient(
        (p, g) -> {
          double x = p[0];
          double y = p[1];
          g[0] = -2 * (1 - x) - 400 * x * (y - x * x);
          g[1] = 200 * (y - x * x);
          return (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x);
        },
        new double[] {-1.2, 1},
        1e-12,
        1_000);

    assertThat(result.converged()).isTrue();
    assertThat(result.point()[0]).isCloseTo(1, within(1e-5));
    assertThat(result.point()[1]).isCloseTo(1, within(1e-5));
    assertThat(result.evaluations()).isLessThan(200);
  }

  @Test
  void theBgNbdFitNeedsFarFewerEvaluationsThanNelderMeadForTheSameMaximum() {
    BgNbd byGradient = BgNbd.fit(CDNOW);
    Fitting.Estimates byNelderMead = Fitting.maximise(
        "BG/NBD",
        new String[] {"r", "alpha", "a", "b"},
        v -> BgNbd.logLikelihood(CDNOW, v[0], v[1], v[2], v[3]));

    assertThat(byGradient.fit().logLikelihood())
        .isCloseTo(byNelderMead.fit().logLikelihood(), within(1e-3));
    assertThat(byGradient.fit().evaluations()).isLessThan(byNelderMead.fit().evaluations() / 4);
  }

  /** The analytic value equals the plain one, and each partial derivative equals a central difference of it. */
  private static void assertGradientMatchesCentralDifferences(
      double[] at, Fitting.WithGradient withGradient, ToDoubleFunction<double[]> plain) {
    double[] gradient = new double[at.length];

    double value = withGradient.logLikelihood(at.clone(), gradient);

    assertThat(value).isCloseTo(plain.applyAsDouble(at), within(1e-7));
    for (int k = 0; k < at.length; k++) {
      double h = 1e-6 * at[k];
      double[] up = at.clone();
      double[] down = at.clone();
      up[k] += h;
      down[k] -= h;
      double numeric = (plain.applyAsDouble(up) - plain.applyAsDouble(down)) / (2 * h);
      assertThat(gradient[k])
          .as("at %s, d/d parameter %d", Arrays.toString(at), k)
          .isCloseTo(numeric, within(1e-4 * Math.max(1, Math.abs(numeric))));
    }
  }
}
