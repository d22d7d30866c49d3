package dev.winback.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.udf;

import dev.winback.lapse.LifetimeValue;
import dev.winback.lapse.PurchaseModel;
import java.util.Objects;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF3;
import org.apache.spark.sql.api.java.UDF4;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;

/**
 * Scores a DataFrame of summaries (lifetimes' columns, as {@link SparkSummaries} makes them) with fitted models,
 * adding columns computed where the data lie: {@value #ALIVE}, {@value #EXPECTED} over a horizon, and {@value #VALUE}
 * from a {@link LifetimeValue}. The models are shipped to the executors once per task. Stateless.
 */
public final class SparkScoring {
  /** The probability that the customer is still alive. */
  public static final String ALIVE = "p_alive";
  /** The customer's expected purchases over the horizon. */
  public static final String EXPECTED = "expected_purchases";
  /** The customer's lifetime value. */
  public static final String VALUE = "value";

  private SparkScoring() {}

  /**
   * Adds {@value #ALIVE} and {@value #EXPECTED} (over {@code horizon} of the model's periods).
   *
   * @param summaries the summaries
   * @param model the fitted purchase model
   * @param horizon how many of the model's periods the expected purchases cover
   * @return the summaries with the two columns added
   * @throws IllegalArgumentException when the horizon is negative or not finite
   */
  public static Dataset<Row> score(Dataset<Row> summaries, PurchaseModel model, double horizon) {
    Objects.requireNonNull(model, "model");
    if (!(horizon >= 0) || Double.isInfinite(horizon)) {
      throw new IllegalArgumentException(
          "the horizon must be finite and not negative, was " + horizon);
    }
    UserDefinedFunction alive = udf(
        (UDF3<Double, Double, Double, Double>) (x, tx, age) -> model.probabilityAlive(x, tx, age),
        DataTypes.DoubleType);
    UserDefinedFunction expected = udf(
        (UDF3<Double, Double, Double, Double>)
            (x, tx, age) -> model.expectedPurchases(horizon, x, tx, age),
        DataTypes.DoubleType);
    return summaries
        .withColumn(ALIVE, alive.apply(history()))
        .withColumn(EXPECTED, expected.apply(history()));
  }

  /**
   * Adds {@value #ALIVE}, {@value #EXPECTED} (over {@code horizon} periods) and {@value #VALUE}.
   *
   * @param summaries the summaries
   * @param value the lifetime value, with its purchase model, spend model, horizon and discounting
   * @param horizon how many of the model's periods the expected purchases cover
   * @return the summaries with the three columns added
   */
  public static Dataset<Row> score(Dataset<Row> summaries, LifetimeValue value, double horizon) {
    Objects.requireNonNull(value, "value");
    UserDefinedFunction worth = udf(
        (UDF4<Double, Double, Double, Double, Double>)
            (x, tx, age, spend) -> value.value(x, tx, age, spend == null ? Double.NaN : spend),
        DataTypes.DoubleType);
    return score(summaries, value.purchases(), horizon)
        .withColumn(
            VALUE,
            worth.apply(
                col(SparkSummaries.FREQUENCY),
                col(SparkSummaries.RECENCY),
                col(SparkSummaries.AGE),
                col(SparkSummaries.MONETARY)));
  }

  private static Column[] history() {
    return new Column[] {
      col(SparkSummaries.FREQUENCY), col(SparkSummaries.RECENCY), col(SparkSummaries.AGE)
    };
  }
}
