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
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The insight report over the application's plan store: the outcomes over a twelve-month horizon, the root causes by
 * week against a four-week baseline, and every experiment the plans are enrolled in against its holdout. It reads
 * every plan, so it is made at most once every {@link #REFRESH} however many pages ask for it (one request makes it,
 * the others wait for it). For an operator who may not see the customers' words, the alerts' examples (already
 * anonymised by the report) are left out too. Thread-safe.
 */
final class Insights {
  /** How long a report serves the report page before the plans are read again. */
  static final Duration REFRESH = Duration.ofMinutes(1);

  private final Optional<PlanStore> store;
  private final Object lock = new Object();
  private @Nullable InsightReport cached;

  Insights(Optional<PlanStore> store) {
    this.store = store;
  }

  /** The report, or nothing when the application has no plan store bean. */
  Optional<InsightReport> report(Operator operator, Instant now) {
    return store.map(s -> {
      InsightReport full = full(s, now);
      return operator.seesPersonalData() ? full : withoutWords(full);
    });
  }

  private InsightReport full(PlanStore store, Instant now) {
    synchronized (lock) {
      InsightReport report = cached;
      if (report == null
          || now.isBefore(report.generatedAt())
          || !now.isBefore(report.generatedAt().plus(REFRESH))) {
        report = report(store, now);
        cached = report;
      }
      return report;
    }
  }

  private static InsightReport withoutWords(InsightReport report) {
    RootCauses causes = report.rootCauses();
    return new InsightReport(
        report.title(),
        report.generatedAt(),
        report.outcomes(),
        new RootCauses(
            causes.granularity(),
            causes.periods(),
            causes.alerts().stream()
                .map(a -> new RootCauses.Alert(
                    a.period(), a.category(), a.share(), a.baselineShare(), a.pValue(), List.of()))
                .toList()),
        report.experiments(),
        report.models());
  }

  private static InsightReport report(PlanStore store, Instant now) {
    Iterable<WinBackPlan> plans = StoredPlans.in(store);
    TreeSet<String> experiments = new TreeSet<>();
    for (WinBackPlan plan : plans) {
      plan.experiment().ifPresent(experiments::add);
    }
    RootCauses causes = RootCauses.of(plans, RootCauses.Granularity.WEEK, 4, 0.01, 5);
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
