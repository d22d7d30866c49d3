package dev.winback.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.min_by;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.unix_date;
import static org.apache.spark.sql.functions.when;

import dev.winback.InvalidInputException;
import dev.winback.Problem;
import dev.winback.lapse.CustomerSummaries;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/**
 * Customer summaries from a Spark DataFrame of transactions, computed by Spark where the data lie, with the same
 * rules as {@link dev.winback.lapse.TransactionLog}: purchases on one day (UTC) count as one, with their amounts
 * added; a customer's first purchase starts their history; {@code frequency} counts the repeat purchase days,
 * {@code recency} and {@code T} are measured from the first purchase in the given unit, and {@code monetary_value}
 * is the mean value of the repeat purchases (NaN without any). The result has lifetimes' column names:
 * {@code customer_id, frequency, recency, T, monetary_value}; {@link SparkFit} and {@link SparkScoring} read them.
 *
 * <pre>{@code
 * Dataset<Row> summaries = SparkSummaries.from(transactions)   // columns customer_id, timestamp, amount
 *     .columns("cust", "date", "sales")
 *     .summarise(calibrationEnd, Duration.ofDays(7));
 * }</pre>
 *
 * <p>Immutable: {@link #columns} returns a new instance.
 */
public final class SparkSummaries {
  /** The summaries' customer column. */
  public static final String CUSTOMER = "customer_id";
  /** The summaries' repeat purchases. */
  public static final String FREQUENCY = "frequency";
  /** The summaries' time from the first to the last purchase. */
  public static final String RECENCY = "recency";
  /** The summaries' time from the first purchase to the end of the period. */
  public static final String AGE = "T";
  /** The summaries' mean value of the repeat purchases. */
  public static final String MONETARY = "monetary_value";

  private final Dataset<Row> transactions;
  private final String customer;
  private final String time;
  private final String amount;

  private SparkSummaries(Dataset<Row> transactions, String customer, String time, String amount) {
    this.transactions = transactions;
    this.customer = customer;
    this.time = time;
    this.amount = amount;
  }

  /**
   * Starts summarising a DataFrame of transactions with the columns {@code customer_id}, {@code timestamp} (a
   * timestamp or a date) and {@code amount}.
   *
   * @param transactions the transactions, in any order
   * @return the summariser
   */
  public static SparkSummaries from(Dataset<Row> transactions) {
    return new SparkSummaries(
        Objects.requireNonNull(transactions, "transactions"), CUSTOMER, "timestamp", "amount");
  }

  /**
   * Names the transactions' columns.
   *
   * @param customerColumn the customer's id (any type; read as a string)
   * @param timeColumn when (a timestamp, or a date)
   * @param amountColumn the purchase's value (numeric, not negative)
   * @return a summariser reading those columns
   */
  public SparkSummaries columns(String customerColumn, String timeColumn, String amountColumn) {
    return new SparkSummaries(
        transactions,
        Objects.requireNonNull(customerColumn, "customerColumn"),
        Objects.requireNonNull(timeColumn, "timeColumn"),
        Objects.requireNonNull(amountColumn, "amountColumn"));
  }

  /**
   * Summarises the calibration period ending at {@code end}: one row per customer whose first purchase is not
   * after it. The transactions are checked first (one Spark job): a missing column, a row without customer or
   * time, or a negative amount fails with every problem named by column, never by value.
   *
   * @param end the end of the calibration period
   * @param unit the time unit of recency and T (e.g. a week)
   * @return the summaries, lazily computed
   * @throws InvalidInputException when the transactions are not valid
   * @throws IllegalArgumentException when the unit is not positive
   */
  public Dataset<Row> summarise(Instant end, Duration unit) {
    if (unit.isZero() || unit.isNegative()) {
      throw new IllegalArgumentException("a period must be positive, was " + unit);
    }
    check();
    double unitDays = unit.toNanos() / 86_400e9;
    long endDay = Math.floorDiv(end.getEpochSecond(), 86_400L);
    Dataset<Row> days = transactions
        .select(
            col(customer).cast(DataTypes.StringType).as("id"),
            day(col(time), transactions.schema().apply(time).dataType()).as("day"),
            col(amount).cast(DataTypes.DoubleType).as("amount"))
        .filter(col("day").leq(lit(endDay)))
        .groupBy("id", "day")
        .agg(sum("amount").as("amount"));
    Dataset<Row> customers = days.groupBy("id")
        .agg(
            min("day").as("first"),
            max("day").as("last"),
            count(lit(1)).as("days"),
            sum("amount").as("total"),
            min_by(col("amount"), col("day")).as("firstAmount"));
    Column repeats = col("days").minus(1);
    return customers.select(
        col("id").as(CUSTOMER),
        repeats.cast(DataTypes.DoubleType).as(FREQUENCY),
        col("last").minus(col("first")).divide(unitDays).as(RECENCY),
        lit(endDay).minus(col("first")).divide(unitDays).as(AGE),
        when(repeats.gt(0), col("total").minus(col("firstAmount")).divide(repeats))
            .otherwise(lit(Double.NaN))
            .as(MONETARY));
  }

  /** The day (days since 1970-01-01, UTC) of a timestamp or date column. */
  private static Column day(Column value, DataType type) {
    if (type.equals(DataTypes.DateType)) {
      return unix_date(value).cast(DataTypes.LongType);
    }
    return floor(value.cast(DataTypes.TimestampType).cast(DataTypes.LongType).divide(86_400));
  }

  private void check() {
    List<String> names = List.of(transactions.columns());
    List<Problem> problems = new ArrayList<>();
    for (String column : List.of(customer, time, amount)) {
      if (!names.contains(column)) {
        problems.add(new Problem(column, "no such column; the DataFrame has " + names));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException("transactions", problems);
    }
    Row counts = transactions
        .agg(
            sum(when(col(customer).isNull(), 1).otherwise(0)),
            sum(when(col(time).isNull(), 1).otherwise(0)),
            sum(when(
                    col(amount)
                        .isNull()
                        .or(col(amount).cast(DataTypes.DoubleType).isNaN()),
                    1)
                .otherwise(0)),
            sum(when(col(amount).cast(DataTypes.DoubleType).lt(0), 1).otherwise(0)))
        .first();
    addIfAny(problems, counts, 0, customer, "is empty");
    addIfAny(problems, counts, 1, time, "is empty");
    addIfAny(problems, counts, 2, amount, "is empty or not a number");
    addIfAny(problems, counts, 3, amount, "is negative");
    if (!problems.isEmpty()) {
      throw new InvalidInputException("transactions", problems);
    }
  }

  private static void addIfAny(
      List<Problem> problems, Row counts, int index, String column, String what) {
    long rows = counts.isNullAt(index) ? 0 : counts.getLong(index);
    if (rows > 0) {
      problems.add(new Problem(column, what + " in " + rows + (rows == 1 ? " row" : " rows")));
    }
  }

  /**
   * Brings summaries to this JVM, ordered by customer id, e.g. to fit them here or compare.
   *
   * @param summaries summaries with lifetimes' column names (as {@link #summarise} makes them)
   * @param unit the time unit of their recency and T
   * @return the summaries, carrying the unit
   */
  public static CustomerSummaries collect(Dataset<Row> summaries, Duration unit) {
    List<Row> rows = summaries
        .select(CUSTOMER, FREQUENCY, RECENCY, AGE, MONETARY)
        .orderBy(CUSTOMER)
        .collectAsList();
    return Partitions.summaries(rows.iterator(), 0).withUnit(unit);
  }

  @Override
  public String toString() {
    return "SparkSummaries[customer=" + customer + ", time=" + time + ", amount=" + amount + "]";
  }
}
