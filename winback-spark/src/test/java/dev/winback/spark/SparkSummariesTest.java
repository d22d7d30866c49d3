package dev.winback.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.to_date;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.winback.InvalidInputException;
import dev.winback.lapse.CustomerSummaries;
import dev.winback.lapse.TransactionLog;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;

/**
 * Summaries built by Spark from a DataFrame of transactions are the summaries {@link TransactionLog} builds in one
 * JVM from the same log: CDNOW's 2,357 customers, each with the same frequency, recency, T and mean spend.
 */
class SparkSummariesTest {
  private static final Duration WEEK = Duration.ofDays(7);

  @Test
  void sparksSummariesOfCdnowAreTheOnesBuiltInOneJvm() {
    Dataset<Row> summaries = SparkSummaries.from(LocalSpark.cdnow())
        .columns("cust", "date", "sales")
        .summarise(LocalSpark.CALIBRATION_END, WEEK);

    CustomerSummaries spark = SparkSummaries.collect(summaries, WEEK);
    CustomerSummaries here = inOneJvm();

    assertThat(summaries.columns())
        .containsExactly("customer_id", "frequency", "recency", "T", "monetary_value");
    assertSameSummaries(spark, here);
    assertThat(spark.unit()).contains(WEEK);
  }

  @Test
  void aDateColumnSummarisesLikeATimestamp() {
    Dataset<Row> byDate = LocalSpark.cdnow().withColumn("date", to_date(col("date")));

    CustomerSummaries spark = SparkSummaries.collect(
        SparkSummaries.from(byDate)
            .columns("cust", "date", "sales")
            .summarise(LocalSpark.CALIBRATION_END, WEEK),
        WEEK);

    assertSameSummaries(spark, inOneJvm());
  }

  @Test
  void badTransactionsFailNamingEachColumnAndNoValue() {
    List<Row> rows = new ArrayList<>(LocalSpark.cdnowRows());
    rows.add(RowFactory.create(
        "secret-42", Timestamp.from(Instant.parse("1997-02-01T00:00:00Z")), -5.0));
    rows.add(RowFactory.create(null, Timestamp.from(Instant.parse("1997-02-01T00:00:00Z")), 5.0));
    rows.add(RowFactory.create("secret-43", null, 5.0));
    Dataset<Row> bad = LocalSpark.session().createDataFrame(rows, LocalSpark.TRANSACTIONS);

    assertThatThrownBy(() -> SparkSummaries.from(bad)
            .columns("cust", "date", "sales")
            .summarise(LocalSpark.CALIBRATION_END, WEEK))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> assertThat(e.problems())
                .extracting(p -> p.path() + ": " + p.message())
                .containsExactly(
                    "cust: is empty in 1 row",
                    "date: is empty in 1 row",
                    "sales: is negative in 1 row"))
        .message()
        .doesNotContain("secret");
    assertThatThrownBy(() -> SparkSummaries.from(bad).summarise(LocalSpark.CALIBRATION_END, WEEK))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("customer_id: no such column")
        .hasMessageContaining("timestamp: no such column")
        .hasMessageContaining("amount: no such column");
  }

  static CustomerSummaries inOneJvm() {
    List<CustomerSummaries.Transaction> log = new ArrayList<>();
    for (Row row : LocalSpark.cdnowRows()) {
      log.add(new CustomerSummaries.Transaction(
          row.getString(0), row.getTimestamp(1).toInstant(), row.getDouble(2)));
    }
    return TransactionLog.of(log::iterator).summaries(LocalSpark.CALIBRATION_END, WEEK);
  }

  static void assertSameSummaries(CustomerSummaries spark, CustomerSummaries here) {
    assertThat(spark.size()).isEqualTo(here.size()).isEqualTo(2357);
    for (int i = 0; i < here.size(); i++) {
      assertThat(spark.id(i)).isEqualTo(here.id(i));
      assertThat(spark.x(i)).as("x of %s", here.id(i)).isEqualTo(here.x(i));
      assertThat(spark.tx(i)).as("t_x of %s", here.id(i)).isCloseTo(here.tx(i), within(1e-9));
      assertThat(spark.age(i)).as("T of %s", here.id(i)).isCloseTo(here.age(i), within(1e-9));
      if (Double.isNaN(here.meanSpend(i))) {
        assertThat(spark.meanSpend(i)).as("spend of %s", here.id(i)).isNaN();
      } else {
        assertThat(spark.meanSpend(i))
            .as("spend of %s", here.id(i))
            .isCloseTo(here.meanSpend(i), within(1e-9));
      }
    }
  }
}
