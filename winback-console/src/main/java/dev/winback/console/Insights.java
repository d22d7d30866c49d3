package dev.winback.console;

import dev.winback.Experiment;
import dev.winback.insight.ExperimentResults;
import dev.winback.insight.InsightReport;
import dev.winback.insight.Outcomes;
import dev.winback.insight.RootCauses;
import dev.winback.insight.StoredPlans;
import dev.winback.model.ValueTiers;
import dev.winback.model.WinBackPlan;
import dev.winback.spi.PlanStore;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The insight report over the application's plan store, made when the report page is asked for: the outcomes over a
 * twelve-month horizon, the root causes by week against a four-week baseline, and every experiment the plans are
 * enrolled in against its holdout. For an operator who may not see the customers' words, the alerts' examples (already
 * anonymised by the report) are left out too. Thread-safe.
 */
final class Insights {
  private final Optional<PlanStore> store;

  Insights(Optional<PlanStore> store) {
    this.store = store;
  }

  /** The report, or nothing when the application has no plan store bean. */
  Optional<InsightReport> report(Operator operator, Instant now) {
    return store.map(s -> report(s, operator, now));
  }

  private static InsightReport report(PlanStore store, Operator operator, Instant now) {
    Iterable<WinBackPlan> plans = StoredPlans.in(store);
    TreeSet<String> experiments = new TreeSet<>();
    for (WinBackPlan plan : plans) {
      plan.experiment().ifPresent(experiments::add);
    }
    RootCauses causes = RootCauses.of(plans, RootCauses.Granularity.WEEK, 4, 0.01, 5);
    if (!operator.seesPersonalData()) {
      causes = new RootCauses(
          causes.granularity(),
          causes.periods(),
          causes.alerts().stream()
              .map(a -> new RootCauses.Alert(
                  a.period(), a.category(), a.share(), a.baselineShare(), a.pValue(), List.of()))
              .toList());
    }
    return new InsightReport(
        "WinBack report",
        now,
        Outcomes.of(plans, ValueTiers.defaults(), Period.ofMonths(12)),
        causes,
        experiments.stream()
            .map(name -> ExperimentResults.of(plans, name, Experiment.HOLDOUT, 30))
            .toList());
  }
}
