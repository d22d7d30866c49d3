package dev.winback.lapse;

import dev.winback.InvalidInputException;
import dev.winback.Problem;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Summarises a transaction log grouped by customer into calibration summaries and holdout counts, holding one
 * customer's purchase days at a time. Purchases on one day (UTC) count as one, with their amounts added.
 */
final class Summarising {
  private Summarising() {}

  static CalibrationHoldout run(
      Iterator<CustomerSummaries.Transaction> transactions,
      Instant calibrationEnd,
      Instant observationEnd,
      Duration unit) {
    if (unit.isZero() || unit.isNegative()) {
      throw new IllegalArgumentException("a period must be positive, was " + unit);
    }
    if (observationEnd.isBefore(calibrationEnd)) {
      throw new IllegalArgumentException(
          "the observation period cannot end before the calibration period");
    }
    List<String> ids = new ArrayList<>();
    DoubleColumn x = new DoubleColumn();
    DoubleColumn tx = new DoubleColumn();
    DoubleColumn age = new DoubleColumn();
    DoubleColumn spend = new DoubleColumn();
    DoubleColumn holdout = new DoubleColumn();
    DoubleColumn holdoutSpend = new DoubleColumn();
    Set<String> seen = new HashSet<>();
    String current = null;
    TreeMap<Long, Double> days = new TreeMap<>();
    double unitDays = unit.toNanos() / 86_400e9;
    long calibrationDay = Math.floorDiv(calibrationEnd.getEpochSecond(), 86_400L);
    while (true) {
      CustomerSummaries.Transaction t = transactions.hasNext() ? transactions.next() : null;
      if (current != null && (t == null || !t.customerId().equals(current))) {
        add(current, days, calibrationDay, unitDays, ids, x, tx, age, spend, holdout, holdoutSpend);
        days.clear();
      }
      if (t == null) {
        break;
      }
      if (!t.customerId().equals(current)) {
        if (!seen.add(t.customerId())) {
          throw new InvalidInputException(
              "transactions",
              List.of(
                  new Problem(
                      "customers[" + t.customerId() + "]",
                      "transactions must be grouped by customer: this customer appears in two separate groups")));
        }
        current = t.customerId();
      }
      if (!(t.amount() >= 0)) {
        throw new InvalidInputException(
            "transactions",
            List.of(
                new Problem("customers[" + t.customerId() + "].amount", "must not be negative")));
      }
      if (!t.at().isAfter(observationEnd)) {
        days.merge(Math.floorDiv(t.at().getEpochSecond(), 86_400L), t.amount(), Double::sum);
      }
    }
    CustomerSummaries calibration = CustomerSummaries.checked(
        CustomerSummaries.of(
            ids.toArray(String[]::new), x.toArray(), tx.toArray(), age.toArray(), spend.toArray()),
        null,
        unit);
    double length =
        Duration.between(calibrationEnd, observationEnd).toNanos() / (double) unit.toNanos();
    return new CalibrationHoldout(calibration, holdout.toArray(), holdoutSpend.toArray(), length);
  }

  private static void add(
      String id,
      TreeMap<Long, Double> days,
      long calibrationDay,
      double unitDays,
      List<String> ids,
      DoubleColumn x,
      DoubleColumn tx,
      DoubleColumn age,
      DoubleColumn spend,
      DoubleColumn holdout,
      DoubleColumn holdoutSpend) {
    Map.Entry<Long, Double> firstEntry = days.firstEntry();
    if (firstEntry == null || firstEntry.getKey() > calibrationDay) {
      return; // no purchase in the calibration period: not yet a customer of the cohort
    }
    long first = firstEntry.getKey();
    int repeats = 0;
    long last = first;
    double repeatTotal = 0;
    int later = 0;
    double laterTotal = 0;
    for (Map.Entry<Long, Double> day : days.tailMap(first, false).entrySet()) {
      if (day.getKey() <= calibrationDay) {
        repeats++;
        last = day.getKey();
        repeatTotal += day.getValue();
      } else {
        later++;
        laterTotal += day.getValue();
      }
    }
    ids.add(id);
    x.add(repeats);
    tx.add((last - first) / unitDays);
    age.add((calibrationDay - first) / unitDays);
    spend.add(repeats > 0 ? repeatTotal / repeats : Double.NaN);
    holdout.add(later);
    holdoutSpend.add(later > 0 ? laterTotal / later : Double.NaN);
  }
}
