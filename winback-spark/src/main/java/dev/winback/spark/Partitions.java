package dev.winback.spark;

import dev.winback.lapse.CustomerSummaries;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.Row;

/** Rows of summaries (customer_id, frequency, recency, T, monetary_value) as {@link CustomerSummaries} columns. */
final class Partitions {
  private Partitions() {}

  /**
   * Reads rows in the summaries' column order into one set of columns.
   *
   * @param rows the rows: customer id, frequency, recency, T, monetary value (null or NaN when unknown)
   * @param expected how many rows to expect (a sizing hint; 0 when unknown)
   * @return the summaries, checked as {@link CustomerSummaries#of} checks them
   */
  static CustomerSummaries summaries(Iterator<Row> rows, int expected) {
    List<String> ids = new ArrayList<>(Math.max(16, expected));
    Column x = new Column(expected);
    Column tx = new Column(expected);
    Column age = new Column(expected);
    Column spend = new Column(expected);
    while (rows.hasNext()) {
      Row row = rows.next();
      ids.add(String.valueOf(row.get(0)));
      x.add(number(row, 1));
      tx.add(number(row, 2));
      age.add(number(row, 3));
      spend.add(row.isNullAt(4) ? Double.NaN : number(row, 4));
    }
    return CustomerSummaries.of(
        ids.toArray(String[]::new), x.values(), tx.values(), age.values(), spend.values());
  }

  private static double number(Row row, int index) {
    return row.isNullAt(index) ? Double.NaN : ((Number) row.get(index)).doubleValue();
  }

  /** A growing column of doubles. */
  private static final class Column {
    private double[] values;
    private int size;

    Column(int capacity) {
      values = new double[Math.max(16, capacity)];
    }

    void add(double value) {
      if (size == values.length) {
        values = java.util.Arrays.copyOf(values, size * 2);
      }
      values[size++] = value;
    }

    double[] values() {
      return java.util.Arrays.copyOf(values, size);
    }
  }
}
