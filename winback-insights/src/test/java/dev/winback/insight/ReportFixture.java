package dev.winback.insight;

import static dev.winback.testing.Customers.LOST_AT;

import dev.winback.Experiment;
import dev.winback.ManualClock;
import dev.winback.WinBack;
import dev.winback.model.ExitCategory;
import dev.winback.model.Feedback;
import dev.winback.model.ReasonSource;
import dev.winback.model.ValueTiers;
import dev.winback.spi.PlanStore;
import dev.winback.testing.Customers;
import dev.winback.testing.Recorder;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.List;

/** A report over a simulated quarter: 240 lost customers, an experiment, and an outbreak of service failures. */
final class ReportFixture {
  private ReportFixture() {}

  static InsightReport report() {
    ManualClock clock = ManualClock.at(LOST_AT);
    PlanStore store = PlanStore.inMemory();
    Recorder host = new Recorder();
    WinBack winBack = WinBack.builder()
        .clock(clock)
        .store(store)
        .experiment(Experiment.named("holdout-q1").holdout(0.2).build())
        .feedback(host)
        .apology(host)
        .incentives(host)
        .reEngagement(host)
        .build();
    ExitCategory[] usual = {
      ExitCategory.PRICE,
      ExitCategory.COMPETITOR_OFFER,
      ExitCategory.NO_LONGER_NEEDED,
      ExitCategory.MISSING_FEATURE,
      ExitCategory.UNKNOWN
    };
    for (int week = 0; week < 12; week++) {
      for (int i = 0; i < 20; i++) {
        String id = "w" + week + "c" + i;
        ExitCategory category =
            week == 11 && i < 12 ? ExitCategory.SERVICE_FAILURE : usual[(i + week) % usual.length];
        winBack.start(Customers.leftBecauseOf(id, category)
            .lostAt(clock.instant())
            .value(Customers.worth(i % 3 == 0 ? "120" : "20"))
            .build());
        if (category == ExitCategory.SERVICE_FAILURE) {
          winBack.recordFeedback(
              id,
              Feedback.of(
                  "Third <b>outage</b> this month, reach me at x@y.com",
                  ReasonSource.SURVEY,
                  clock.instant()));
        }
        if (i % 4 == 0 && !id.endsWith("c0")) {
          winBack.markWonBack(id);
        }
      }
      for (int day = 0; day < 7; day++) {
        winBack.runDue();
        clock.advance(Duration.ofDays(1));
      }
    }
    Iterable<dev.winback.model.WinBackPlan> plans = StoredPlans.in(store);
    return new InsightReport(
        "WinBack report: Q1 2026",
        Instant.parse("2026-06-01T00:00:00Z"),
        Outcomes.of(plans, ValueTiers.defaults(), Period.ofMonths(12)),
        RootCauses.of(plans, RootCauses.Granularity.WEEK, 4, 0.01, 5),
        List.of(ExperimentResults.of(plans, "holdout-q1", Experiment.HOLDOUT, 30)));
  }

  /** The report with the diagnostics of a BG/NBD model fitted on a small, deterministic cohort. */
  static InsightReport reportWithModels() {
    return report().withModels(List.of(diagnostics("BG/NBD <fitted>")));
  }

  /** Diagnostics of a real fit: 400 customers whose purchases follow a fixed pattern, tracked over 78 weeks. */
  static dev.winback.lapse.ModelDiagnostics diagnostics(String name) {
    int n = 400;
    String[] ids = new String[n];
    double[] x = new double[n];
    double[] tx = new double[n];
    double[] age = new double[n];
    double[] holdout = new double[n];
    double[] births = new double[n];
    for (int i = 0; i < n; i++) {
      ids[i] = "c" + i;
      births[i] = i % 12;
      age[i] = 39 - births[i];
      x[i] = i % 9 < 5 ? 0 : i % 9 - 4;
      tx[i] = x[i] == 0 ? 0 : age[i] * (0.3 + (i % 7) / 10.0);
      holdout[i] = x[i] == 0 ? (i % 11 == 0 ? 1 : 0) : Math.max(0, x[i] - 1 - i % 2);
    }
    dev.winback.lapse.CustomerSummaries data =
        dev.winback.lapse.CustomerSummaries.of(ids, x, tx, age, null);
    dev.winback.lapse.CalibrationHoldout split =
        new dev.winback.lapse.CalibrationHoldout(data, holdout, new double[n], 39);
    dev.winback.lapse.BgNbd model = dev.winback.lapse.BgNbd.fit(data);
    double[] periods = new double[78];
    double[] actual = new double[78];
    for (int k = 0; k < 78; k++) {
      periods[k] = k + 1;
      actual[k] = Math.round(9.5 * (k + 1) - 0.02 * (k + 1) * (k + 1));
    }
    return dev.winback.lapse.ModelDiagnostics.of(name, model, split, 4)
        .withTracking(
            model, new dev.winback.lapse.Tracking(Duration.ofDays(7), births, periods, actual));
  }
}
