package dev.winback.insight;

import dev.winback.model.ExitCategory;
import dev.winback.model.ExitReason;
import dev.winback.model.WinBackPlan;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Why customers leave, over time: the share of each exit category per week or month (by when they were lost, in
 * UTC), and an alert whenever a category's share in a period rises significantly over its baseline. Empty periods
 * between the first and the last are kept, with no customers.
 *
 * <p>The test: for each period with enough history, the category's count in the period against its count in the
 * preceding {@code baselinePeriods} periods pooled, by a one-sided pooled two-proportion z-test; an alert when the
 * p-value is below {@code alpha} and the period has at least {@code minimumCount} such customers. Each alert carries
 * up to three of the customers' own words as examples, unattributed and with e-mail addresses, phone numbers and
 * other digit runs masked.
 *
 * @param granularity weeks or months
 * @param periods the periods in order, each with its counts
 * @param alerts the categories that rose significantly, in period order
 */
public record RootCauses(Granularity granularity, List<PeriodShares> periods, List<Alert> alerts) {
  private static final Pattern EMAIL = Pattern.compile("[^\\s@]+@[^\\s@]+");
  private static final Pattern DIGITS = Pattern.compile("\\+?\\d[\\d ()./-]{3,}\\d");

  /** The length of a period. */
  public enum Granularity {
    /** Weeks starting on Monday. */
    WEEK,
    /** Calendar months. */
    MONTH
  }

  /**
   * One period's exit categories.
   *
   * @param start the first day of the period
   * @param total how many customers were lost in it
   * @param counts how many of them left for each category
   */
  public record PeriodShares(LocalDate start, long total, Map<ExitCategory, Long> counts) {
    /**
     * The share of a category in this period.
     *
     * @param category the category
     * @return its share, 0 for an empty period
     */
    public double share(ExitCategory category) {
      return total == 0 ? 0 : (double) counts.getOrDefault(category, 0L) / total;
    }
  }

  /**
   * A category whose share rose significantly.
   *
   * @param period the first day of the period it rose in
   * @param category the category
   * @param share its share in the period
   * @param baselineShare its share in the baseline periods
   * @param pValue the one-sided p-value
   * @param examples up to three anonymous examples of what customers said
   */
  public record Alert(
      LocalDate period,
      ExitCategory category,
      double share,
      double baselineShare,
      double pValue,
      List<String> examples) {}

  /**
   * Computes the trend and its alerts.
   *
   * @param plans the plans (each customer's primary category counts once per plan)
   * @param granularity weeks or months
   * @param baselinePeriods how many preceding periods form the baseline
   * @param alpha the significance level, e.g. 0.01
   * @param minimumCount the fewest customers of the category in the period for an alert
   * @return the root causes
   */
  public static RootCauses of(
      Iterable<WinBackPlan> plans,
      Granularity granularity,
      int baselinePeriods,
      double alpha,
      int minimumCount) {
    TreeMap<LocalDate, long[]> counts = new TreeMap<>();
    Map<LocalDate, Map<ExitCategory, List<String>>> words = new TreeMap<>();
    int categories = ExitCategory.values().length;
    for (WinBackPlan plan : plans) {
      LocalDate period = periodOf(plan.customer().lostAt(), granularity);
      long[] c = counts.computeIfAbsent(period, k -> new long[categories + 1]);
      ExitCategory category = plan.customer().primaryCategory();
      c[category.ordinal()]++;
      c[categories]++;
      for (ExitReason reason : plan.customer().exitReasons()) {
        if (reason.category() == category && reason.verbatim().isPresent()) {
          List<String> said = words
              .computeIfAbsent(period, k -> new EnumMap<>(ExitCategory.class))
              .computeIfAbsent(category, k -> new ArrayList<>());
          if (said.size() < 3) {
            said.add(anonymise(reason.verbatim().get()));
          }
          break;
        }
      }
    }
    List<PeriodShares> periods = new ArrayList<>();
    if (!counts.isEmpty()) {
      for (LocalDate p = counts.firstKey();
          !p.isAfter(counts.lastKey());
          p = next(p, granularity)) {
        long[] c = counts.getOrDefault(p, new long[categories + 1]);
        Map<ExitCategory, Long> byCategory = new EnumMap<>(ExitCategory.class);
        for (ExitCategory category : ExitCategory.values()) {
          if (c[category.ordinal()] > 0) {
            byCategory.put(category, c[category.ordinal()]);
          }
        }
        periods.add(new PeriodShares(p, c[categories], Map.copyOf(byCategory)));
      }
    }
    List<Alert> alerts = new ArrayList<>();
    for (int i = baselinePeriods; i < periods.size(); i++) {
      PeriodShares current = periods.get(i);
      long baseTotal = 0;
      Map<ExitCategory, Long> baseCounts = new EnumMap<>(ExitCategory.class);
      for (int j = i - baselinePeriods; j < i; j++) {
        baseTotal += periods.get(j).total();
        periods.get(j).counts().forEach((category, n) -> baseCounts.merge(category, n, Long::sum));
      }
      if (current.total() == 0 || baseTotal == 0) {
        continue;
      }
      for (Map.Entry<ExitCategory, Long> entry : current.counts().entrySet()) {
        long count = entry.getValue();
        long base = baseCounts.getOrDefault(entry.getKey(), 0L);
        double p = Statistics.greaterPValue(count, current.total(), base, baseTotal);
        if (count >= minimumCount && p < alpha) {
          alerts.add(new Alert(
              current.start(),
              entry.getKey(),
              current.share(entry.getKey()),
              (double) base / baseTotal,
              p,
              words
                  .getOrDefault(current.start(), Map.of())
                  .getOrDefault(entry.getKey(), List.of())));
        }
      }
    }
    return new RootCauses(granularity, List.copyOf(periods), List.copyOf(alerts));
  }

  static LocalDate periodOf(Instant at, Granularity granularity) {
    LocalDate day = at.atZone(ZoneOffset.UTC).toLocalDate();
    return granularity == Granularity.WEEK
        ? day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
        : day.withDayOfMonth(1);
  }

  private static LocalDate next(LocalDate period, Granularity granularity) {
    return granularity == Granularity.WEEK
        ? period.plus(1, ChronoUnit.WEEKS)
        : period.plusMonths(1);
  }

  static String anonymise(String words) {
    String masked = EMAIL.matcher(words).replaceAll("[e-mail]");
    return DIGITS.matcher(masked).replaceAll("[number]");
  }
}
