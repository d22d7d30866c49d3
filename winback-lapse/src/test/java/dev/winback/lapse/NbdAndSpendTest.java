package dev.winback.lapse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.junit.jupiter.api.Test;

/**
 * The NBD fitted by the same machinery, checked by its score equations written out here without a digamma
 * (psi(r + x) - psi(r) is the finite sum of 1 / (r + j) for j below x); and the Gamma-Gamma fitted by BFGS on
 * sufficient statistics, checked against Nelder-Mead on the plain per-customer likelihood and the published CDNOW
 * values (Fader, Hardie and Lee's Gamma-Gamma note: p 6.25, q 3.74, gamma 15.44).
 */
class NbdAndSpendTest {
  private static final CustomerSummaries CDNOW = Cdnow.summaries();

  @Test
  void theNbdFitSolvesItsScoreEquations() {
    Nbd model = Nbd.fit(CDNOW);
    double r = model.r();
    double alpha = model.alpha();

    double dr = 0;
    double dAlpha = 0;
    for (int i = 0; i < CDNOW.size(); i++) {
      double x = CDNOW.x(i);
      double t = CDNOW.age(i);
      for (int j = 0; j < x; j++) {
        dr += 1 / (r + j);
      }
      dr += Math.log(alpha) - Math.log(alpha + t);
      dAlpha += r / alpha - (r + x) / (alpha + t);
    }

    assertThat(dr).isCloseTo(0, within(1e-3));
    assertThat(dAlpha).isCloseTo(0, within(1e-3));
    assertThat(model.fit().converged()).isTrue();
    assertThat(model.fit().logLikelihood()).isLessThan(BgNbd.fit(CDNOW).fit().logLikelihood());
    assertThat(model.probabilityAlive(3, 1, 38)).isEqualTo(1.0);
    assertThat(model.expectedPurchases(10, 3, 1, 38))
        .isCloseTo((r + 3) / (alpha + 38) * 10, within(1e-12));
  }

  @Test
  void theGammaGammaGradientFitReachesTheMaximumOfThePlainLikelihood() {
    GammaGamma byGradient = GammaGamma.fit(CDNOW);
    Fitting.Estimates byNelderMead = Fitting.maximise(
        "Gamma-Gamma",
        new String[] {"p", "q", "gamma"},
        v -> GammaGamma.logLikelihood(CDNOW, v[0], v[1], v[2]));

    assertThat(byGradient.fit().converged()).isTrue();
    assertThat(byGradient.fit().logLikelihood())
        .isCloseTo(byNelderMead.fit().logLikelihood(), within(1e-3));
    assertThat(byGradient.fit().logLikelihood())
        .isCloseTo(
            GammaGamma.logLikelihood(CDNOW, byGradient.p(), byGradient.q(), byGradient.gamma()),
            within(1e-6));
    assertThat(byGradient.p()).isCloseTo(6.25, withinPercentage(0.5));
    assertThat(byGradient.q()).isCloseTo(3.74, withinPercentage(0.5));
    assertThat(byGradient.gamma()).isCloseTo(15.44, withinPercentage(0.5));
    assertThat(byGradient.fit().evaluations()).isLessThan(byNelderMead.fit().evaluations() / 4);
  }

  @Test
  void theGammaGammaGradientMatchesCentralDifferences() {
    GammaGamma.Statistics stats = GammaGamma.Statistics.of(CDNOW);
    double[] at = {5.0, 3.0, 12.0};
    double[] gradient = new double[3];

    double value = stats.logLikelihood(at[0], at[1], at[2], gradient);

    assertThat(value).isCloseTo(GammaGamma.logLikelihood(CDNOW, at[0], at[1], at[2]), within(1e-7));
    for (int k = 0; k < 3; k++) {
      double h = 1e-6 * at[k];
      double[] up = at.clone();
      double[] down = at.clone();
      up[k] += h;
      down[k] -= h;
      double numeric = (GammaGamma.logLikelihood(CDNOW, up[0], up[1], up[2])
              - GammaGamma.logLikelihood(CDNOW, down[0], down[1], down[2]))
          / (2 * h);
      assertThat(gradient[k]).isCloseTo(numeric, within(1e-4 * Math.max(1, Math.abs(numeric))));
    }
  }
}
