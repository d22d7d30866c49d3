package dev.winback.lapse;

import dev.winback.InvalidInputException;
import dev.winback.Problem;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** Reads customer summaries (or a weighted recency-frequency matrix) from CSV, by the usual column names. */
final class SummaryCsv {
  private static final String SUBJECT = "customer summaries";

  private SummaryCsv() {}

  static CustomerSummaries read(Reader source) {
    CsvText.Rows csv = CsvText.read(source, SUBJECT);
    int id = csv.find("id", "ID", "cust", "customer_id", "CustomerID", "customer");
    int x = csv.column(SUBJECT, "x", "frequency", "frequency_cal");
    int tx = csv.column(SUBJECT, "t_x", "t.x", "recency", "recency_cal");
    int age = csv.column(SUBJECT, "T", "T.cal", "T_cal", "n.cal", "n_cal", "periods");
    int spend = csv.find("zbar", "m.x", "monetary_value", "monetary_value_cal", "meanSpend");
    int weight = csv.find("weights", "weight", "custs");
    List<String> ids = new ArrayList<>();
    DoubleColumn xs = new DoubleColumn();
    DoubleColumn txs = new DoubleColumn();
    DoubleColumn ages = new DoubleColumn();
    DoubleColumn spends = new DoubleColumn();
    DoubleColumn weights = new DoubleColumn();
    List<Problem> problems = new ArrayList<>();
    int row = 1;
    for (Iterator<List<String>> rows = csv.rows(); rows.hasNext(); ) {
      List<String> f = rows.next();
      row++;
      if (f.size() == 1 && f.get(0).isBlank()) {
        continue;
      }
      try {
        String name = id >= 0 ? f.get(id).strip() : String.valueOf(row - 1);
        double repeat = Double.parseDouble(f.get(x).strip());
        double recency = repeat == 0 ? 0 : Double.parseDouble(f.get(tx).strip());
        double t = Double.parseDouble(f.get(age).strip());
        double m = spend >= 0 && repeat > 0 ? Double.parseDouble(f.get(spend).strip()) : Double.NaN;
        double w = weight >= 0 ? Double.parseDouble(f.get(weight).strip()) : 1;
        ids.add(name);
        xs.add(repeat);
        txs.add(recency);
        ages.add(t);
        spends.add(m);
        weights.add(w);
      } catch (RuntimeException e) {
        if (problems.size() < 100) {
          problems.add(
              new Problem("row " + row, "is not a summary row (id, x, t_x, T as numbers)"));
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(SUBJECT, problems);
    }
    CustomerSummaries summaries = CustomerSummaries.of(
        ids.toArray(String[]::new), xs.toArray(), txs.toArray(), ages.toArray(), spends.toArray());
    return weight >= 0 ? summaries.withWeights(weights.toArray()) : summaries;
  }
}
