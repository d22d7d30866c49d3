package dev.winback.insight;

import dev.winback.model.CustomerValue;
import dev.winback.model.Offer;
import dev.winback.model.PlanStatus;
import dev.winback.model.PlanStep;
import dev.winback.model.StepKind;
import dev.winback.model.StepStatus;
import dev.winback.model.ValueTiers;
import dev.winback.model.WinBackPlan;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * What win-back achieved: a funnel, win-back rates by exit category, churn signal, playbook rule, step kind,
 * channel, incentive and value tier (each with its 95% Wilson interval), time to win back, and revenue recovered
 * against incentive cost.
 *
 * <p>Counted: every plan except those suppressed before any contact and those in an experiment's holdout (the
 * holdout is for {@link ExperimentResults}). A plan is won when it ended {@link PlanStatus#WON_BACK}; plans still
 * running count as not won yet. By step kind, channel and incentive, a plan counts in every group it was exposed to
 * (a step of that kind or on that channel was sent).
 *
 * @param funnel plans started, contacted, answered and won back
 * @param rates the rates per dimension, groups in descending order of size
 * @param timeToWinBack days from the plan's start to the customer's return
 * @param money revenue recovered and incentive cost, per currency
 */
public record Outcomes(
    Funnel funnel,
    Map<Dimension, List<Rate>> rates,
    TimeToWinBack timeToWinBack,
    List<Money> money) {

  /** What the rates are grouped by. */
  public enum Dimension {
    /** The customer's primary exit category. */
    EXIT_CATEGORY,
    /** How we knew they left. */
    CHURN_SIGNAL,
    /** The playbook rule that chose the plan. */
    RULE,
    /** The kinds of step they received. */
    STEP_KIND,
    /** The channels they were reached on. */
    CHANNEL,
    /** The kind of incentive they were offered, or {@code none}. */
    INCENTIVE,
    /** Their value tier. */
    VALUE_TIER
  }

  /**
   * The win-back funnel.
   *
   * @param started plans started, leaving out those suppressed before any contact and those held out by an
   *     experiment
   * @param contacted plans with at least one step sent
   * @param answered plans whose customer gave feedback or answered
   * @param wonBack plans whose customer came back
   */
  public record Funnel(long started, long contacted, long answered, long wonBack) {}

  /**
   * Days from a plan's start to the customer's return.
   *
   * @param count how many came back
   * @param medianDays the median, 0 when none
   * @param meanDays the mean, 0 when none
   * @param p90Days the 90th percentile (nearest rank), 0 when none
   */
  public record TimeToWinBack(long count, double medianDays, double meanDays, double p90Days) {}

  /**
   * Money in one currency.
   *
   * @param currency the currency
   * @param revenueRecovered monthly revenue of the customers won back, over the horizon
   * @param incentiveCost the worth of the incentives sent to the customers won back
   * @param roi (recovered - cost) / cost, empty when nothing was spent
   */
  public record Money(
      Currency currency,
      BigDecimal revenueRecovered,
      BigDecimal incentiveCost,
      Optional<Double> roi) {}

  /**
   * Computes outcomes over plans in one pass.
   *
   * @param plans the plans, e.g. every plan in a store
   * @param tiers the value tiers of the playbook
   * @param horizon how many months of recovered revenue to count per customer won back
   * @return the outcomes
   */
  public static Outcomes of(Iterable<WinBackPlan> plans, ValueTiers tiers, Period horizon) {
    long started = 0;
    long contacted = 0;
    long answered = 0;
    long won = 0;
    Map<Dimension, Map<String, long[]>> counts = new EnumMap<>(Dimension.class);
    for (Dimension dimension : Dimension.values()) {
      counts.put(dimension, new LinkedHashMap<>());
    }
    List<Double> days = new ArrayList<>();
    Map<Currency, BigDecimal[]> money =
        new TreeMap<>((a, b) -> a.getCurrencyCode().compareTo(b.getCurrencyCode()));
    BigDecimal months = BigDecimal.valueOf(horizon.toTotalMonths());
    for (WinBackPlan plan : plans) {
      if (plan.status() == PlanStatus.SUPPRESSED
              && plan.steps().stream().noneMatch(s -> s.status() == StepStatus.DONE)
          || plan.arm().filter("holdout"::equals).isPresent()) {
        continue;
      }
      boolean isWon = plan.status() == PlanStatus.WON_BACK;
      started++;
      won += isWon ? 1 : 0;
      count(counts, Dimension.EXIT_CATEGORY, plan.customer().primaryCategory().name(), isWon);
      count(counts, Dimension.CHURN_SIGNAL, plan.customer().churnSignal().name(), isWon);
      count(counts, Dimension.RULE, plan.rule(), isWon);
      count(counts, Dimension.VALUE_TIER, tiers.tierOf(plan.customer()).name(), isWon);
      Set<StepKind> kinds = EnumSet.noneOf(StepKind.class);
      Set<String> channels = new java.util.TreeSet<>();
      Set<String> incentives = new java.util.TreeSet<>();
      BigDecimal cost = BigDecimal.ZERO;
      for (PlanStep step : plan.steps()) {
        if (step.status() == StepStatus.DONE) {
          kinds.add(step.kind());
          channels.add(step.channel().name());
          if (step.offer().isPresent()) {
            incentives.add(step.offer().get().kind().name());
            cost = cost.add(plan.customer()
                .value()
                .map(v -> worth(step.offer().get(), v))
                .orElse(BigDecimal.ZERO));
          }
        }
      }
      if (!kinds.isEmpty()) {
        contacted++;
      }
      if (plan.feedbackReceivedAt().isPresent() || isWon || plan.status() == PlanStatus.DECLINED) {
        answered++;
      }
      kinds.forEach(kind -> count(counts, Dimension.STEP_KIND, kind.name(), isWon));
      channels.forEach(channel -> count(counts, Dimension.CHANNEL, channel, isWon));
      if (incentives.isEmpty()) {
        count(counts, Dimension.INCENTIVE, "none", isWon);
      } else {
        incentives.forEach(incentive -> count(counts, Dimension.INCENTIVE, incentive, isWon));
      }
      if (isWon) {
        plan.endedAt()
            .ifPresent(
                end -> days.add(Duration.between(plan.startedAt(), end).toMinutes() / 1440.0));
        if (plan.customer().value().isPresent()) {
          CustomerValue value = plan.customer().value().get();
          BigDecimal[] sums = money.computeIfAbsent(
              value.currency(), c -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
          sums[0] = sums[0].add(value.monthlyRevenue().multiply(months));
          sums[1] = sums[1].add(cost);
        }
      }
    }
    Map<Dimension, List<Rate>> rates = new EnumMap<>(Dimension.class);
    counts.forEach((dimension, groups) -> {
      List<Rate> list = new ArrayList<>();
      groups.forEach((group, c) -> list.add(Rate.of(group, c[0], c[1])));
      list.sort((a, b) -> a.trials() != b.trials()
          ? Long.compare(b.trials(), a.trials())
          : a.group().compareTo(b.group()));
      rates.put(dimension, List.copyOf(list));
    });
    List<Money> totals = new ArrayList<>();
    money.forEach((currency, sums) -> totals.add(new Money(
        currency,
        sums[0].setScale(2, RoundingMode.HALF_UP),
        sums[1].setScale(2, RoundingMode.HALF_UP),
        sums[1].signum() == 0
            ? Optional.empty()
            : Optional.of(sums[0]
                .subtract(sums[1])
                .divide(sums[1], 6, RoundingMode.HALF_UP)
                .doubleValue()))));
    return new Outcomes(
        new Funnel(started, contacted, answered, won), rates, timeToWinBack(days), totals);
  }

  /**
   * The rate of one group of a dimension.
   *
   * @param dimension the dimension
   * @param group the group
   * @return the rate, if the group occurred
   */
  public Optional<Rate> rate(Dimension dimension, String group) {
    return rates.getOrDefault(dimension, List.of()).stream()
        .filter(r -> r.group().equals(group))
        .findFirst();
  }

  private static void count(
      Map<Dimension, Map<String, long[]>> counts, Dimension dimension, String group, boolean won) {
    long[] c =
        Objects.requireNonNull(counts.get(dimension)).computeIfAbsent(group, k -> new long[2]);
    c[0] += won ? 1 : 0;
    c[1]++;
  }

  static TimeToWinBack timeToWinBack(List<Double> days) {
    if (days.isEmpty()) {
      return new TimeToWinBack(0, 0, 0, 0);
    }
    double[] sorted = days.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int n = sorted.length;
    double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    double mean = Arrays.stream(sorted).average().orElse(0);
    double p90 = sorted[(int) Math.ceil(0.9 * n) - 1];
    return new TimeToWinBack(n, median, mean, p90);
  }

  /**
   * What an incentive is worth to the customer: a percentage off as that share of the monthly revenue for its
   * period (one month when none), a free period as the monthly revenue for its length (a day as 1/30 month), an
   * amount off as the amount; an upgrade or a pause as nothing.
   *
   * @param offer the offer
   * @param value the customer's value
   * @return the worth, in the value's currency
   */
  public static BigDecimal worth(Offer offer, CustomerValue value) {
    BigDecimal monthly = value.monthlyRevenue();
    BigDecimal months = offer
        .period()
        .map(p -> BigDecimal.valueOf(p.toTotalMonths())
            .add(BigDecimal.valueOf(p.getDays())
                .divide(BigDecimal.valueOf(30), 10, RoundingMode.HALF_UP)))
        .orElse(BigDecimal.ONE);
    return switch (offer.kind()) {
      case PERCENT_OFF ->
        monthly
            .multiply(offer.value().orElse(BigDecimal.ZERO))
            .multiply(months)
            .divide(BigDecimal.valueOf(100), 10, RoundingMode.HALF_UP);
      case FREE_PERIOD -> monthly.multiply(months);
      case AMOUNT_OFF -> offer.value().orElse(BigDecimal.ZERO);
      case UPGRADE, PAUSE, DOWNGRADE -> BigDecimal.ZERO;
    };
  }
}
