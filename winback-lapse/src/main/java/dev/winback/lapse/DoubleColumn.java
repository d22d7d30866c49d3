package dev.winback.lapse;

import java.util.Arrays;

/** A growable column of doubles. Not thread-safe. */
final class DoubleColumn {
  private double[] values = new double[1024];
  private int size;

  void add(double value) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = value;
  }

  int size() {
    return size;
  }

  double[] toArray() {
    return Arrays.copyOf(values, size);
  }
}
