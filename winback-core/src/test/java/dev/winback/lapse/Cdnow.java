package dev.winback.lapse;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The CDNOW cohort (lifetimes' summary, MIT licence; see resources/cdnow/NOTICE.md): 39-week calibration, weeks. */
final class Cdnow {
  private Cdnow() {}

  static CustomerSummaries summaries() {
    List<String[]> rows = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        Cdnow.class.getResourceAsStream("/cdnow/cdnow_customers_summary_with_transactions.csv"),
        StandardCharsets.UTF_8))) {
      in.readLine();
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        rows.add(line.split(","));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    int n = rows.size();
    String[] ids = new String[n];
    double[] x = new double[n];
    double[] tx = new double[n];
    double[] age = new double[n];
    double[] spend = new double[n];
    for (int i = 0; i < n; i++) {
      String[] row = rows.get(i);
      ids[i] = row[0];
      x[i] = Double.parseDouble(row[1]);
      tx[i] = Double.parseDouble(row[2]);
      age[i] = Double.parseDouble(row[3]);
      spend[i] = x[i] > 0 ? Double.parseDouble(row[4]) : Double.NaN;
    }
    return CustomerSummaries.of(ids, x, tx, age, spend);
  }
}
