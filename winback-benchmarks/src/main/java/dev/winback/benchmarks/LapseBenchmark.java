package dev.winback.benchmarks;

import dev.winback.lapse.BgNbd;
import dev.winback.lapse.CustomerSummaries;
import dev.winback.lapse.GammaGamma;
import dev.winback.lapse.LapseDetector;
import dev.winback.lapse.MbgNbd;
import dev.winback.lapse.ParetoNbd;
import dev.winback.model.LostCustomer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * Fitting and scoring at scale, timed with the wall clock over whole runs (each one seconds long): reads a summary
 * file ({@code id,frequency,recency,T,monetary_value}, optionally gzipped), fits BG/NBD, MBG/NBD and (unless told
 * not to) Pareto/NBD, then scores the probability of being alive and the 12-month lifetime value of every customer.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.winback.benchmarks.LapseBenchmark <file> [skip-pareto]}
 */
public final class LapseBenchmark {
  private LapseBenchmark() {}

  public static void main(String[] args) throws Exception {
    CustomerSummaries data = read(Path.of(args[0]));
    boolean pareto = args.length < 2 || !args[1].equals("skip-pareto");
    System.out.printf(
        "%,d customers, %d cores%n", data.size(), Runtime.getRuntime().availableProcessors());
    for (int round = 1; round <= 2; round++) {
      System.out.println("round " + round + (round == 1 ? " (includes JIT warm-up)" : ""));
      long start = System.nanoTime();
      BgNbd bg = BgNbd.fit(data);
      report("BG/NBD fit", start, bg.fit());
      start = System.nanoTime();
      MbgNbd mbg = MbgNbd.fit(data);
      report("MBG/NBD fit", start, mbg.fit());
      if (pareto) {
        start = System.nanoTime();
        ParetoNbd pnbd = ParetoNbd.fit(data);
        report("Pareto/NBD fit", start, pnbd.fit());
      }
      start = System.nanoTime();
      double[] alive = bg.probabilityAlive(data);
      System.out.printf(
          "  P(alive) for all: %,.1f ms (mean %.4f)%n",
          (System.nanoTime() - start) / 1e6, Arrays.stream(alive).average().orElse(0));
      GammaGamma spend = GammaGamma.fit(data);
      LapseDetector detector = LapseDetector.builder()
          .model(bg)
          .spend(spend)
          .customerTemplate(id -> LostCustomer.builder().displayName(id))
          .build();
      start = System.nanoTime();
      double total = java.util.stream.IntStream.range(0, data.size())
          .parallel()
          .mapToDouble(
              i -> detector.lifetimeValue(data.x(i), data.tx(i), data.age(i), data.meanSpend(i)))
          .sum();
      System.out.printf(
          "  CLV (12 months, 1%%/month) for all: %,.1f ms (total %,.0f)%n",
          (System.nanoTime() - start) / 1e6, total);
    }
  }

  private static void report(String what, long start, dev.winback.lapse.Fit fit) {
    System.out.printf(
        "  %s: %,.0f ms, %s, log-likelihood %.3f, %d evaluations, converged %s%n",
        what,
        (System.nanoTime() - start) / 1e6,
        fit.parameters(),
        fit.logLikelihood(),
        fit.evaluations(),
        fit.converged());
  }

  private static CustomerSummaries read(Path file) throws Exception {
    var stream = Files.newInputStream(file);
    var in = file.toString().endsWith(".gz") ? new GZIPInputStream(stream, 1 << 16) : stream;
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
      reader.readLine();
      int capacity = 1 << 20;
      String[] ids = new String[capacity];
      double[] x = new double[capacity];
      double[] tx = new double[capacity];
      double[] age = new double[capacity];
      double[] m = new double[capacity];
      int n = 0;
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (n == ids.length) {
          ids = Arrays.copyOf(ids, n * 2);
          x = Arrays.copyOf(x, n * 2);
          tx = Arrays.copyOf(tx, n * 2);
          age = Arrays.copyOf(age, n * 2);
          m = Arrays.copyOf(m, n * 2);
        }
        String[] f = line.split(",");
        ids[n] = f[0];
        x[n] = Double.parseDouble(f[1]);
        tx[n] = x[n] == 0 ? 0 : Double.parseDouble(f[2]);
        age[n] = Double.parseDouble(f[3]);
        m[n] = x[n] > 0 ? Double.parseDouble(f[4]) : Double.NaN;
        n++;
      }
      return CustomerSummaries.of(
          Arrays.copyOf(ids, n),
          Arrays.copyOf(x, n),
          Arrays.copyOf(tx, n),
          Arrays.copyOf(age, n),
          Arrays.copyOf(m, n));
    }
  }
}
