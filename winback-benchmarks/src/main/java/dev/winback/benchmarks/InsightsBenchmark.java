package dev.winback.benchmarks;

import dev.winback.Experiment;
import dev.winback.ManualClock;
import dev.winback.WinBack;
import dev.winback.insight.ExperimentResults;
import dev.winback.insight.InsightReport;
import dev.winback.insight.Outcomes;
import dev.winback.insight.RootCauses;
import dev.winback.insight.StoredPlans;
import dev.winback.model.Playbook;
import dev.winback.model.WinBackPlan;
import dev.winback.spi.PlanStore;
import dev.winback.spi.StepResult;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Analytics over a store with at least a million journal events: the engine runs generated customers for 100
 * simulated days (with an experiment and customers coming back), then each benchmark call computes outcomes, root
 * causes and experiment results over every plan in the store and renders the HTML report.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(
    value = 1,
    jvmArgs = {"-Xms4g", "-Xmx4g"})
public class InsightsBenchmark {

  @Param("1000000")
  int journalEvents;

  private PlanStore store;
  private Playbook playbook;

  @Setup
  public void setUp() {
    store = PlanStore.inMemory();
    playbook = Playbook.standard();
    ManualClock clock = ManualClock.at(GeneratedCustomers.START);
    WinBack winBack = WinBack.builder()
        .clock(clock)
        .store(store)
        .playbook(playbook)
        .experiment(Experiment.named("holdout").holdout(0.1).build())
        .feedback(c -> StepResult.sent())
        .apology(c -> StepResult.sent())
        .incentives(c -> StepResult.sent())
        .reEngagement(c -> StepResult.sent())
        .build();
    SplittableRandom random = new SplittableRandom(7);
    long events = 0;
    int n = 0;
    while (events < journalEvents) {
      int batch = 20_000;
      for (int i = 0; i < batch; i++, n++) {
        winBack.start(GeneratedCustomers.one(n, random));
      }
      for (int day = 0; day < 100; day++) {
        winBack.runDue();
        clock.advance(Duration.ofDays(1));
        if (day == 30) {
          for (int i = n - batch; i < n; i += 7) {
            winBack.markWonBack("c" + i);
          }
        }
      }
      events = 0;
      for (int i = 0; i < n; i++) {
        events += store.journal("c" + i).size();
      }
    }
    System.out.printf("%n%,d plans, %,d journal events%n", n, events);
  }

  /** Outcomes, root causes and the experiment over every plan, plus the HTML report. */
  @Benchmark
  public int analyse() {
    Iterable<WinBackPlan> plans = StoredPlans.in(store);
    InsightReport report = new InsightReport(
        "benchmark",
        Instant.EPOCH,
        Outcomes.of(plans, playbook.valueTiers(), Period.ofMonths(12)),
        RootCauses.of(plans, RootCauses.Granularity.WEEK, 4, 0.01, 5),
        List.of(ExperimentResults.of(plans, "holdout", Experiment.HOLDOUT, 100)));
    return report.toHtml().length();
  }
}
