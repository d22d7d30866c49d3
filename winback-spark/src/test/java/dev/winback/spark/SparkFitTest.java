package dev.winback.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.winback.lapse.BgNbd;
import dev.winback.lapse.CustomerSummaries;
import dev.winback.lapse.Fit;
import dev.winback.lapse.FitOptions;
import dev.winback.lapse.GammaGamma;
import dev.winback.lapse.MbgNbd;
import dev.winback.lapse.Nbd;
import dev.winback.lapse.ParetoNbd;
import java.time.Duration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Models fitted over a DataFrame's partitions have the estimates of the same models fitted in one JVM, to 1e-6
 * relative, and those are the published CDNOW values (Fader, Hardie and Lee 2005: BG/NBD r 0.243, alpha 4.414,
 * a 0.793, b 2.426; Fader and Hardie's Gamma-Gamma note: p 6.25, q 3.74, gamma 15.44).
 */
class SparkFitTest {
  private static Dataset<Row> summaries;
  private static CustomerSummaries here;

  @BeforeAll
  static void summarise() {
    Duration week = Duration.ofDays(7);
    summaries = SparkSummaries.from(LocalSpark.cdnow())
        .columns("cust", "date", "sales")
        .summarise(LocalSpark.CALIBRATION_END, week)
        .repartition(4)
        .cache();
    here = SparkSummaries.collect(summaries, week);
  }

  @Test
  void theBgNbdFittedOverPartitionsIsTheOneFittedHere() {
    BgNbd spark = SparkFit.bgNbd(summaries, FitOptions.defaults());

    assertSameFit(spark.fit(), BgNbd.fit(here).fit());
    assertThat(spark.r()).isCloseTo(0.243, within(0.002));
    assertThat(spark.alpha()).isCloseTo(4.414, within(0.02));
    assertThat(spark.a()).isCloseTo(0.793, within(0.005));
    assertThat(spark.b()).isCloseTo(2.426, within(0.02));
    assertThat(spark.fit().standardError("r")).isNotEmpty();
  }

  @Test
  void theOtherPurchaseModelsToo() {
    assertSameFit(
        SparkFit.mbgNbd(summaries, FitOptions.defaults()).fit(),
        MbgNbd.fit(here).fit());
    assertSameFit(
        SparkFit.paretoNbd(summaries, FitOptions.defaults()).fit(),
        ParetoNbd.fit(here).fit());
    assertSameFit(
        SparkFit.nbd(summaries, FitOptions.defaults()).fit(), Nbd.fit(here).fit());
  }

  @Test
  void theGammaGammaOnTheCustomersWithRepeatPurchases() {
    GammaGamma spark = SparkFit.gammaGamma(summaries, FitOptions.defaults());

    assertSameFit(spark.fit(), GammaGamma.fit(here).fit());
    assertThat(spark.p()).isCloseTo(6.25, within(0.02));
    assertThat(spark.q()).isCloseTo(3.74, within(0.02));
    assertThat(spark.gamma()).isCloseTo(15.44, within(0.1));
  }

  @Test
  void aPenalizerActsAsItDoesHere() {
    FitOptions penalised = FitOptions.builder().penalizer(0.01).build();

    assertSameFit(
        SparkFit.bgNbd(summaries, penalised).fit(), BgNbd.fit(here, penalised).fit());
  }

  static void assertSameFit(Fit spark, Fit here) {
    assertThat(spark.logLikelihood())
        .isCloseTo(here.logLikelihood(), within(1e-9 * Math.abs(here.logLikelihood())));
    here.parameters()
        .forEach((name, value) -> assertThat(spark.parameters().get(name))
            .as(here.model() + " " + name)
            .isCloseTo(value, within(1e-6 * Math.abs(value))));
  }
}
