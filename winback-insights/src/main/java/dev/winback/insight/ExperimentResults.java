package dev.winback.insight;

import dev.winback.Experiment;
import dev.winback.model.PlanStatus;
import dev.winback.model.WinBackPlan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The results of one experiment: the win-back rate of every arm, and for each arm against the control, the uplift
 * with its 95% interval (Newcombe's hybrid score method) and the p-value of the pooled two-proportion z-test. Below
 * the minimum sample in either arm the verdict is {@link Verdict#NOT_ENOUGH_DATA} and no winner is named.
 *
 * @param experiment the experiment's name
 * @param control the arm the others are compared with
 * @param arms the rate of every arm
 * @param comparisons each arm against the control
 */
public record ExperimentResults(
    String experiment, String control, List<Rate> arms, List<Comparison> comparisons) {

  /** What a comparison shows. */
  public enum Verdict {
    /** An arm or the control has fewer customers than the minimum sample: no conclusion. */
    NOT_ENOUGH_DATA,
    /** The arm wins back significantly more customers than the control (p below 0.05). */
    BETTER,
    /** The arm wins back significantly fewer customers than the control (p below 0.05). */
    WORSE,
    /** No significant difference at this sample size. */
    NO_DIFFERENCE_DETECTED
  }

  /**
   * One arm against the control.
   *
   * @param arm the arm
   * @param uplift the arm's rate minus the control's
   * @param interval the 95% interval of the uplift
   * @param pValue the two-sided p-value
   * @param verdict what it shows
   */
  public record Comparison(
      String arm, double uplift, Interval interval, double pValue, Verdict verdict) {}

  /**
   * Computes the results of an experiment from the plans of its customers.
   *
   * @param plans plans, of which those enrolled in the experiment are used
   * @param experiment the experiment's name
   * @param control the control arm, usually {@link Experiment#HOLDOUT}
   * @param minimumSample the fewest customers an arm needs before a verdict
   * @return the results
   */
  public static ExperimentResults of(
      Iterable<WinBackPlan> plans, String experiment, String control, int minimumSample) {
    Map<String, long[]> counts = new LinkedHashMap<>();
    for (WinBackPlan plan : plans) {
      if (plan.experiment().filter(experiment::equals).isEmpty() || plan.arm().isEmpty()) {
        continue;
      }
      long[] c = counts.computeIfAbsent(plan.arm().get(), k -> new long[2]);
      c[0] += plan.status() == PlanStatus.WON_BACK ? 1 : 0;
      c[1]++;
    }
    List<Rate> arms = new ArrayList<>();
    counts.forEach((arm, c) -> arms.add(Rate.of(arm, c[0], c[1])));
    arms.sort((a, b) -> a.group().equals(control)
        ? -1
        : b.group().equals(control) ? 1 : a.group().compareTo(b.group()));
    long[] base = counts.getOrDefault(control, new long[2]);
    List<Comparison> comparisons = new ArrayList<>();
    for (Rate arm : arms) {
      if (arm.group().equals(control)) {
        continue;
      }
      double uplift = arm.rate() - (base[1] == 0 ? 0 : (double) base[0] / base[1]);
      Interval interval = Statistics.differenceInterval(
          arm.successes(), arm.trials(), base[0], base[1], Statistics.Z95);
      double p = Statistics.twoProportionPValue(arm.successes(), arm.trials(), base[0], base[1]);
      Verdict verdict = arm.trials() < minimumSample || base[1] < minimumSample
          ? Verdict.NOT_ENOUGH_DATA
          : p < 0.05
              ? (uplift > 0 ? Verdict.BETTER : Verdict.WORSE)
              : Verdict.NO_DIFFERENCE_DETECTED;
      comparisons.add(new Comparison(arm.group(), uplift, interval, p, verdict));
    }
    return new ExperimentResults(experiment, control, List.copyOf(arms), List.copyOf(comparisons));
  }

  /**
   * The comparison of one arm with the control.
   *
   * @param arm the arm
   * @return the comparison, if the arm occurred
   */
  public Optional<Comparison> comparison(String arm) {
    return comparisons.stream().filter(c -> c.arm().equals(arm)).findFirst();
  }
}
