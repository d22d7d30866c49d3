package dev.winback.spark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** One local Spark session for the test JVM (two threads, no UI), and the CDNOW transactions as a DataFrame. */
final class LocalSpark {
  static final Instant CALIBRATION_END = Instant.parse("1997-09-30T00:00:00Z");
  private static volatile SparkSession session;

  private LocalSpark() {}

  static synchronized SparkSession session() {
    if (session == null) {
      session = SparkSession.builder()
          .master("local[2]")
          .appName("winback-spark-tests")
          .config("spark.ui.enabled", "false")
          .config("spark.sql.shuffle.partitions", "4")
          .config("spark.driver.host", "127.0.0.1")
          .config("spark.driver.bindAddress", "127.0.0.1")
          .config("spark.sql.session.timeZone", "UTC")
          .getOrCreate();
      SparkSession started = session;
      Runtime.getRuntime().addShutdownHook(new Thread(started::stop));
    }
    return session;
  }

  /** Lifetimes' CDNOW_sample.txt (MIT; see resources/cdnow/NOTICE.md) as customer, timestamp, amount rows. */
  static List<Row> cdnowRows() {
    List<Row> rows = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        LocalSpark.class.getResourceAsStream("/cdnow/CDNOW_sample.txt"), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        String[] f = line.trim().split("\\s+");
        LocalDate day = LocalDate.parse(f[2], DateTimeFormatter.BASIC_ISO_DATE);
        rows.add(RowFactory.create(
            String.valueOf(Integer.parseInt(f[1])),
            Timestamp.from(day.atStartOfDay().toInstant(ZoneOffset.UTC)),
            Double.parseDouble(f[4])));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }

  static final StructType TRANSACTIONS = new StructType()
      .add("cust", DataTypes.StringType)
      .add("date", DataTypes.TimestampType)
      .add("sales", DataTypes.DoubleType);

  /** The CDNOW transactions in four partitions. */
  static Dataset<Row> cdnow() {
    return session().createDataFrame(cdnowRows(), TRANSACTIONS).repartition(4);
  }
}
