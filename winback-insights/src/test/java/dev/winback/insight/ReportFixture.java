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
}
