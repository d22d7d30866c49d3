package dev.winback.benchmarks;

import dev.winback.lapse.BgNbd;
import dev.winback.lapse.CustomerSummaries;
import dev.winback.lapse.Fit;
import dev.winback.lapse.GammaGamma;
import dev.winback.lapse.LifetimeValue;
import dev.winback.lapse.MbgNbd;
import dev.winback.lapse.Nbd;
import dev.winback.lapse.ParetoNbd;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * Fitting and scoring at scale, timed with the wall clock over whole runs (each one seconds long): reads a summary
 * file ({@code id,frequency,recency,T,monetary_value}, optionally gzipped) through {@link CustomerSummaries#readCsv},
 * fits BG/NBD, MBG/NBD, (unless told not to) Pareto/NBD, NBD and Gamma-Gamma, then scores the probability of being
 * alive and the 12-month lifetime value of every customer. Each step prints its time and the ratio to lifetimes'
 * time for the same step on 1,000,000 customers on this kind of machine (from WinBack issue 22: BG/NBD fit 10.7 s,
 * MBG/NBD 10.6 s, Pareto/NBD 270 s, Gamma-Gamma 2.06 s, value of all customers 9.5 s); a ratio above 1 means
 * faster than lifetimes. The ratios are only meaningful on the 1,000,000-customer synthetic set.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.winback.benchmarks.LapseBenchmark <file> [skip-pareto]}
 */
public final class LapseBenchmark {
  private LapseBenchmark() {}

  public static void main(String[] args) {
    long start = System.nanoTime();
    CustomerSummaries data =
        CustomerSummaries.readCsv(Path.of(args[0])).withUnit(Duration.ofDays(7));
    System.out.printf(
        "%,d customers, %d cores; read in %,.0f ms%n",
        data.size(), Runtime.getRuntime().availableProcessors(), (System.nanoTime() - start) / 1e6);
    boolean pareto = args.length < 2 || !args[1].equals("skip-pareto");
    for (int round = 1; round <= 2; round++) {
      System.out.println("round " + round + (round == 1 ? " (includes JIT warm-up)" : ""));
      BgNbd bg = timedFit("BG/NBD fit", 10.7, () -> BgNbd.fit(data), m -> m.fit());
      timedFit("MBG/NBD fit", 10.6, () -> MbgNbd.fit(data), m -> m.fit());
      if (pareto) {
        timedFit("Pareto/NBD fit", 270, () -> ParetoNbd.fit(data), m -> m.fit());
      }
      timedFit("NBD fit", Double.NaN, () -> Nbd.fit(data), m -> m.fit());
      GammaGamma spend =
          timedFit("Gamma-Gamma fit", 2.06, () -> GammaGamma.fit(data), m -> m.fit());
      start = System.nanoTime();
      double[] alive = bg.probabilityAlive(data);
      report("P(alive) for all", start, Double.NaN, String.format("mean %.4f", mean(alive)));
      LifetimeValue clv = LifetimeValue.builder()
          .purchases(bg)
          .spend(spend)
          .period(Duration.ofDays(7))
          .horizon(Duration.ofDays(360), Duration.ofDays(30))
          .discountRate(0.01)
          .build();
      start = System.nanoTime();
      double[] values = clv.values(data);
      report(
          "value of all customers (12 months of 30 days, 1%/month)",
          start, 9.5, String.format("total %,.0f", Arrays.stream(values).sum()));
    }
  }

  private static <T> T timedFit(
      String what,
      double lifetimesSeconds,
      Supplier<T> fit,
      java.util.function.Function<T, Fit> how) {
    long start = System.nanoTime();
    T model = fit.get();
    Fit f = how.apply(model);
    report(
        what,
        start,
        lifetimesSeconds,
        String.format(
            "%s, log-likelihood %.3f, %d evaluations, converged %s, standard errors %s",
            f.parameters(), f.logLikelihood(), f.evaluations(), f.converged(), f.standardErrors()));
    return model;
  }

  private static void report(String what, long start, double lifetimesSeconds, String detail) {
    double seconds = (System.nanoTime() - start) / 1e9;
    String ratio = Double.isNaN(lifetimesSeconds)
        ? ""
        : String.format(
            " (lifetimes %.2f s: %.1fx faster)", lifetimesSeconds, lifetimesSeconds / seconds);
    System.out.printf("  %s: %,.0f ms%s; %s%n", what, seconds * 1e3, ratio, detail);
  }

  private static double mean(double[] values) {
    return Arrays.stream(values).average().orElse(0);
  }
}
