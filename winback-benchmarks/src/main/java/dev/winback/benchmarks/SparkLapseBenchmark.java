package dev.winback.benchmarks;

import dev.winback.lapse.BgNbd;
import dev.winback.lapse.CustomerSummaries;
import dev.winback.lapse.Fit;
import dev.winback.lapse.FitOptions;
import dev.winback.spark.SparkFit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The BG/NBD fitted to the same synthetic population twice, side by side in one run: in this JVM, and over a local
 * Spark session's partitions with {@code winback-spark}; prints both times and the largest relative difference of
 * the estimates (the issue asks for 1e-6). The population (10,000,000 customers unless an argument says otherwise)
 * is drawn from the BG/NBD process with CDNOW's published parameters (r 0.243, alpha 4.414, a 0.793, b 2.426) over
 * a 39-week calibration with first purchases spread over its first 12 weeks; customer i is drawn from its own seed,
 * so that both sides see the same customers without either collecting the other's. Run with
 * {@code mvn -B -Pbenchmarks -pl winback-benchmarks -am package -DskipTests exec:exec -Dspark.customers=10000000}
 * (the Spark JVM options are in the module's pom).
 */
public final class SparkLapseBenchmark {
  private static final double R = 0.243;
  private static final double ALPHA = 4.414;
  private static final double A = 0.793;
  private static final double B = 2.426;
  private static final StructType SCHEMA = new StructType()
      .add("customer_id", DataTypes.StringType)
      .add("frequency", DataTypes.DoubleType)
      .add("recency", DataTypes.DoubleType)
      .add("T", DataTypes.DoubleType)
      .add("monetary_value", DataTypes.DoubleType);

  private SparkLapseBenchmark() {}

  /**
   * Runs the comparison.
   *
   * @param args the number of customers (10,000,000 unless given)
   */
  public static void main(String[] args) {
    int customers = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 10_000_000;
    int cores = Runtime.getRuntime().availableProcessors();
    System.out.printf(
        Locale.ROOT,
        "%,d customers, %d cores, heap %,d MB%n",
        customers,
        cores,
        Runtime.getRuntime().maxMemory() >> 20);

    long start = System.nanoTime();
    CustomerSummaries here = inThisJvm(customers);
    System.out.printf(
        Locale.ROOT, "drawn in this JVM: %,d ms%n", (System.nanoTime() - start) / 1_000_000);
    start = System.nanoTime();
    BgNbd local = BgNbd.fit(here);
    long localMillis = (System.nanoTime() - start) / 1_000_000;
    System.out.printf(Locale.ROOT, "in-JVM fit: %,d ms; %s%n", localMillis, describe(local.fit()));
    here = null; // let the spark side have the memory

    SparkSession spark = SparkSession.builder()
        .master("local[" + cores + "]")
        .appName("winback-spark-benchmark")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    try {
      int partitions = cores * 4;
      start = System.nanoTime();
      Dataset<Row> summaries = spark
          .createDataFrame(
              JavaSparkContext.fromSparkContext(spark.sparkContext())
                  .parallelize(ranges(customers, partitions), partitions)
                  .flatMap(range -> rows(range[0], range[1]).iterator()),
              SCHEMA)
          .cache();
      long count = summaries.count();
      System.out.printf(
          Locale.ROOT,
          "drawn in Spark (%d partitions): %,d rows, %,d ms%n",
          partitions,
          count,
          (System.nanoTime() - start) / 1_000_000);
      start = System.nanoTime();
      BgNbd distributed = SparkFit.bgNbd(summaries, FitOptions.defaults());
      long sparkMillis = (System.nanoTime() - start) / 1_000_000;
      System.out.printf(
          Locale.ROOT, "Spark fit: %,d ms; %s%n", sparkMillis, describe(distributed.fit()));

      double worst = 0;
      for (var entry : local.fit().parameters().entrySet()) {
        double other = distributed.fit().parameters().get(entry.getKey());
        worst = Math.max(worst, Math.abs(other - entry.getValue()) / Math.abs(entry.getValue()));
      }
      System.out.printf(
          Locale.ROOT,
          "largest relative difference of the estimates: %.2e (%s 1e-6); Spark / in-JVM time: %.2f%n",
          worst,
          worst <= 1e-6 ? "within" : "NOT within",
          sparkMillis / (double) localMillis);
    } finally {
      spark.stop();
    }
  }

  private static List<long[]> ranges(int customers, int partitions) {
    List<long[]> ranges = new ArrayList<>(partitions);
    for (int p = 0; p < partitions; p++) {
      ranges.add(
          new long[] {(long) customers * p / partitions, (long) customers * (p + 1) / partitions});
    }
    return ranges;
  }

  private static List<Row> rows(long from, long to) {
    List<Row> rows = new ArrayList<>((int) (to - from));
    double[] one = new double[4];
    for (long i = from; i < to; i++) {
      draw(i, one);
      rows.add(RowFactory.create(Long.toString(i), one[0], one[1], one[2], one[3]));
    }
    return rows;
  }

  private static CustomerSummaries inThisJvm(int customers) {
    String[] ids = new String[customers];
    double[] x = new double[customers];
    double[] tx = new double[customers];
    double[] age = new double[customers];
    double[] spend = new double[customers];
    double[] one = new double[4];
    for (int i = 0; i < customers; i++) {
      draw(i, one);
      ids[i] = Integer.toString(i);
      x[i] = one[0];
      tx[i] = one[1];
      age[i] = one[2];
      spend[i] = one[3];
    }
    return CustomerSummaries.of(ids, x, tx, age, spend);
  }

  /** Customer i of the BG/NBD process: frequency, recency, T, a mean spend. */
  private static void draw(long i, double[] out) {
    SplittableRandom random = new SplittableRandom(0x5eed_2026L * 31 + i);
    double lambda = gamma(random, R) / ALPHA;
    double p = beta(random, A, B);
    double age = 39 - random.nextDouble() * 12;
    double t = 0;
    int purchases = 0;
    double last = 0;
    while (true) {
      t += -Math.log(1 - random.nextDouble()) / lambda;
      if (t > age) {
        break;
      }
      purchases++;
      last = t;
      if (random.nextDouble() < p) {
        break;
      }
    }
    out[0] = purchases;
    out[1] = purchases == 0 ? 0 : last;
    out[2] = age;
    out[3] = purchases == 0 ? Double.NaN : 10 + 40 * random.nextDouble();
  }

  /** A Gamma(shape, 1) draw (Marsaglia and Tsang, with the boost for shapes below 1). */
  private static double gamma(SplittableRandom random, double shape) {
    if (shape < 1) {
      return gamma(random, shape + 1) * Math.pow(random.nextDouble(), 1 / shape);
    }
    double d = shape - 1.0 / 3;
    double c = 1 / Math.sqrt(9 * d);
    while (true) {
      double z = normal(random);
      double v = 1 + c * z;
      if (v <= 0) {
        continue;
      }
      v = v * v * v;
      double u = random.nextDouble();
      if (Math.log(u) < 0.5 * z * z + d - d * v + d * Math.log(v)) {
        return d * v;
      }
    }
  }

  private static double beta(SplittableRandom random, double a, double b) {
    double x = gamma(random, a);
    return x / (x + gamma(random, b));
  }

  private static double normal(SplittableRandom random) {
    double u = 1 - random.nextDouble();
    double v = random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  private static String describe(Fit fit) {
    return fit.parameters() + ", log-likelihood "
        + String.format(Locale.ROOT, "%.3f", fit.logLikelihood()) + ", " + fit.evaluations()
        + " evaluations";
  }
}
