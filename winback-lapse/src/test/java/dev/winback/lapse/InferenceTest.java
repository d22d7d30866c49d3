package dev.winback.lapse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * Standard errors from the observed information, the L2 penalizer, starting values and weights. The standard
 * errors are checked against an observed information computed here independently (second differences of the plain
 * log-likelihood, inverted by cofactors), and against the law they must follow: the same data counted k times
 * (by weight) give the same estimates and standard errors divided by the square root of k.
 */
class InferenceTest {
  private static final CustomerSummaries CDNOW = Cdnow.summaries();

  @Test
  void bgNbdStandardErrorsAreThoseOfTheObservedInformation() {
    BgNbd model = BgNbd.fit(CDNOW);
    double[] at = {model.r(), model.alpha(), model.a(), model.b()};

    double[] independent = standardErrorsBySecondDifferences(
        p -> BgNbd.logLikelihood(CDNOW, p[0], p[1], p[2], p[3]), at);

    String[] names = {"r", "alpha", "a", "b"};
    for (int k = 0; k < 4; k++) {
      assertThat(model.fit().standardError(names[k]).orElseThrow())
          .as(names[k])
          .isCloseTo(independent[k], withinPercentage(1));
      assertThat(model.fit().interval95(names[k]).orElseThrow().contains(at[k])).isTrue();
    }
  }

  @Test
  void paretoNbdAndGammaGammaStandardErrorsAreThoseOfTheObservedInformation() {
    ParetoNbd pareto = ParetoNbd.fit(CDNOW);
    double[] at = {pareto.r(), pareto.alpha(), pareto.s(), pareto.beta()};
    double[] independent = standardErrorsBySecondDifferences(
        p -> ParetoNbd.logLikelihood(CDNOW, p[0], p[1], p[2], p[3]), at);
    assertThat(pareto.fit().standardError("s").orElseThrow())
        .isCloseTo(independent[2], withinPercentage(1));
    assertThat(pareto.fit().standardError("beta").orElseThrow())
        .isCloseTo(independent[3], withinPercentage(1));

    GammaGamma spend = GammaGamma.fit(CDNOW);
    double[] g = {spend.p(), spend.q(), spend.gamma()};
    double[] gIndependent = standardErrorsBySecondDifferences(
        p -> GammaGamma.logLikelihood(CDNOW, p[0], p[1], p[2]), g);
    assertThat(spend.fit().standardError("q").orElseThrow())
        .isCloseTo(gIndependent[1], withinPercentage(1));
  }

  @Test
  void countingEveryCustomerFourTimesHalvesTheStandardErrors() {
    double[] four = new double[CDNOW.size()];
    java.util.Arrays.fill(four, 4);
    BgNbd once = BgNbd.fit(CDNOW);
    BgNbd weighted = BgNbd.fit(CDNOW.withWeights(four));

    assertThat(weighted.r()).isCloseTo(once.r(), withinPercentage(0.1));
    assertThat(weighted.fit().logLikelihood())
        .isCloseTo(4 * once.fit().logLikelihood(), within(0.05));
    assertThat(weighted.fit().standardError("alpha").orElseThrow())
        .isCloseTo(once.fit().standardError("alpha").orElseThrow() / 2, withinPercentage(1));
  }

  @Test
  void thePenalizerShrinksTheEstimatesAndIsReportedWithoutIt() {
    BgNbd free = BgNbd.fit(CDNOW);
    BgNbd penalised = BgNbd.fit(CDNOW, FitOptions.builder().penalizer(0.01).build());

    double freeNorm = free.alpha() * free.alpha() + free.b() * free.b();
    double penalisedNorm = penalised.alpha() * penalised.alpha() + penalised.b() * penalised.b();
    assertThat(penalisedNorm).isLessThan(freeNorm);
    assertThat(penalised.fit().logLikelihood()).isLessThan(free.fit().logLikelihood());
    assertThat(penalised.fit().logLikelihood())
        .isCloseTo(
            BgNbd.logLikelihood(
                CDNOW, penalised.r(), penalised.alpha(), penalised.a(), penalised.b()),
            within(1e-6));
  }

  @Test
  void startingValuesFarFromTheMaximumReachTheSameMaximum() {
    ParetoNbd standard = ParetoNbd.fit(CDNOW);
    ParetoNbd fromElsewhere =
        ParetoNbd.fit(CDNOW, FitOptions.builder().start(2, 30, 2, 30).build());

    assertThat(fromElsewhere.fit().logLikelihood())
        .isCloseTo(standard.fit().logLikelihood(), within(1e-3));
    assertThatThrownBy(() -> BgNbd.fit(CDNOW, FitOptions.builder().start(1, 2).build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("need 4 starting values (r, alpha, a, b), got 2");
  }

  @Test
  void optionsAreSetOnceAndChecked() {
    FitOptions.Builder builder = FitOptions.builder().penalizer(0.1);

    assertThatThrownBy(() -> builder.penalizer(0.2))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("penalizer already set to 0.1");
    assertThatThrownBy(() -> FitOptions.builder().penalizer(-1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FitOptions.builder().start(1, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CDNOW.withWeights(new double[] {1}))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /**
   * Square roots of the diagonal of the inverse of minus the Hessian, the Hessian by second central differences of
   * the log-likelihood (steps of 1e-4 relative) and the inverse by Gauss-Jordan elimination.
   */
  static double[] standardErrorsBySecondDifferences(ToDoubleFunction<double[]> f, double[] at) {
    int n = at.length;
    double[][] info = new double[n][2 * n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double hi = 1e-4 * at[i];
        double hj = 1e-4 * at[j];
        double[] pp = at.clone();
        double[] pm = at.clone();
        double[] mp = at.clone();
        double[] mm = at.clone();
        pp[i] += hi;
        pp[j] += hj;
        pm[i] += hi;
        pm[j] -= hj;
        mp[i] -= hi;
        mp[j] += hj;
        mm[i] -= hi;
        mm[j] -= hj;
        double second =
            (f.applyAsDouble(pp) - f.applyAsDouble(pm) - f.applyAsDouble(mp) + f.applyAsDouble(mm))
                / (4 * hi * hj);
        info[i][j] = -second;
      }
      info[i][n + i] = 1;
    }
    for (int col = 0; col < n; col++) {
      int pivot = col;
      for (int row = col + 1; row < n; row++) {
        if (Math.abs(info[row][col]) > Math.abs(info[pivot][col])) {
          pivot = row;
        }
      }
      double[] swap = info[col];
      info[col] = info[pivot];
      info[pivot] = swap;
      double d = info[col][col];
      for (int k = 0; k < 2 * n; k++) {
        info[col][k] /= d;
      }
      for (int row = 0; row < n; row++) {
        if (row != col) {
          double factor = info[row][col];
          for (int k = 0; k < 2 * n; k++) {
            info[row][k] -= factor * info[col][k];
          }
        }
      }
    }
    double[] se = new double[n];
    for (int i = 0; i < n; i++) {
      se[i] = Math.sqrt(info[i][n + i]);
    }
    return se;
  }
}
