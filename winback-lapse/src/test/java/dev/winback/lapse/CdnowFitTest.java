package dev.winback.lapse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.junit.jupiter.api.Test;

/**
 * The published CDNOW results (Fader, Hardie and Lee 2005; their Gamma-Gamma note), reproduced on lifetimes' summary
 * of the same cohort (which rounds t_x and T to two decimals): parameters within 0.5%, log-likelihoods within 0.05.
 */
class CdnowFitTest {
  private static final CustomerSummaries CDNOW = Cdnow.summaries();

  @Test
  void bgNbdMatchesThePublishedFit() {
    BgNbd model = BgNbd.fit(CDNOW);

    assertThat(model.r()).isCloseTo(0.243, withinPercentage(0.5));
    assertThat(model.alpha()).isCloseTo(4.414, withinPercentage(0.5));
    assertThat(model.a()).isCloseTo(0.793, withinPercentage(0.5));
    assertThat(model.b()).isCloseTo(2.426, withinPercentage(0.5));
    assertThat(model.fit().logLikelihood()).isCloseTo(-9582.4, within(0.05));
    assertThat(model.fit().converged()).isTrue();
  }

  @Test
  void paretoNbdMatchesThePublishedFit() {
    ParetoNbd model = ParetoNbd.fit(CDNOW);

    assertThat(model.r()).isCloseTo(0.553, withinPercentage(0.5));
    assertThat(model.alpha()).isCloseTo(10.578, withinPercentage(0.5));
    assertThat(model.s()).isCloseTo(0.606, withinPercentage(0.5));
    assertThat(model.beta()).isCloseTo(11.669, withinPercentage(0.5));
    assertThat(model.fit().logLikelihood()).isCloseTo(-9595.0, within(0.05));
  }

  @Test
  void gammaGammaMatchesThePublishedFit() {
    GammaGamma model = GammaGamma.fit(CDNOW);

    assertThat(model.p()).isCloseTo(6.25, withinPercentage(0.5));
    assertThat(model.q()).isCloseTo(3.74, withinPercentage(0.5));
    assertThat(model.gamma()).isCloseTo(15.44, withinPercentage(0.5));
  }

  @Test
  void mbgNbdFitsAndBeatsNoWorseThanTheBgNbdOnItsOwnTerms() {
    MbgNbd model = MbgNbd.fit(CDNOW);

    assertThat(model.fit().converged()).isTrue();
    assertThat(model.fit().logLikelihood()).isBetween(-9700.0, -9500.0);
  }
}
