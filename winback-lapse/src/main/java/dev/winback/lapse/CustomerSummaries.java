package dev.winback.lapse;

import dev.winback.InvalidInputException;
import dev.winback.Problem;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
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
  private final double @Nullable [] weights;
  private final @Nullable Duration unit;

  private CustomerSummaries(
      String[] ids,
      double[] x,
      double[] tx,
      double[] age,
      double[] meanSpend,
      double @Nullable [] weights,
      @Nullable Duration unit) {
    this.ids = ids;
    this.x = x;
    this.tx = tx;
    this.age = age;
    this.meanSpend = meanSpend;
    this.weights = weights;
    this.unit = unit;
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
    return new CustomerSummaries(
        ids.clone(), x.clone(), tx.clone(), age.clone(), spend.clone(), null, null);
  }

  /**
   * The same summaries with a weight per row: how many customers the row stands for, so that a recency-frequency
   * matrix (one row per distinct x, t_x, T with its count, like the donations data) is fitted without expanding
   * it. Likelihoods, gradients and the penalizer's scale count each row {@code weight} times.
   *
   * @param rowWeights one weight per row, each finite and at least 0
   * @return the weighted summaries
   * @throws InvalidInputException naming every bad weight
   * @throws IllegalArgumentException when there is not one weight per row
   */
  public CustomerSummaries withWeights(double[] rowWeights) {
    if (rowWeights.length != size()) {
      throw new IllegalArgumentException("need one weight per row");
    }
    List<Problem> problems = new ArrayList<>();
    for (int i = 0; i < rowWeights.length && problems.size() < 100; i++) {
      if (!(rowWeights[i] >= 0) || Double.isInfinite(rowWeights[i])) {
        problems.add(
            new Problem("customers[" + ids[i] + "].weight", "must be a finite number, at least 0"));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException("customer summaries", problems);
    }
    return new CustomerSummaries(ids, x, tx, age, meanSpend, rowWeights.clone(), unit);
  }

  /**
   * The same summaries, saying what one period of t_x and T is (a week, a day, a year).
   *
   * @param period the length of one period, positive
   * @return the summaries with their time unit
   * @throws IllegalArgumentException when the period is zero or negative
   */
  public CustomerSummaries withUnit(Duration period) {
    if (period.isZero() || period.isNegative()) {
      throw new IllegalArgumentException("a period must be positive, was " + period);
    }
    return new CustomerSummaries(ids, x, tx, age, meanSpend, weights, period);
  }

  /**
   * The length of one period of t_x and T, when known: set by {@link #withUnit}, and by the readers of
   * transaction logs.
   *
   * @return the time unit, or empty when the summaries were given without one
   */
  public Optional<Duration> unit() {
    return Optional.ofNullable(unit);
  }

  /**
   * How many customers row i stands for: 1 unless weights were given.
   *
   * @param i the row, from 0
   * @return the weight
   */
  public double weight(int i) {
    return weights == null ? 1 : weights[i];
  }

  /**
   * How many customers all rows stand for: the number of rows unless weights were given.
   *
   * @return the sum of the weights
   */
  public double totalWeight() {
    if (weights == null) {
      return size();
    }
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    return total;
  }

  double @Nullable [] weightsOrNull() {
    return weights;
  }

  private static double[] filled(int n) {
    double[] nan = new double[n];
    Arrays.fill(nan, Double.NaN);
    return nan;
  }

  /**
   * Reads summaries from CSV text with a header row, through a real CSV parser (quoted fields, a comma, semicolon
   * or tab as the delimiter, a byte-order mark). The column names of lifetimes and of the R packages' exports are
   * understood: the id as {@code id}, {@code ID}, {@code cust} or {@code customer_id} (row numbers when absent);
   * x as {@code x}, {@code frequency} or {@code frequency_cal}; t_x as {@code t_x}, {@code t.x}, {@code recency} or
   * {@code recency_cal}; T as {@code T}, {@code T.cal}, {@code T_cal}, {@code n.cal} or {@code periods}; optionally
   * the mean repeat purchase value as {@code zbar}, {@code m.x}, {@code monetary_value} or {@code meanSpend}, and a
   * weight per row as {@code weights}, {@code weight} or {@code custs}. Values are checked as in {@link #of}.
   *
   * @param csv the CSV text source
   * @return the summaries
   * @throws InvalidInputException naming every bad row and field
   * @throws java.io.UncheckedIOException when the source cannot be read
   */
  public static CustomerSummaries fromCsv(java.io.Reader csv) {
    return SummaryCsv.read(csv);
  }

  /**
   * Reads summaries from a CSV file as {@link #fromCsv(java.io.Reader)} does, in UTF-8, gunzipped when the file is
   * gzip-compressed.
   *
   * @param file the file
   * @return the summaries
   * @throws InvalidInputException naming every bad row and field
   * @throws java.io.UncheckedIOException when the file cannot be read
   */
  public static CustomerSummaries readCsv(java.nio.file.Path file) {
    try (java.io.Reader in = CsvText.open(file)) {
      return SummaryCsv.read(in);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot read " + file.getFileName(), e);
    }
  }

  /** One purchase, as the host records it. */
  public record Transaction(String customerId, Instant at, double amount) {}

  /**
   * Summarises a transaction log for a calibration period ending at {@code end}, with times in units of
   * {@code unit} (e.g. a week); the summaries carry that unit. As in the published CDNOW summaries, purchases on the
   * same day (UTC) count as one, with their amounts added; purchases after the end are ignored. The log must be
   * grouped by customer (all of a customer's transactions together, in any order of time), so that only one
   * customer is held at a time; {@link TransactionLog} summarises logs in any order.
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
    return Summarising.run(transactions, end, end, unit).calibration();
  }

  /** Summaries built from parts already checked (weights and unit included). */
  static CustomerSummaries checked(
      CustomerSummaries base, double @Nullable [] rowWeights, @Nullable Duration period) {
    return new CustomerSummaries(
        base.ids, base.x, base.tx, base.age, base.meanSpend, rowWeights, period);
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
}
