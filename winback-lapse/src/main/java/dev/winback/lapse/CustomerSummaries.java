package dev.winback.lapse;

import dev.winback.InvalidInputException;
import dev.winback.Problem;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The per-customer summaries the models are fitted on, in primitive columns (no object per customer): the repeat
 * purchases x, the recency t_x (time from the first to the last purchase), the age T (time from the first purchase
 * to the end of the calibration period), and the mean value of the repeat purchases, all in one time unit.
 * Immutable once built.
 */
public final class CustomerSummaries {
  private final String[] ids;
  private final double[] x;
  private final double[] tx;
  private final double[] age;
  private final double[] meanSpend;

  private CustomerSummaries(
      String[] ids, double[] x, double[] tx, double[] age, double[] meanSpend) {
    this.ids = ids;
    this.x = x;
    this.tx = tx;
    this.age = age;
    this.meanSpend = meanSpend;
  }

  /**
   * Summaries from columns, checked: x a whole number at least 0, 0 &lt;= t_x &lt;= T, t_x = 0 when x = 0, mean spend at
   * least 0 (or NaN when unknown).
   *
   * @param ids the customer ids
   * @param x repeat purchases
   * @param tx recency
   * @param age age T
   * @param meanSpend mean repeat purchase value, or null when unknown
   * @return the summaries
   * @throws InvalidInputException naming every bad customer and field
   */
  public static CustomerSummaries of(
      String[] ids, double[] x, double[] tx, double[] age, double @Nullable [] meanSpend) {
    int n = ids.length;
    double[] spend = meanSpend == null ? filled(n) : meanSpend;
    if (x.length != n || tx.length != n || age.length != n || spend.length != n) {
      throw new IllegalArgumentException("every column needs one value per customer");
    }
    List<Problem> problems = new ArrayList<>();
    for (int i = 0; i < n && problems.size() < 100; i++) {
      String at = "customers[" + ids[i] + "]";
      if (!(x[i] >= 0) || x[i] != Math.rint(x[i])) {
        problems.add(new Problem(at + ".x", "repeat purchases must be a whole number, at least 0"));
      }
      if (!(tx[i] >= 0)) {
        problems.add(new Problem(at + ".t_x", "recency must not be negative"));
      }
      if (!(age[i] >= 0)) {
        problems.add(new Problem(at + ".T", "age must not be negative"));
      }
      if (tx[i] > age[i]) {
        problems.add(new Problem(at + ".t_x", "recency must not exceed the age T"));
      }
      if (x[i] == 0 && tx[i] != 0) {
        problems.add(new Problem(at + ".t_x", "recency must be 0 without repeat purchases"));
      }
      if (spend[i] < 0) {
        problems.add(new Problem(at + ".meanSpend", "mean spend must not be negative"));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException("customer summaries", problems);
    }
    return new CustomerSummaries(ids.clone(), x.clone(), tx.clone(), age.clone(), spend.clone());
  }

  private static double[] filled(int n) {
    double[] nan = new double[n];
    Arrays.fill(nan, Double.NaN);
    return nan;
  }

  /**
   * Reads summaries from CSV with a header row: {@code id} (or {@code ID}), {@code x} (or {@code frequency}),
   * {@code t_x} (or {@code recency}), {@code T}, and optionally the mean repeat purchase value as {@code zbar},
   * {@code monetary_value} or {@code meanSpend}. Values are checked as in {@link #of}.
   *
   * @param csv the CSV text source
   * @return the summaries
   * @throws InvalidInputException naming every bad row and field
   * @throws java.io.UncheckedIOException when the source cannot be read
   */
  public static CustomerSummaries fromCsv(java.io.Reader csv) {
    try (java.io.BufferedReader in = new java.io.BufferedReader(csv)) {
      String headerLine = in.readLine();
      if (headerLine == null) {
        throw new InvalidInputException("customer summaries", List.of(new Problem("", "is empty")));
      }
      List<String> header = Arrays.asList(headerLine.trim().split("\\s*,\\s*"));
      int id = column(header, "id", "ID");
      int x = column(header, "x", "frequency");
      int tx = column(header, "t_x", "recency");
      int age = column(header, "T");
      int spend = header.indexOf("zbar") >= 0
          ? header.indexOf("zbar")
          : header.indexOf("monetary_value") >= 0
              ? header.indexOf("monetary_value")
              : header.indexOf("meanSpend");
      List<String> ids = new ArrayList<>();
      DoubleColumn xs = new DoubleColumn();
      DoubleColumn txs = new DoubleColumn();
      DoubleColumn ages = new DoubleColumn();
      DoubleColumn spends = new DoubleColumn();
      List<Problem> problems = new ArrayList<>();
      int row = 1;
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        row++;
        if (line.isBlank()) {
          continue;
        }
        String[] f = line.split(",", -1);
        try {
          ids.add(f[id].trim());
          double repeat = Double.parseDouble(f[x].trim());
          xs.add(repeat);
          txs.add(repeat == 0 ? 0 : Double.parseDouble(f[tx].trim()));
          ages.add(Double.parseDouble(f[age].trim()));
          spends.add(spend >= 0 && repeat > 0 ? Double.parseDouble(f[spend].trim()) : Double.NaN);
        } catch (RuntimeException e) {
          problems.add(
              new Problem("row " + row, "is not a summary row (id, x, t_x, T as numbers)"));
          ids.remove(ids.size() - 1);
        }
      }
      if (!problems.isEmpty()) {
        throw new InvalidInputException("customer summaries", problems);
      }
      return of(
          ids.toArray(String[]::new),
          xs.toArray(),
          txs.toArray(),
          ages.toArray(),
          spends.toArray());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot read the summaries", e);
    }
  }

  private static int column(List<String> header, String... names) {
    for (String name : names) {
      if (header.contains(name)) {
        return header.indexOf(name);
      }
    }
    throw new InvalidInputException(
        "customer summaries",
        List.of(new Problem("header", "has no column " + String.join(" or ", names))));
  }

  /** One purchase, as the host records it. */
  public record Transaction(String customerId, Instant at, double amount) {}

  /**
   * Summarises a transaction log for a calibration period ending at {@code end}, with times in units of
   * {@code unit} (e.g. a week). As in the published CDNOW summaries, purchases on the same day (UTC) count as one,
   * with their amounts added; purchases after the end are ignored. The log must be grouped by customer (all of a
   * customer's transactions together, in any order of time), so that only one customer is held at a time.
   *
   * @param transactions the log, grouped by customer
   * @param end the end of the calibration period
   * @param unit the time unit of t_x and T
   * @return the summaries
   * @throws InvalidInputException naming the customer and field of bad data (negative amount, a customer seen in two
   *     separate groups)
   */
  public static CustomerSummaries fromTransactions(
      Iterator<Transaction> transactions, Instant end, Duration unit) {
    List<String> ids = new ArrayList<>();
    DoubleColumn x = new DoubleColumn();
    DoubleColumn tx = new DoubleColumn();
    DoubleColumn age = new DoubleColumn();
    DoubleColumn spend = new DoubleColumn();
    java.util.Set<String> seen = new java.util.HashSet<>();
    String current = null;
    java.util.TreeMap<Long, Double> days = new java.util.TreeMap<>();
    double unitDays = unit.toNanos() / 86_400e9;
    long endDay = Math.floorDiv(end.getEpochSecond(), 86_400L);
    while (true) {
      Transaction t = transactions.hasNext() ? transactions.next() : null;
      if (current != null && (t == null || !t.customerId().equals(current))) {
        if (!days.isEmpty()) {
          long first = days.firstKey();
          ids.add(current);
          x.add(days.size() - 1);
          tx.add((days.lastKey() - first) / unitDays);
          age.add((endDay - first) / unitDays);
          double repeatTotal = 0;
          for (double amount : days.tailMap(first, false).values()) {
            repeatTotal += amount;
          }
          spend.add(days.size() > 1 ? repeatTotal / (days.size() - 1) : Double.NaN);
        }
        days.clear();
      }
      if (t == null) {
        break;
      }
      if (!t.customerId().equals(current)) {
        if (!seen.add(t.customerId())) {
          throw new InvalidInputException(
              "transactions",
              List.of(
                  new Problem(
                      "customers[" + t.customerId() + "]",
                      "transactions must be grouped by customer: this customer appears in two separate groups")));
        }
        current = t.customerId();
      }
      if (!(t.amount() >= 0)) {
        throw new InvalidInputException(
            "transactions",
            List.of(
                new Problem("customers[" + t.customerId() + "].amount", "must not be negative")));
      }
      if (!t.at().isAfter(end)) {
        days.merge(Math.floorDiv(t.at().getEpochSecond(), 86_400L), t.amount(), Double::sum);
      }
    }
    return of(
        ids.toArray(String[]::new), x.toArray(), tx.toArray(), age.toArray(), spend.toArray());
  }

  /**
   * How many customers.
   *
   * @return the number of customers
   */
  public int size() {
    return ids.length;
  }

  /**
   * The id of customer i.
   *
   * @param i the customer, from 0
   * @return the id
   */
  public String id(int i) {
    return ids[i];
  }

  /**
   * The repeat purchases of customer i.
   *
   * @param i the customer, from 0
   * @return x, a whole number
   */
  public double x(int i) {
    return x[i];
  }

  /**
   * The recency of customer i.
   *
   * @param i the customer, from 0
   * @return t_x, in periods
   */
  public double tx(int i) {
    return tx[i];
  }

  /**
   * The age T of customer i.
   *
   * @param i the customer, from 0
   * @return T, in periods
   */
  public double age(int i) {
    return age[i];
  }

  /**
   * The mean repeat purchase value of customer i, NaN when unknown or when there are no repeat purchases.
   *
   * @param i the customer, from 0
   * @return the mean spend
   */
  public double meanSpend(int i) {
    return meanSpend[i];
  }

  double[] xs() {
    return x;
  }

  double[] txs() {
    return tx;
  }

  double[] ages() {
    return age;
  }

  double[] spends() {
    return meanSpend;
  }

  /** A growable column of doubles. */
  private static final class DoubleColumn {
    private double[] values = new double[1024];
    private int size;

    void add(double value) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = value;
    }

    double[] toArray() {
      return Arrays.copyOf(values, size);
    }
  }
}
