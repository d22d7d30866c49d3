package dev.winback.lapse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The numbers behind the report's diagnostic charts, on lifetimes' CDNOW sample (MIT; see resources/cdnow/NOTICE.md):
 * the tracked cohort agrees with BTYD's published CDNOW tracking (2,457 cumulative repeat purchases by week 39, 4,339
 * by week 78), and the calibration-versus-holdout rows agree with the holdout counts and the model's conditional
 * expectations summed independently here.
 */
class ModelDiagnosticsTest {
  private static final Instant ORIGIN = Instant.parse("1997-01-01T00:00:00Z");
  private static final List<CustomerSummaries.Transaction> LOG = Cdnow.transactions();
  private static final Duration WEEK = Duration.ofDays(7);

  @Test
  void theLogsTrackingMatchesBtydsPublishedCdnowTracking() {
    Tracking tracking = TransactionLog.of(LOG::iterator)
        .withBufferSize(1000) // sorted in runs on disk: the log need not fit in memory
        .tracking(ORIGIN, Cdnow.CALIBRATION_END, Cdnow.OBSERVATION_END, WEEK);

    assertThat(tracking.periods()).hasSize(78);
    assertThat(tracking.births()).hasSize(2357);
    assertThat(tracking.actualCumulative()[38]).isEqualTo(2457);
    assertThat(tracking.actualCumulative()[77]).isEqualTo(4339);
    assertThat(Arrays.stream(tracking.actualIncremental()).sum()).isEqualTo(4339);
    assertThat(Arrays.stream(tracking.births()).max().orElseThrow()).isLessThan(12);
  }

  @Test
  void calibrationRowsHoldTheHoldoutAndTheModelsExpectationPerFrequency() {
    CalibrationHoldout split = TransactionLog.of(LOG::iterator)
        .calibrationAndHoldout(Cdnow.CALIBRATION_END, Cdnow.OBSERVATION_END, WEEK);
    BgNbd model = BgNbd.fit(split.calibration());

    ModelDiagnostics diagnostics = ModelDiagnostics.of("BG/NBD", model, split, 7);

    assertThat(diagnostics.calibration())
        .extracting(ModelDiagnostics.FrequencyRow::frequency)
        .containsExactly("0", "1", "2", "3", "4", "5", "6", "7+");
    assertThat(diagnostics.calibration().stream()
            .mapToInt(ModelDiagnostics.FrequencyRow::customers)
            .sum())
        .isEqualTo(2357);
    double actualTotal = 0;
    double predictedTotal = 0;
    for (ModelDiagnostics.FrequencyRow row : diagnostics.calibration()) {
      actualTotal += row.actual() * row.customers();
      predictedTotal += row.predicted() * row.customers();
    }
    assertThat(actualTotal).isCloseTo(1882, within(1e-6));
    CustomerSummaries data = split.calibration();
    double summedHere = 0;
    double frequentHere = 0;
    int frequent = 0;
    for (int i = 0; i < data.size(); i++) {
      double expected = model.expectedPurchases(39, data.x(i), data.tx(i), data.age(i));
      summedHere += expected;
      if (data.x(i) >= 7) {
        frequentHere += expected;
        frequent++;
      }
    }
    assertThat(predictedTotal).isCloseTo(summedHere, within(1e-6 * summedHere));
    assertThat(diagnostics.calibration().get(7).predicted())
        .isCloseTo(frequentHere / frequent, within(1e-9));
    assertThat(Arrays.stream(diagnostics.aliveHistogram()).sum()).isEqualTo(2357);
    assertThat(diagnostics.tracking()).isEmpty();
  }

  @Test
  void trackingHeldAgainstTheModelGivesItsExpectationPerPeriod() {
    CalibrationHoldout split = TransactionLog.of(LOG::iterator)
        .calibrationAndHoldout(Cdnow.CALIBRATION_END, Cdnow.OBSERVATION_END, WEEK);
    BgNbd model = BgNbd.fit(split.calibration());
    Tracking tracking = TransactionLog.of(LOG::iterator)
        .tracking(ORIGIN, Cdnow.CALIBRATION_END, Cdnow.OBSERVATION_END, WEEK);

    ModelDiagnostics diagnostics =
        ModelDiagnostics.of("BG/NBD", model, split, 7).withTracking(model, tracking);

    double[] expected = diagnostics.expectedCumulative();
    assertThat(expected).hasSize(78);
    assertThat(expected[38]).isCloseTo(2457, within(0.03 * 2457));
    assertThat(expected[77]).isCloseTo(4339, within(0.05 * 4339));
    assertThat(diagnostics.expectedIncremental()[10])
        .isCloseTo(expected[10] - expected[9], within(1e-9));
    assertThat(diagnostics.tracking()).contains(tracking);
  }
}
