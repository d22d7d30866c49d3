package dev.winback.lapse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.function.IntToDoubleFunction;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * P(X(t) = n), unconditional and conditional on a history, and E[X(t)] for every purchase model. Checked three ways:
 * against a simulation of each model's own story (independent of every closed form, four standard errors); the
 * probabilities sum to one and their mean is the closed-form expectation (Fader, Hardie and Lee 2005, eq. 9;
 * Schmittlein, Morrison and Colombo 1987; Fader, Hardie and Shang 2010, eq. 8); and the conditional mean is the
 * conditional expectation whose BG/NBD value on CDNOW FHL publish (1.226 for x = 2, t_x = 30.43, T = 38.86).
 */
class PurchaseDistributionTest {
  private static final BgNbd BG = new BgNbd(0.243, 4.414, 0.793, 2.426, null);
  private static final MbgNbd MBG = new MbgNbd(0.525, 6.183, 0.891, 1.614, null);
  private static final ParetoNbd PARETO = new ParetoNbd(0.553, 10.578, 0.606, 11.669, null);
  private static final Nbd NBD = new Nbd(0.385, 12.072, null);
  private static final BgBb BGBB = new BgBb(1.204, 0.750, 0.657, 2.783, null);
  private static final List<PurchaseModel> MODELS = List.of(BG, MBG, PARETO, NBD, BGBB);
  private static final int DRAWS = 100_000;

  @Test
  void unconditionalProbabilitiesSumToOneAndAverageToTheExpectation() {
    for (PurchaseModel model : MODELS) {
      for (double t : new double[] {1, 6, 39, 78}) {
        double total = 0;
        double mean = 0;
        for (int n = 0; n <= 400; n++) {
          double p = model.probabilityOfPurchases(n, t);
          assertThat(p).isBetween(0.0, 1.0);
          total += p;
          mean += n * p;
        }
        assertThat(total)
            .as("%s, t=%s", model.getClass().getSimpleName(), t)
            .isCloseTo(1, within(1e-8));
        assertThat(mean)
            .as("%s, t=%s", model.getClass().getSimpleName(), t)
            .isCloseTo(model.expectedPurchases(t), within(1e-6 * (1 + mean)));
      }
    }
  }

  @Test
  void conditionalProbabilitiesSumToOneAndAverageToTheConditionalExpectation() {
    double[][] histories = {{0, 0, 38.86}, {2, 30.43, 38.86}, {7, 20, 38.86}, {1, 2, 6}, {5, 6, 6}};
    for (PurchaseModel model : MODELS) {
      for (double[] h : histories) {
        double total = 0;
        double mean = 0;
        for (int n = 0; n <= 400; n++) {
          double p = model.probabilityOfPurchases(n, 39, h[0], h[1], h[2]);
          total += p;
          mean += n * p;
        }
        String what = model.getClass().getSimpleName() + " " + java.util.Arrays.toString(h);
        assertThat(total).as(what).isCloseTo(1, within(1e-8));
        assertThat(mean)
            .as(what)
            .isCloseTo(model.expectedPurchases(39, h[0], h[1], h[2]), within(1e-6 * (1 + mean)));
      }
    }
    double published = 0;
    for (int n = 1; n <= 400; n++) {
      published += n * BG.probabilityOfPurchases(n, 39, 2, 30.43, 38.86);
    }
    assertThat(published).isCloseTo(1.226, within(0.01));
  }

  @Test
  void aSilentCustomerWhoMayHaveLeftIsLikelierToBuyNothing() {
    double recent = BG.probabilityOfPurchases(0, 39, 5, 38, 38.86);
    double silent = BG.probabilityOfPurchases(0, 39, 5, 5, 38.86);

    assertThat(silent).isGreaterThan(recent);
    assertThat(PARETO.probabilityOfPurchases(0, 39, 5, 5, 38.86))
        .isGreaterThan(PARETO.probabilityOfPurchases(0, 39, 5, 38, 38.86));
  }

  @Test
  void bgNbdProbabilitiesMatchASimulationOfTheModel() {
    Simulation sim = new Simulation(1);
    assertMatchesSimulation(
        n -> BG.probabilityOfPurchases(n, 39),
        i -> sim.betaGeometric(0.243, 4.414, 0.793, 2.426, 39, false));
  }

  @Test
  void mbgNbdProbabilitiesMatchASimulationOfTheModel() {
    Simulation sim = new Simulation(2);
    assertMatchesSimulation(
        n -> MBG.probabilityOfPurchases(n, 39),
        i -> sim.betaGeometric(0.525, 6.183, 0.891, 1.614, 39, true));
  }

  @Test
  void paretoNbdProbabilitiesMatchASimulationOfTheModel() {
    Simulation sim = new Simulation(3);
    assertMatchesSimulation(
        n -> PARETO.probabilityOfPurchases(n, 39),
        i -> sim.paretoNbd(0.553, 10.578, 0.606, 11.669, 39));
  }

  @Test
  void bgBbProbabilitiesMatchASimulationOfTheModel() {
    Simulation sim = new Simulation(4);
    assertMatchesSimulation(
        n -> BGBB.probabilityOfPurchases(n, 6),
        i -> sim.betaBinomial(1.204, 0.750, 0.657, 2.783, 6));
  }

  @Test
  void theBgBbExpectationMatchesFaderHardieAndShangsClosedForm() {
    double a = 1.204;
    double b = 0.750;
    double g = 0.657;
    double d = 2.783;
    for (int n = 1; n <= 10; n++) {
      // E[X(n)] = a / (a + b) d / (g - 1) (1 - Γ(g + d) Γ(1 + d + n) / (Γ(g + d + n) Γ(1 + d))),
      // eq. 8
      double closed = a
          / (a + b)
          * d
          / (g - 1)
          * (1
              - Math.exp(Numerics.logGamma(g + d)
                  + Numerics.logGamma(1 + d + n)
                  - Numerics.logGamma(g + d + n)
                  - Numerics.logGamma(1 + d)));
      assertThat(BGBB.expectedPurchases(n)).as("n=%d", n).isCloseTo(closed, within(1e-10));
    }
  }

  /** P(X = n) for n = 0..3 within four standard errors of the simulated shares, and the means likewise. */
  private static void assertMatchesSimulation(IntToDoubleFunction model, IntUnaryOperator draw) {
    int[] counts = new int[4];
    double sum = 0;
    double sumOfSquares = 0;
    for (int i = 0; i < DRAWS; i++) {
      int n = draw.applyAsInt(i);
      if (n < counts.length) {
        counts[n]++;
      }
      sum += n;
      sumOfSquares += (double) n * n;
    }
    double mean = 0;
    for (int n = 0; n <= 400; n++) {
      mean += n * model.applyAsDouble(n);
    }
    for (int n = 0; n < counts.length; n++) {
      double p = model.applyAsDouble(n);
      double share = counts[n] / (double) DRAWS;
      double se = Math.sqrt(p * (1 - p) / DRAWS);
      assertThat(share).as("P(X = %d)", n).isCloseTo(p, within(4 * se + 1e-12));
    }
    double simulatedMean = sum / DRAWS;
    double se = Math.sqrt((sumOfSquares / DRAWS - simulatedMean * simulatedMean) / DRAWS);
    assertThat(simulatedMean).as("mean").isCloseTo(mean, within(4 * se));
  }
}
