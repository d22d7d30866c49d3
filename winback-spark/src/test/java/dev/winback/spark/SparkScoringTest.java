package dev.winback.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.winback.lapse.BgNbd;
import dev.winback.lapse.CustomerSummaries;
import dev.winback.lapse.GammaGamma;
import dev.winback.lapse.LifetimeValue;
import java.time.Duration;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/** Scoring a DataFrame gives every customer the probability alive, expected purchases and value computed here. */
class SparkScoringTest {
  private static final Duration WEEK = Duration.ofDays(7);

  @Test
  void everyCustomerGetsTheColumnsTheModelsGiveHere() {
    Dataset<Row> summaries = SparkSummaries.from(LocalSpark.cdnow())
        .columns("cust", "date", "sales")
        .summarise(LocalSpark.CALIBRATION_END, WEEK);
    CustomerSummaries here = SparkSummaries.collect(summaries, WEEK);
    BgNbd model = BgNbd.fit(here);
    GammaGamma spend = GammaGamma.fit(here);
    LifetimeValue value = LifetimeValue.builder()
        .purchases(model)
        .spend(spend)
        .period(WEEK)
        .horizon(Duration.ofDays(360), Duration.ofDays(30))
        .discountRate(0.01)
        .build();

    List<Row> scored = SparkScoring.score(summaries, value, 52)
        .orderBy(SparkSummaries.CUSTOMER)
        .select(
            SparkSummaries.CUSTOMER, SparkScoring.ALIVE, SparkScoring.EXPECTED, SparkScoring.VALUE)
        .collectAsList();

    double[] alive = model.probabilityAlive(here);
    double[] expected = model.expectedPurchases(52, here);
    double[] values = value.values(here);
    assertThat(scored).hasSize(here.size());
    for (int i = 0; i < here.size(); i++) {
      Row row = scored.get(i);
      assertThat(row.getString(0)).isEqualTo(here.id(i));
      assertThat(row.getDouble(1))
          .as("p_alive of %s", here.id(i))
          .isCloseTo(alive[i], within(1e-12));
      assertThat(row.getDouble(2))
          .as("expected of %s", here.id(i))
          .isCloseTo(expected[i], within(1e-12));
      assertThat(row.getDouble(3)).as("value of %s", here.id(i)).isCloseTo(values[i], within(1e-9));
    }
    assertThat(scored.stream().mapToDouble(r -> r.getDouble(1)).average().orElseThrow())
        .isBetween(0.3, 0.9);
  }
}
