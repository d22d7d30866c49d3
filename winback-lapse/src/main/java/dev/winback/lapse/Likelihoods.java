package dev.winback.lapse;

import dev.winback.InvalidInputException;
import dev.winback.Problem;
import java.util.List;
import java.util.function.IntToDoubleFunction;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;

/** Sums per-customer log-likelihoods (and runs other per-customer work), on both cores for large populations. */
final class Likelihoods {
  private static final int PARALLEL_FROM = 50_000;

  private Likelihoods() {}

  static double sum(int n, IntToDoubleFunction perCustomer) {
    if (n < PARALLEL_FROM) {
      double total = 0;
      for (int i = 0; i < n; i++) {
        total += perCustomer.applyAsDouble(i);
      }
      return total;
    }
    return IntStream.range(0, n).parallel().mapToDouble(perCustomer).sum();
  }

  /** The sum over a population's rows, each row's term times its weight (the customers it stands for). */
  static double sum(CustomerSummaries data, IntToDoubleFunction perCustomer) {
    double @Nullable [] w = data.weightsOrNull();
    if (w == null) {
      return sum(data.size(), perCustomer);
    }
    return sum(data.size(), i -> w[i] == 0 ? 0 : w[i] * perCustomer.applyAsDouble(i));
  }

  /** As {@link #sum(int, double[], WithGradient)}, each row's term and gradient times its weight. */
  static double sum(CustomerSummaries data, double[] gradient, WithGradient perCustomer) {
    double @Nullable [] w = data.weightsOrNull();
    if (w == null) {
      return sum(data.size(), gradient, perCustomer);
    }
    int k = gradient.length;
    return sum(data.size(), gradient, (i, g) -> {
      if (w[i] == 0) {
        return 0;
      }
      double[] own = new double[k];
      double value = perCustomer.add(i, own);
      for (int j = 0; j < k; j++) {
        g[j] += w[i] * own[j];
      }
      return w[i] * value;
    });
  }

  /** One customer's log-likelihood, adding its gradient into {@code gradient}. */
  @FunctionalInterface
  interface WithGradient {
    double add(int customer, double[] gradient);
  }

  /**
   * Sums log-likelihoods and their gradients, in fixed chunks so that the result does not depend on the thread
   * schedule.
   */
  static double sum(int n, double[] gradient, WithGradient perCustomer) {
    int chunks = n < PARALLEL_FROM ? 1 : 64;
    double[] values = new double[chunks];
    double[][] gradients = new double[chunks][gradient.length];
    IntStream range = IntStream.range(0, chunks);
    (chunks > 1 ? range.parallel() : range).forEach(c -> {
      double total = 0;
      double[] g = gradients[c];
      for (int i = (int) ((long) n * c / chunks), end = (int) ((long) n * (c + 1) / chunks);
          i < end;
          i++) {
        total += perCustomer.add(i, g);
      }
      values[c] = total;
    });
    java.util.Arrays.fill(gradient, 0);
    double total = 0;
    for (int c = 0; c < chunks; c++) {
      total += values[c];
      for (int k = 0; k < gradient.length; k++) {
        gradient[k] += gradients[c][k];
      }
    }
    return total;
  }

  /** Runs {@code perCustomer} for every customer, on both cores for large populations. */
  static void forEach(int n, java.util.function.IntConsumer perCustomer) {
    IntStream range = IntStream.range(0, n);
    (n < PARALLEL_FROM ? range : range.parallel()).forEach(perCustomer);
  }

  static void requireFittable(CustomerSummaries data, String model) {
    if (data.size() == 0) {
      throw new InvalidInputException(
          model, List.of(new Problem("customers", "there is nobody to fit")));
    }
    boolean anyRepeat = false;
    for (int i = 0; i < data.size() && !anyRepeat; i++) {
      anyRepeat = data.x(i) > 0;
    }
    if (!anyRepeat) {
      throw new InvalidInputException(
          model,
          List.of(new Problem(
              "customers",
              "no customer made a repeat purchase, so the purchase rate cannot be estimated")));
    }
  }
}
