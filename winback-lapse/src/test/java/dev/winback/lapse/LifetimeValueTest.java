package dev.winback.lapse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * DERT and lifetime value with explicit units and discounting, for every purchase model. DERT is defined as the
 * integral of e^(-delta t) dE[X(t) | history]; each model's DERT (closed form, one- or two-dimensional quadrature,
 * or series) is checked against delta times the integral of e^(-delta t) E[X(t) | history] dt computed here by the
 * trapezoidal rule on a fine grid from the models' closed-form conditional expectations (FHL 2005 eq. 10,
 * Schmittlein et al. 1987, Fader, Hardie and Shang 2010 eq. 13), and the BG/BB's against FHS's closed form (eq. 14).
 */
class LifetimeValueTest {
  private static final BgNbd BG = new BgNbd(0.243, 4.414, 0.793, 2.426, null);
  private static final MbgNbd MBG = new MbgNbd(0.525, 6.183, 0.891, 1.614, null);
  private static final ParetoNbd PARETO = new ParetoNbd(0.553, 10.578, 0.606, 11.669, null);
  private static final Nbd NBD = new Nbd(0.385, 12.072, null);
  private static final GammaGamma SPEND = new GammaGamma(6.25, 3.74, 15.44, null);

  @Test
  void dertOfTheContinuousModelsIsTheDiscountedIntegralOfTheirExpectations() {
    double delta = 0.05;
    double[][] histories = {{0, 0, 38.86}, {2, 30.43, 38.86}, {7, 35, 38.86}, {3, 5, 38.86}};
    for (PurchaseModel model : new PurchaseModel[] {BG, MBG, PARETO, NBD}) {
      for (double[] h : histories) {
        double byTrapezoid =
            discountedIntegral(t -> model.expectedPurchases(t, h[0], h[1], h[2]), delta);
        assertThat(model.discountedResidualPurchases(delta, h[0], h[1], h[2]))
            .as("%s %s", model.getClass().getSimpleName(), java.util.Arrays.toString(h))
            .isCloseTo(byTrapezoid, within(1e-4 * (1 + byTrapezoid)));
      }
    }
  }

  @Test
  void bgBbDertMatchesFaderHardieAndShangsClosedForm() {
    BgBb m = new BgBb(1.204, 0.750, 0.657, 2.783, null);
    double rate = Math.log(1.1);
    for (double[] h : new double[][] {{0, 0, 6}, {3, 4, 6}, {6, 6, 6}}) {
      double x = h[0];
      double n = h[2];
      double d = m.delta() + n;
      // P(alive) (alpha + x) / (alpha + beta + n) B(gamma, d + 1) / B(gamma, d) / (1 + 0.1) 2F1(1,
      // d + 1; gamma + d + 1;
      // 1 / 1.1)
      double closed = m.probabilityAlive(x, h[1], n)
          * (m.alpha() + x)
          / (m.alpha() + m.beta() + n)
          * d
          / (m.gamma() + d)
          / 1.1
          * Numerics.hyp2f1(1, d + 1, m.gamma() + d + 1, 1 / 1.1);
      assertThat(m.discountedResidualPurchases(rate, x, h[1], n))
          .isCloseTo(closed, within(1e-9 * closed));
    }
  }

  @Test
  void lifetimeValueDiscountsEachStepsPurchasesTimesTheExpectedSpend() {
    LifetimeValue clv = LifetimeValue.builder()
        .purchases(PARETO)
        .spend(SPEND)
        .period(Duration.ofDays(7))
        .horizon(Duration.ofDays(90), Duration.ofDays(30))
        .discountRate(0.01)
        .build();
    double x = 2;
    double tx = 30.43;
    double age = 38.86;

    double byHand = 0;
    for (int month = 1; month <= 3; month++) {
      double inMonth = PARETO.expectedPurchases(month * 30 / 7.0, x, tx, age)
          - PARETO.expectedPurchases((month - 1) * 30 / 7.0, x, tx, age);
      byHand += inMonth / Math.pow(1.01, month);
    }
    byHand *= SPEND.expectedSpend(x, 22.35);

    assertThat(clv.value(x, tx, age, 22.35)).isCloseTo(byHand, within(1e-9));
    assertThat(clv.residualValue(0.15, x, tx, age, 22.35))
        .isCloseTo(
            PARETO.discountedResidualPurchases(Math.log(1.15) * 7 / 365.25, x, tx, age)
                * SPEND.expectedSpend(x, 22.35),
            within(1e-9));
  }

  @Test
  void everyModelScoresAWholePopulation() {
    CustomerSummaries cdnow = Cdnow.summaries().withUnit(Duration.ofDays(7));
    for (PurchaseModel model : new PurchaseModel[] {BG, MBG, PARETO, NBD}) {
      LifetimeValue clv = LifetimeValue.builder()
          .purchases(model)
          .spend(SPEND)
          .period(Duration.ofDays(7))
          .build();

      double[] alive = model.probabilityAlive(cdnow);
      double[] expected = model.expectedPurchases(52, cdnow);
      double[] values = clv.values(cdnow);

      for (int i = 0; i < cdnow.size(); i += 97) {
        assertThat(alive[i])
            .isCloseTo(
                model.probabilityAlive(cdnow.x(i), cdnow.tx(i), cdnow.age(i)), within(1e-12));
        assertThat(expected[i])
            .isCloseTo(
                model.expectedPurchases(52, cdnow.x(i), cdnow.tx(i), cdnow.age(i)), within(1e-12));
        assertThat(values[i])
            .isCloseTo(
                clv.value(cdnow.x(i), cdnow.tx(i), cdnow.age(i), cdnow.meanSpend(i)), within(1e-9));
      }
    }
  }

  @Test
  void summariesInAnotherUnitAreRefusedAndOptionsAreSetOnce() {
    LifetimeValue clv =
        LifetimeValue.builder().purchases(BG).period(Duration.ofDays(7)).build();
    CustomerSummaries daily = Cdnow.summaries().withUnit(Duration.ofDays(1));

    assertThatThrownBy(() -> clv.values(daily))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(
            "the summaries are in periods of PT24H, the valuation in periods of PT168H");
    assertThatThrownBy(() -> LifetimeValue.builder().discountRate(0.01).discountRate(0.02))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("discount rate already set to 0.01");
    assertThatThrownBy(
            () -> LifetimeValue.builder().horizon(Duration.ofDays(100), Duration.ofDays(30)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("whole number of steps");
  }

  /** delta ∫ e^(-delta t) E(t) dt over 0..40/delta by the trapezoidal rule in steps of 0.02 periods. */
  private static double discountedIntegral(DoubleUnaryOperator expected, double delta) {
    double step = 0.02;
    int steps = (int) (40 / delta / step);
    double sum = 0;
    for (int k = 1; k <= steps; k++) {
      double t = k * step;
      double weight = k == steps ? 0.5 : 1;
      sum += weight * Math.exp(-delta * t) * expected.applyAsDouble(t);
    }
    return delta * step * sum;
  }
}
