package dev.winback.lapse;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/** The CDNOW cohort (lifetimes' summary, MIT licence; see resources/cdnow/NOTICE.md): 39-week calibration, weeks. */
final class Cdnow {
  private Cdnow() {}

  static CustomerSummaries summaries() {
    return CustomerSummaries.fromCsv(new InputStreamReader(
        Cdnow.class.getResourceAsStream("/cdnow/cdnow_customers_summary_with_transactions.csv"),
        StandardCharsets.UTF_8));
  }

  static final java.time.Instant CALIBRATION_END = java.time.Instant.parse("1997-09-30T00:00:00Z");
  static final java.time.Instant OBSERVATION_END = java.time.Instant.parse("1998-06-30T00:00:00Z");

  /** The CDNOW sample's transaction log (lifetimes' CDNOW_sample.txt: master id, id, yyyymmdd, CDs, dollars). */
  static java.util.List<CustomerSummaries.Transaction> transactions() {
    java.util.List<CustomerSummaries.Transaction> log = new java.util.ArrayList<>();
    try (java.io.BufferedReader in = new java.io.BufferedReader(new InputStreamReader(
        Cdnow.class.getResourceAsStream("/cdnow/CDNOW_sample.txt"), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        String[] f = line.trim().split("\\s+");
        java.time.LocalDate day =
            java.time.LocalDate.parse(f[2], java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
        log.add(new CustomerSummaries.Transaction(
            String.valueOf(Integer.parseInt(f[1])),
            day.atStartOfDay().toInstant(java.time.ZoneOffset.UTC),
            Double.parseDouble(f[4])));
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return log;
  }

  /** The cohort {@code times} over, for tests that need a population large enough to be summed in parallel. */
  static CustomerSummaries repeated(int times) {
    CustomerSummaries one = summaries();
    int n = one.size() * times;
    String[] ids = new String[n];
    double[] x = new double[n];
    double[] tx = new double[n];
    double[] age = new double[n];
    double[] spend = new double[n];
    for (int i = 0; i < n; i++) {
      int j = i % one.size();
      ids[i] = one.id(j) + "-" + i / one.size();
      x[i] = one.x(j);
      tx[i] = one.tx(j);
      age[i] = one.age(j);
      spend[i] = one.meanSpend(j);
    }
    return CustomerSummaries.of(ids, x, tx, age, spend);
  }
}
