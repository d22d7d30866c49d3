// spotless:off
package dev.winback.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.winback.lapse.BgBb;
import dev.winback.lapse.CustomerSummaries;
import dev.winback.lapse.Fit;
import dev.winback.lapse.FitOptions;
import dev.winback.lapse.GammaGamma;
import dev.winback.lapse.LifetimeValue;
import dev.winback.lapse.ParetoNbd;
import dev.winback.lapse.TransactionLog;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's lapse-model example, line for line, on the CDNOW log and the donations matrix (lifetimes, MIT). */
class LapseModelsTest {
  @TempDir
  Path dir;

  @Test
  void theReadmeExampleRunsOnCdnowAndTheDonations() throws IOException {
    Path elog = cdnowLog();
    Path rfMatrix = dir.resolve("donations.csv");
    try (InputStream in = getClass().getResourceAsStream("/lapse/donations.csv")) {
      Files.copy(in, rfMatrix);
    }
    Instant calibrationEnd = Instant.parse("1997-09-30T00:00:00Z");

    // elog: a CSV transaction log (customer_id,date,sales) in any order; rfMatrix: a weighted recency-frequency CSV
    CustomerSummaries weeks = TransactionLog.csv(elog).summaries(calibrationEnd, Duration.ofDays(7));
    ParetoNbd purchases = ParetoNbd.fit(weeks, FitOptions.builder().penalizer(0.0001).build());
    Fit.Interval r = purchases.fit().interval95("r").orElseThrow();          // from the observed information
    double nothingNextYear = purchases.probabilityOfPurchases(0, 52, 2, 30.43, 38.86);
    double[] alive = purchases.probabilityAlive(weeks);                      // the whole population, both cores
    LifetimeValue clv = LifetimeValue.builder()
        .purchases(purchases)
        .spend(GammaGamma.fit(weeks))
        .period(Duration.ofDays(7))                                          // one period of t_x and T
        .horizon(Duration.ofDays(360), Duration.ofDays(30))                  // 12 steps of 30 days...
        .discountRate(0.01)                                                  // ...at 1% a step
        .build();
    double[] values = clv.values(weeks);
    double residual = clv.residualValue(0.15, 2, 30.43, 38.86, 22.35);      // DERT times spend, 15% a year
    BgBb donors = BgBb.fit(CustomerSummaries.readCsv(rfMatrix));             // 22 weighted rows, not 11,104

    assertThat(weeks.size()).isEqualTo(2357);
    assertThat(r.contains(purchases.r())).isTrue();
    assertThat(nothingNextYear).isBetween(0.0, 1.0);
    assertThat(alive).hasSize(2357);
    assertThat(java.util.Arrays.stream(values).min().orElseThrow()).isNotNegative();
    assertThat(residual).isPositive();
    assertThat(donors.fit().logLikelihood()).isBetween(-33_226.0, -33_225.0);
  }

  /** lifetimes' CDNOW_sample.txt (master id, id, yyyymmdd, CDs, dollars) as a CSV log, newest first. */
  private Path cdnowLog() throws IOException {
    String text;
    try (InputStream in = getClass().getResourceAsStream("/lapse/CDNOW_sample.txt")) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    StringBuilder csv = new StringBuilder("customer_id,date,sales\n");
    text.lines().sorted(java.util.Comparator.reverseOrder()).forEach(line -> {
      String[] f = line.trim().split("\\s+");
      csv.append(Integer.parseInt(f[1])).append(',').append(f[2]).append(',').append(f[4]).append('\n');
    });
    Path file = dir.resolve("cdnow.csv");
    Files.writeString(file, csv);
    return file;
  }
}
// spotless:on
