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
}
