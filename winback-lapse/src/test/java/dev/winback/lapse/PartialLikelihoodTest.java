package dev.winback.lapse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A population held in parts (a cluster's partitions) fits to the same estimates as the whole held here: the parts'
 * log-likelihoods and gradients add up to the whole's, and the fit from their sum is the fit of the whole (CDNOW, in
 * three uneven parts and an empty one).
 */
class PartialLikelihoodTest {
  private static final CustomerSummaries CDNOW = Cdnow.summaries();
  private static final List<CustomerSummaries> PARTS =
      parts(CDNOW, 0, 700, 700, 1900, CDNOW.size());

  /** The partial log-likelihood of one model. */
  interface Partial {
    double at(CustomerSummaries part, double[] parameters, double[] gradient);
  }

  private static SummedLikelihood summed(Partial partial) {
    return (parameters, gradient) -> {
      double total = 0;
      java.util.Arrays.fill(gradient, 0);
      for (CustomerSummaries part : PARTS) {
        double[] g = new double[gradient.length];
        total += partial.at(part, parameters, g);
        for (int i = 0; i < g.length; i++) {
          gradient[i] += g[i];
        }
      }
      return total;
    };
  }

  @Test
  void thePartsLogLikelihoodsAddUpToTheWholes() {
    double[] parameters = {0.243, 4.414, 0.793, 2.426};
    double[] whole = new double[4];
    double[] parts = new double[4];

    double wholeValue = BgNbd.partialLogLikelihood(CDNOW, parameters, whole);
    double partsValue = summed(BgNbd::partialLogLikelihood).logLikelihood(parameters, parts);

    assertThat(wholeValue).isCloseTo(-9582.4, within(0.1)); // Fader, Hardie and Lee (2005)
    assertThat(partsValue).isCloseTo(wholeValue, within(1e-9 * Math.abs(wholeValue)));
    for (int i = 0; i < 4; i++) {
      assertThat(parts[i]).isCloseTo(whole[i], within(1e-9 * Math.max(1, Math.abs(whole[i]))));
    }
  }

  @Test
  void fitsFromSummedPartsEqualFitsOfTheWhole() {
    double customers = CDNOW.totalWeight();
    assertSame(
        BgNbd.fit(summed(BgNbd::partialLogLikelihood), customers, FitOptions.defaults())
            .fit(),
        BgNbd.fit(CDNOW).fit());
    assertSame(
        MbgNbd.fit(summed(MbgNbd::partialLogLikelihood), customers, FitOptions.defaults())
            .fit(),
        MbgNbd.fit(CDNOW).fit());
    assertSame(
        ParetoNbd.fit(summed(ParetoNbd::partialLogLikelihood), customers, FitOptions.defaults())
            .fit(),
        ParetoNbd.fit(CDNOW).fit());
    assertSame(
        Nbd.fit(summed(Nbd::partialLogLikelihood), customers, FitOptions.defaults())
            .fit(),
        Nbd.fit(CDNOW).fit());
    GammaGamma spend =
        GammaGamma.fit(summed(GammaGamma::partialLogLikelihood), 946, FitOptions.defaults());
    assertSame(spend.fit(), GammaGamma.fit(CDNOW).fit());
    assertThat(spend.p()).isCloseTo(6.25, within(0.01)); // Fader and Hardie's Gamma-Gamma note
    assertThat(spend.q()).isCloseTo(3.74, within(0.01));
    assertThat(spend.gamma()).isCloseTo(15.44, within(0.05));
  }

  @Test
  void aWrongNumberOfParametersIsRefusedNamingThem() {
    assertThatThrownBy(() -> BgNbd.partialLogLikelihood(CDNOW, new double[3], new double[3]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("r, alpha, a, b");
    assertThatThrownBy(() -> GammaGamma.partialLogLikelihood(CDNOW, new double[2], new double[2]))
        .hasMessageContaining("p, q, gamma");
  }

  private static void assertSame(Fit parts, Fit whole) {
    assertThat(parts.logLikelihood())
        .isCloseTo(whole.logLikelihood(), within(1e-9 * Math.abs(whole.logLikelihood())));
    whole
        .parameters()
        .forEach((name, value) -> assertThat(parts.parameters().get(name))
            .as(name)
            .isCloseTo(value, within(1e-6 * Math.abs(value))));
  }

  private static List<CustomerSummaries> parts(CustomerSummaries data, int... bounds) {
    List<CustomerSummaries> parts = new ArrayList<>();
    for (int k = 0; k + 1 < bounds.length; k++) {
      int from = bounds[k];
      int n = bounds[k + 1] - from;
      String[] ids = new String[n];
      double[] x = new double[n];
      double[] tx = new double[n];
      double[] age = new double[n];
      double[] spend = new double[n];
      for (int i = 0; i < n; i++) {
        ids[i] = data.id(from + i);
        x[i] = data.x(from + i);
        tx[i] = data.tx(from + i);
        age[i] = data.age(from + i);
        spend[i] = data.meanSpend(from + i);
      }
      parts.add(CustomerSummaries.of(ids, x, tx, age, spend));
    }
    return parts;
  }
}
