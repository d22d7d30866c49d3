package dev.winback.lapse;

import dev.winback.InvalidInputException;
import dev.winback.Problem;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A transaction log in any order, as large as the disk allows: summarised into {@link CustomerSummaries} (or split
 * into calibration and holdout) by an external sort. Up to {@link #withBufferSize buffer size} transactions are
 * sorted in memory; a longer log is sorted in runs written to temporary files and merged, so memory holds one
 * buffer and the summaries (a few numbers per customer), never the whole log. Immutable; each summary reads the
 * log again.
 */
public final class TransactionLog {
  private static final int DEFAULT_BUFFER = 1_000_000;
  private final Supplier<Iterator<CustomerSummaries.Transaction>> source;
  private final int bufferSize;

  private TransactionLog(Supplier<Iterator<CustomerSummaries.Transaction>> source, int bufferSize) {
    this.source = source;
    this.bufferSize = bufferSize;
  }

  /**
   * A log held by the host, in any order; the supplier is asked for a fresh iterator for each summary.
   *
   * @param transactions a fresh iterator over the log on each call
   * @return the log
   */
  public static TransactionLog of(Supplier<Iterator<CustomerSummaries.Transaction>> transactions) {
    return new TransactionLog(transactions, DEFAULT_BUFFER);
  }

  /**
   * A log in a CSV file (UTF-8, gzipped or not, with a header row, through a real CSV parser: quotes, a comma,
   * semicolon or tab as delimiter, a byte-order mark), read as it is summarised. The columns are found by the names
   * of lifetimes' and the R packages' logs: the customer as {@code id}, {@code cust}, {@code customer_id},
   * {@code CustomerID} or {@code masterid}; the time as {@code date}, {@code datetime}, {@code timestamp} or
   * {@code InvoiceDate}, written {@code 2014-03-08}, {@code 19970101}, {@code 2014-03-08 10:00:00} (UTC) or
   * {@code 2014-03-08T10:00:00Z}; optionally the amount as {@code sales}, {@code amount}, {@code value},
   * {@code monetary_value} or {@code dollar_value} (0 when absent).
   *
   * @param file the CSV file
   * @return the log
   */
  public static TransactionLog csv(Path file) {
    return new TransactionLog(() -> new CsvTransactions(file), DEFAULT_BUFFER);
  }

  /**
   * How many transactions are sorted in memory before a sorted run is written to a temporary file; a million unless
   * set.
   *
   * @param transactions the buffer size, at least 1
   * @return a log with that buffer size
   * @throws IllegalArgumentException when the size is below 1
   */
  public TransactionLog withBufferSize(int transactions) {
    if (transactions < 1) {
      throw new IllegalArgumentException(
          "the buffer holds at least one transaction, was " + transactions);
    }
    return new TransactionLog(source, transactions);
  }

  /**
   * Summarises the log for a calibration period ending at {@code end}, as
   * {@link CustomerSummaries#fromTransactions} does for a grouped log; the summaries carry {@code unit}.
   *
   * @param end the end of the calibration period
   * @param unit the time unit of t_x and T
   * @return the summaries, ordered by customer id
   * @throws InvalidInputException naming bad rows or a negative amount
   * @throws UncheckedIOException when the log or a temporary file cannot be read or written
   */
  public CustomerSummaries summaries(Instant end, Duration unit) {
    return calibrationAndHoldout(end, end, unit).calibration();
  }

  /**
   * Splits the log at {@code calibrationEnd}: summaries of the calibration period and each customer's purchases
   * and mean spend from then until {@code observationEnd}, as lifetimes' {@code calibration_and_holdout_data}.
   *
   * @param calibrationEnd the end of the calibration period
   * @param observationEnd the end of the holdout period, not before {@code calibrationEnd}
   * @param unit the time unit
   * @return the calibration summaries (ordered by customer id) and holdout columns
   * @throws InvalidInputException naming bad rows or a negative amount
   * @throws IllegalArgumentException when the holdout ends before the calibration or the unit is not positive
   * @throws UncheckedIOException when the log or a temporary file cannot be read or written
   */
  public CalibrationHoldout calibrationAndHoldout(
      Instant calibrationEnd, Instant observationEnd, Duration unit) {
    try (ExternalSort sorted = ExternalSort.of(source.get(), bufferSize)) {
      return Summarising.run(sorted, calibrationEnd, observationEnd, unit);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot sort the transaction log", e);
    }
  }

  /**
   * The cohort of customers whose first purchase falls between {@code origin} and {@code cohortEnd}, tracked until
   * {@code observationEnd}: their births and their cumulative repeat purchases (distinct days, as in the summaries)
   * at the end of each period, as BTYD's {@code cu.tracking} counts them.
   *
   * @param origin the start of the first period (a first purchase before it leaves the customer out)
   * @param cohortEnd the last moment a first purchase makes a customer part of the cohort (the calibration's end)
   * @param observationEnd the end of the last period tracked (purchases after it are ignored)
   * @param unit the length of a period
   * @return the tracking, with one period per unit from the origin to the observation's end (rounded up)
   * @throws IllegalArgumentException when the times are out of order or the unit is not positive
   * @throws InvalidInputException naming bad rows
   * @throws UncheckedIOException when the log or a temporary file cannot be read or written
   */
  public Tracking tracking(
      Instant origin, Instant cohortEnd, Instant observationEnd, Duration unit) {
    if (unit.isZero() || unit.isNegative()) {
      throw new IllegalArgumentException("a period must be positive, was " + unit);
    }
    if (cohortEnd.isBefore(origin) || observationEnd.isBefore(cohortEnd)) {
      throw new IllegalArgumentException("need origin <= cohortEnd <= observationEnd");
    }
    double unitDays = unit.toNanos() / 86_400e9;
    long originDay = Math.floorDiv(origin.getEpochSecond(), 86_400L);
    long cohortDay = Math.floorDiv(cohortEnd.getEpochSecond(), 86_400L);
    int periods = (int)
        Math.ceil(Duration.between(origin, observationEnd).toNanos() / (double) unit.toNanos());
    double[] cumulative = new double[periods];
    DoubleColumn births = new DoubleColumn();
    java.util.TreeSet<Long> days = new java.util.TreeSet<>();
    @Nullable String current = null;
    try (ExternalSort sorted = ExternalSort.of(source.get(), bufferSize)) {
      while (true) {
        CustomerSummaries.Transaction t = sorted.hasNext() ? sorted.next() : null;
        if (current != null && (t == null || !t.customerId().equals(current))) {
          track(days, originDay, cohortDay, unitDays, births, cumulative);
          days.clear();
        }
        if (t == null) {
          break;
        }
        current = t.customerId();
        if (!t.at().isBefore(origin) && !t.at().isAfter(observationEnd)) {
          days.add(Math.floorDiv(t.at().getEpochSecond(), 86_400L));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot sort the transaction log", e);
    }
    double[] ends = new double[periods];
    for (int k = 0; k < periods; k++) {
      ends[k] = k + 1;
      cumulative[k] +=
          k == 0 ? 0 : cumulative[k - 1]; // from repeat purchases per period to their running total
    }
    return new Tracking(unit, births.toArray(), ends, cumulative);
  }

  private static void track(
      java.util.TreeSet<Long> days,
      long originDay,
      long cohortDay,
      double unitDays,
      DoubleColumn births,
      double[] perPeriod) {
    if (days.isEmpty() || days.first() > cohortDay) {
      return;
    }
    long first = days.first();
    births.add((first - originDay) / unitDays);
    for (long day : days.tailSet(first, false)) {
      int period = (int) Math.floor((day - originDay) / unitDays);
      if (period < perPeriod.length) {
        perPeriod[period]++;
      }
    }
  }

  /** The rows of a transaction CSV file as transactions; bad rows are collected and reported at the end. */
  private static final class CsvTransactions implements Iterator<CustomerSummaries.Transaction> {
    private static final String SUBJECT = "transactions";
    private final Reader reader;
    private final Iterator<List<String>> rows;
    private final int id;
    private final int date;
    private final int amount;
    private final List<Problem> problems = new ArrayList<>();
    private int row = 1;
    private CustomerSummaries.@Nullable Transaction next;

    CsvTransactions(Path file) {
      try {
        this.reader = CsvText.open(file);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file.getFileName(), e);
      }
      CsvText.Rows csv = CsvText.read(reader, SUBJECT);
      this.rows = csv.rows();
      this.id =
          csv.column(SUBJECT, "id", "cust", "customer_id", "CustomerID", "Customer ID", "masterid");
      this.date = csv.column(SUBJECT, "date", "datetime", "timestamp", "InvoiceDate");
      this.amount = csv.find("sales", "amount", "value", "monetary_value", "dollar_value");
      advance();
    }

    private void advance() {
      next = null;
      while (next == null && rows.hasNext()) {
        List<String> f = rows.next();
        row++;
        if (f.size() == 1 && f.get(0).isBlank()) {
          continue;
        }
        try {
          next = new CustomerSummaries.Transaction(
              f.get(id).strip(),
              instant(f.get(date).strip()),
              amount >= 0 ? Double.parseDouble(f.get(amount).strip()) : 0);
        } catch (RuntimeException e) {
          if (problems.size() < 100) {
            problems.add(
                new Problem("row " + row, "is not a transaction (customer, date, amount)"));
          }
        }
      }
      if (next == null) {
        try {
          reader.close();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        if (!problems.isEmpty()) {
          throw new InvalidInputException(SUBJECT, problems);
        }
      }
    }

    @Override
    public boolean hasNext() {
      return next != null;
    }

    @Override
    public CustomerSummaries.Transaction next() {
      CustomerSummaries.Transaction current = next;
      if (current == null) {
        throw new java.util.NoSuchElementException();
      }
      advance();
      return current;
    }
  }

  /** A date or time as the logs write it; times without an offset are UTC. */
  static Instant instant(String text) {
    try {
      if (text.length() == 8 && text.chars().allMatch(Character::isDigit)) {
        return LocalDate.parse(text, DateTimeFormatter.BASIC_ISO_DATE)
            .atStartOfDay()
            .toInstant(ZoneOffset.UTC);
      }
      if (text.length() == 10) {
        return LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
      }
      String iso = text.replace(' ', 'T');
      if (iso.endsWith("Z") || iso.matches(".*[+-]\\d\\d:\\d\\d$")) {
        return OffsetDateTime.parse(iso).toInstant();
      }
      return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("not a date", e);
    }
  }
}
