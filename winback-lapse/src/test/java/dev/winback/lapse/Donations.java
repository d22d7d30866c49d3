package dev.winback.lapse;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/** The donations recency-frequency matrix (lifetimes, MIT licence; see resources/donations/NOTICE.md). */
final class Donations {
  private Donations() {}

  static CustomerSummaries matrix() {
    return CustomerSummaries.fromCsv(new InputStreamReader(
        Donations.class.getResourceAsStream("/donations/donations.csv"), StandardCharsets.UTF_8));
  }

  /** The same 11,104 supporters one row each, for checking that weights change nothing. */
  static CustomerSummaries expanded() {
    CustomerSummaries m = matrix();
    int n = (int) m.totalWeight();
    String[] ids = new String[n];
    double[] x = new double[n];
    double[] tx = new double[n];
    double[] age = new double[n];
    int k = 0;
    for (int i = 0; i < m.size(); i++) {
      for (int j = 0; j < m.weight(i); j++) {
        ids[k] = "s" + k;
        x[k] = m.x(i);
        tx[k] = m.tx(i);
        age[k] = m.age(i);
        k++;
      }
    }
    return CustomerSummaries.of(ids, x, tx, age, null);
  }
}
