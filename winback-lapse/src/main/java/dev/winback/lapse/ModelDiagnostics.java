package dev.winback.lapse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How well a fitted purchase model describes the customers it was fitted on, as numbers for the diagnostic charts
 * of the insights report: its predictions for the holdout period against what happened, by calibration frequency
 * (lifetimes' {@code plot_calibration_purchases_vs_holdout_purchases}); the cohort's tracking, cumulative and
 * incremental, against the model's expectation (BTYD's {@code bgnbd.PlotTrackingCum} and {@code ...Inc}); and the
 * distribution of the probability of being alive at the end of the calibration period. Immutable.
 *
 * @param model the model's name, e.g. {@code BG/NBD}
 * @param calibration per calibration frequency: customers, mean holdout purchases, mean predicted
 * @param tracking the cohort's tracking, if given
 * @param expectedCumulative the model's expected cumulative repeat purchases per tracked period (empty without
 *     tracking)
 * @param aliveHistogram how many customers have a probability of being alive in each tenth: [0, 0.1), ...,
 *     [0.9, 1]
 */
public record ModelDiagnostics(
    String model,
    List<FrequencyRow> calibration,
    Optional<Tracking> tracking,
    double[] expectedCumulative,
    int[] aliveHistogram) {

  /**
   * The customers with one calibration frequency (or, for the last row, that many or more).
   *
   * @param frequency the repeat purchases in the calibration period, e.g. {@code 3} or {@code 7+}
   * @param customers how many customers
   * @param actual their mean purchases in the holdout period
   * @param predicted the model's mean expectation for them over the holdout period
   */
  public record FrequencyRow(String frequency, int customers, double actual, double predicted) {}

  /**
   * Checks and copies the values.
   *
   * @param model the model's name
   * @param calibration the rows by frequency
   * @param tracking the tracking, if any
   * @param expectedCumulative the expected cumulative purchases per period
   * @param aliveHistogram the counts per tenth of probability
   * @throws IllegalArgumentException when the histogram does not have ten bins or the expectation does not match
   *     the tracking
   */
  public ModelDiagnostics {
    Objects.requireNonNull(model, "model");
    calibration = List.copyOf(calibration);
    Objects.requireNonNull(tracking, "tracking");
    if (aliveHistogram.length != 10) {
      throw new IllegalArgumentException("the histogram has ten bins");
    }
    if (expectedCumulative.length != tracking.map(t -> t.periods().length).orElse(0)) {
      throw new IllegalArgumentException("need one expected value per tracked period");
    }
    expectedCumulative = expectedCumulative.clone();
    aliveHistogram = aliveHistogram.clone();
  }

  /**
   * Diagnoses a model fitted on the calibration part of a split, grouping frequencies from {@code maxFrequency} up
   * into one row.
   *
   * @param name the model's name, for the report
   * @param model the fitted model
   * @param split the calibration summaries it was fitted on and what happened in the holdout period
   * @param maxFrequency the first frequency grouped with all above it (lifetimes uses 7), at least 1
   * @return the diagnostics, without tracking
   * @throws IllegalArgumentException when {@code maxFrequency} is below 1
   */
  public static ModelDiagnostics of(
      String name, PurchaseModel model, CalibrationHoldout split, int maxFrequency) {
    if (maxFrequency < 1) {
      throw new IllegalArgumentException("maxFrequency must be at least 1, was " + maxFrequency);
    }
    CustomerSummaries data = split.calibration();
    double[] holdout = split.holdoutPurchases();
    double[] predicted = model.expectedPurchases(split.holdoutLength(), data);
    int[] customers = new int[maxFrequency + 1];
    double[] actualSum = new double[maxFrequency + 1];
    double[] predictedSum = new double[maxFrequency + 1];
    for (int i = 0; i < data.size(); i++) {
      int row = (int) Math.min(data.x(i), maxFrequency);
      customers[row]++;
      actualSum[row] += holdout[i];
      predictedSum[row] += predicted[i];
    }
    List<FrequencyRow> rows = new ArrayList<>();
    for (int f = 0; f <= maxFrequency; f++) {
      if (customers[f] > 0) {
        rows.add(new FrequencyRow(
            f == maxFrequency ? f + "+" : Integer.toString(f),
            customers[f],
            actualSum[f] / customers[f],
            predictedSum[f] / customers[f]));
      }
    }
    int[] histogram = new int[10];
    for (double p : model.probabilityAlive(data)) {
      histogram[Math.min(9, Math.max(0, (int) Math.floor(p * 10)))]++;
    }
    return new ModelDiagnostics(name, rows, Optional.empty(), new double[0], histogram);
  }

  /**
   * These diagnostics with the cohort's tracking held against the model.
   *
   * @param model the fitted model these diagnostics describe
   * @param cohort the cohort's tracking, from {@link TransactionLog#tracking}
   * @return new diagnostics
   */
  public ModelDiagnostics withTracking(PurchaseModel model, Tracking cohort) {
    return new ModelDiagnostics(
        this.model,
        calibration,
        Optional.of(cohort),
        cohort.expectedCumulative(model),
        aliveHistogram);
  }

  /**
   * The model's expected cumulative repeat purchases per tracked period.
   *
   * @return a copy of the column
   */
  @Override
  public double[] expectedCumulative() {
    return expectedCumulative.clone();
  }

  /**
   * The model's expected repeat purchases within each tracked period.
   *
   * @return the period-by-period differences of {@link #expectedCumulative()}
   */
  public double[] expectedIncremental() {
    return Numerics.increments(expectedCumulative);
  }

  /**
   * The counts of customers per tenth of the probability of being alive.
   *
   * @return a copy of the ten counts
   */
  @Override
  public int[] aliveHistogram() {
    return aliveHistogram.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ModelDiagnostics d
        && model.equals(d.model)
        && calibration.equals(d.calibration)
        && tracking.equals(d.tracking)
        && Arrays.equals(expectedCumulative, d.expectedCumulative)
        && Arrays.equals(aliveHistogram, d.aliveHistogram);
  }

  @Override
  public int hashCode() {
    return Objects.hash(model, calibration, Arrays.hashCode(aliveHistogram));
  }

  @Override
  public String toString() {
    return "ModelDiagnostics[" + model + ", " + calibration.size() + " frequency rows, tracking "
        + tracking.isPresent() + "]";
  }
}
