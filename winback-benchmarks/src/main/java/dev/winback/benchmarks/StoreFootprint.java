package dev.winback.benchmarks;

import dev.winback.ManualClock;
import dev.winback.WinBack;
import dev.winback.model.LostCustomer;
import dev.winback.model.PlanStatus;
import dev.winback.spi.ApologyStrategy;
import dev.winback.spi.FeedbackStrategy;
import dev.winback.spi.IncentiveStrategy;
import dev.winback.spi.PlanStore;
import dev.winback.spi.ReEngagementStrategy;
import java.lang.management.ManagementFactory;
import java.util.SplittableRandom;

/**
 * Measures the heap the in-memory store needs for active plans: starts plans through {@link WinBack#start} until
 * N of them (default 1,000,000) are active, then reports the heap in use after a full GC, per plan and in all. Run
 * it with the heap limit under test, e.g. {@code java -Xmx2g -cp benchmarks.jar
 * dev.winback.benchmarks.StoreFootprint 1000000}: finishing proves the plans fit.
 */
public final class StoreFootprint {
  private StoreFootprint() {}

  /**
   * Runs the measurement.
   *
   * @param args the number of plans, optional
   */
  public static void main(String[] args) {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    PlanStore store = PlanStore.inMemory();
    WinBack winBack = WinBack.builder()
        .clock(ManualClock.at(GeneratedCustomers.START))
        .store(store)
        .feedback(FeedbackStrategy.none())
        .apology(ApologyStrategy.none())
        .incentives(IncentiveStrategy.none())
        .reEngagement(ReEngagementStrategy.none())
        .build();
    long before = usedHeapAfterGc();
    SplittableRandom random = new SplittableRandom(42);
    int active = 0;
    int stored = 0;
    long steps = 0;
    long started = System.nanoTime();
    while (active < count) {
      LostCustomer customer = GeneratedCustomers.one(stored++, random);
      var plan = winBack.start(customer);
      if (plan.status() == PlanStatus.ACTIVE) {
        active++;
        steps += plan.steps().size();
      }
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    long after = usedHeapAfterGc();
    long used = after - before;
    System.out.printf(
        "plans stored:        %,d, of which active %,d with %,d steps (the rest suppressed)%n",
        stored, active, steps);
    System.out.printf(
        "start() throughput:  %,.0f plans/s (one thread, including customer generation)%n",
        stored / seconds);
    System.out.printf(
        "heap for the store:  %,d bytes = %.2f GiB, %,d bytes per stored plan%n",
        used, used / (1024.0 * 1024 * 1024), used / stored);
    System.out.printf(
        "max heap (-Xmx):     %.2f GiB%n",
        Runtime.getRuntime().maxMemory() / (1024.0 * 1024 * 1024));
    if (winBack.plan("c0").isEmpty()) {
      throw new IllegalStateException("store lost a plan");
    }
  }

  private static long usedHeapAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
