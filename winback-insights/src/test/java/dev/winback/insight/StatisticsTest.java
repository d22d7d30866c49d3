package dev.winback.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Expected values come from published examples (Newcombe 1998, "Two-sided confidence intervals for the single
 * proportion" and "Interval estimation for the difference between independent proportions", Statistics in
 * Medicine 17) or hand calculation, as each test says.
 */
class StatisticsTest {

  @Test
  void wilsonIntervalMatchesNewcombesExample() {
    // Newcombe (1998a), example 81/263: score interval 0.2553 to 0.3662
    Interval interval = Statistics.wilson(81, 263, Statistics.Z95);

    assertThat(interval.lower()).isCloseTo(0.2553, within(5e-5));
    assertThat(interval.upper()).isCloseTo(0.3662, within(5e-5));
  }

  @Test
  void wilsonIntervalForZeroWinsStartsAtZero() {
    // hand calculation: x = 0, n = 10, z = 1.96: upper = (z^2/n) / (1 + z^2/n) = 0.38415 / 1.38415
    // = 0.27753
    Interval interval = Statistics.wilson(0, 10, Statistics.Z95);

    assertThat(interval.lower()).isZero();
    assertThat(interval.upper()).isCloseTo(0.27753, within(5e-5));
  }

  @Test
  void wilsonIntervalForAllWonEndsAtOne() {
    // by symmetry with the zero-wins case: 10/10 gives 1 - 0.27753 to 1
    Interval interval = Statistics.wilson(10, 10, Statistics.Z95);

    assertThat(interval.lower()).isCloseTo(0.72247, within(5e-5));
    assertThat(interval.upper()).isCloseTo(1.0, within(1e-12));
  }

  @Test
  void wilsonIntervalForOneCustomer() {
    // hand calculation: x = n = 1: lower = 1 / (1 + z^2) = 1 / 4.84146 = 0.20655
    Interval interval = Statistics.wilson(1, 1, Statistics.Z95);

    assertThat(interval.lower()).isCloseTo(0.20655, within(5e-5));
    assertThat(interval.upper()).isCloseTo(1.0, within(1e-12));
  }

  @Test
  void noTrialsMeanNoInformation() {
    assertThat(Statistics.wilson(0, 0, Statistics.Z95)).isEqualTo(new Interval(0, 1));
    assertThat(Statistics.twoProportionPValue(0, 0, 3, 10)).isEqualTo(1.0);
  }

  @Test
  void differenceIntervalMatchesNewcombesExample() {
    // Newcombe (1998b), example 56/70 - 48/80 = 0.2000, method 10 interval 0.0524 to 0.3339
    Interval interval = Statistics.differenceInterval(56, 70, 48, 80, Statistics.Z95);

    assertThat(interval.lower()).isCloseTo(0.0524, within(5e-5));
    assertThat(interval.upper()).isCloseTo(0.3339, within(5e-5));
  }

  @Test
  void twoProportionTestMatchesAHandCalculation() {
    // hand calculation: 30/100 vs 20/100, pooled p = 0.25, se = sqrt(0.25 * 0.75 * 0.02) =
    // 0.0612372,
    // z = 0.1 / 0.0612372 = 1.63299; two-sided p = 2 * (1 - Phi(1.63299)) = 0.10247 (normal table)
    assertThat(Statistics.twoProportionZ(30, 100, 20, 100)).isCloseTo(1.63299, within(1e-5));
    assertThat(Statistics.twoProportionPValue(30, 100, 20, 100)).isCloseTo(0.10247, within(5e-5));
    assertThat(Statistics.greaterPValue(30, 100, 20, 100)).isCloseTo(0.05124, within(5e-5));
  }

  @Test
  void theNormalTailMatchesTheTable() {
    // standard normal table: P(Z > 1.96) = 0.02500, P(Z > 0) = 0.5, P(Z > 3) = 0.00135
    assertThat(Statistics.normalTail(1.959963984540054)).isCloseTo(0.025, within(1e-7));
    assertThat(Statistics.normalTail(0)).isCloseTo(0.5, within(1e-7));
    assertThat(Statistics.normalTail(3)).isCloseTo(0.0013499, within(1e-7));
  }
}
