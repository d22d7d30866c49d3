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
