package dev.winback.lapse;

import dev.winback.InvalidInputException;
import dev.winback.Problem;
import java.util.List;
import java.util.function.IntToDoubleFunction;
import java.util.stream.IntStream;

/** Sums per-customer log-likelihoods, on both cores for large populations. */
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

  static void requireFittable(CustomerSummaries data, String model) {
    if (data.size() == 0) {
      throw new InvalidInputException(model, List.of(new Problem("customers", "there is nobody to fit")));
    }
    boolean anyRepeat = false;
    for (int i = 0; i < data.size() && !anyRepeat; i++) {
      anyRepeat = data.x(i) > 0;
    }
    if (!anyRepeat) {
      throw new InvalidInputException(model, List.of(new Problem("customers",
          "no customer made a repeat purchase, so the purchase rate cannot be estimated")));
    }
  }
}
