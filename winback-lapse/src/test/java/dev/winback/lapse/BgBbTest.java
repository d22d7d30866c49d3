package dev.winback.lapse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import dev.winback.InvalidInputException;
import org.junit.jupiter.api.Test;

/**
 * The discrete-time BG/BB on the donations data: the published estimates (BTYD walkthrough and Fader, Hardie and
 * Shang 2010: alpha 1.204, beta 0.750, gamma 0.657, delta 2.783, log-likelihood -33,225.58; lifetimes' tests assert
 * them to two decimals), fitted on the weighted 22-row matrix without expanding it.
 */
class BgBbTest {
  private static final CustomerSummaries DONATIONS = Donations.matrix();

  @Test
  void theDonationsFitMatchesThePublishedEstimates() {
    BgBb model = BgBb.fit(DONATIONS);

    assertThat(DONATIONS.size()).isEqualTo(22);
    assertThat(DONATIONS.totalWeight()).isEqualTo(11_104);
    assertThat(model.alpha()).isCloseTo(1.204, within(0.005));
    assertThat(model.beta()).isCloseTo(0.750, within(0.005));
    assertThat(model.gamma()).isCloseTo(0.657, within(0.005));
    assertThat(model.delta()).isCloseTo(2.783, within(0.005));
    assertThat(model.fit().logLikelihood()).isCloseTo(-33_225.58, within(0.01));
    assertThat(model.fit().converged()).isTrue();
  }

  @Test
  void weightsGiveTheLikelihoodOfTheExpandedData() {
    CustomerSummaries expanded = Donations.expanded();

    assertThat(expanded.size()).isEqualTo(11_104);
    assertThat(BgBb.logLikelihood(DONATIONS, 1.204, 0.750, 0.657, 2.783))
        .isCloseTo(BgBb.logLikelihood(expanded, 1.204, 0.750, 0.657, 2.783), within(1e-6));
  }

  @Test
  void aSupporterWhoGaveEveryYearIsLikelierAliveThanOneWhoStopped() {
    BgBb model = new BgBb(1.204, 0.750, 0.657, 2.783, null);

    assertThat(model.probabilityAlive(6, 6, 6)).isGreaterThan(model.probabilityAlive(3, 3, 6));
    assertThat(model.probabilityAlive(6, 6, 6)).isCloseTo(1, within(0.1));
    assertThat(model.probabilityAliveAfter(3, 3, 3, 6)).isLessThan(model.probabilityAlive(3, 3, 6));
  }

  @Test
  void theConditionalExpectationMatchesFaderHardieAndShangsEquationThirteen() {
    BgBb m = new BgBb(1.204, 0.750, 0.657, 2.783, null);
    double a = m.alpha();
    double b = m.beta();
    double g = m.gamma();
    double d = m.delta();
    double[][] histories = {{0, 0, 6}, {3, 4, 6}, {6, 6, 6}, {1, 1, 6}};
    for (double[] h : histories) {
      double x = h[0];
      double n = h[2];
      int future = 5;
      double likelihood = Math.exp(m.logLikelihood(x, h[1], n));
      double closed = 1
          / likelihood
          * Math.exp(Numerics.logBeta(a + x + 1, b + n - x) - Numerics.logBeta(a, b))
          * d
          / (g - 1)
          * Math.exp(Numerics.logGamma(g + d) - Numerics.logGamma(1 + d))
          * (Math.exp(Numerics.logGamma(1 + d + n) - Numerics.logGamma(g + d + n))
              - Math.exp(
                  Numerics.logGamma(1 + d + n + future) - Numerics.logGamma(g + d + n + future)));
      assertThat(m.expectedPurchases(future, x, h[1], n)).isCloseTo(closed, withinPercentage(1e-6));
    }
  }

  @Test
  void summariesThatAreNotWholeOpportunitiesAreRefused() {
    CustomerSummaries weeks = CustomerSummaries.of(
        new String[] {"a", "b"},
        new double[] {1, 2},
        new double[] {2.5, 1},
        new double[] {6, 6},
        null);

    assertThatThrownBy(() -> BgBb.fit(weeks))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("customers[a]: t_x and n must be whole numbers")
        .hasMessageContaining("customers[b].x: cannot exceed t_x");
  }
}
