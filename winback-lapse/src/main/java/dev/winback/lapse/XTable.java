package dev.winback.lapse;

import java.util.function.DoubleUnaryOperator;

/**
 * The terms of a likelihood that depend on a customer only through the whole number x, computed once per distinct x
 * instead of once per customer (a million customers have a few hundred distinct x at most).
 */
final class XTable {
  private final double[] values;
  private final DoubleUnaryOperator term;

  XTable(CustomerSummaries data, DoubleUnaryOperator term) {
    this.term = term;
    int max = 0;
    for (double x : data.xs()) {
      max = Math.max(max, (int) Math.min(x, 100_000));
    }
    values = new double[max + 1];
    for (int x = 0; x <= max; x++) {
      values[x] = term.applyAsDouble(x);
    }
  }

  double of(double x) {
    int i = (int) x;
    return i < values.length ? values[i] : term.applyAsDouble(x);
  }
}
