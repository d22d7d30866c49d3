package dev.winback.lapse;

import dev.winback.model.ChurnSignal;
import dev.winback.model.CustomerValue;
import dev.winback.model.LostCustomer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Turns purchase histories into lost customers: those whose probability of being alive (under a fitted purchase
 * model) fell below a threshold the host sets become {@link LostCustomer}s with the churn signal "purchases stopped"
 * (or "donations stopped"), their expected value attached so that playbooks can size incentives, most valuable
 * first. Immutable and thread-safe once built.
 */
public final class LapseDetector {
  private final PurchaseModel model;
  private final Optional<GammaGamma> spend;
  private final double threshold;
  private final ChurnSignal signal;
  private final Duration unit;
  private final int horizonMonths;
  private final double monthlyDiscount;
  private final Currency currency;
  private final Function<String, LostCustomer.Builder> template;
  /** The end of each month of the horizon, in model periods, and each month's discount factor. */
  private final double[] monthEnds;

  private final double[] discounts;

  private LapseDetector(Builder b) {
    this.model = Objects.requireNonNull(b.model, "model");
    this.spend = Optional.ofNullable(b.spend);
    this.threshold = b.threshold;
    this.signal = b.signal;
    this.unit = b.unit;
    this.horizonMonths = b.horizonMonths;
    this.monthlyDiscount = b.monthlyDiscount;
    this.currency = b.currency;
    this.template = Objects.requireNonNull(b.template, "customerTemplate");
    double periodsPerMonth = Duration.ofDays(365).dividedBy(12).toNanos() / (double) unit.toNanos();
    this.monthEnds = new double[horizonMonths];
    this.discounts = new double[horizonMonths];
    for (int month = 1; month <= horizonMonths; month++) {
      monthEnds[month - 1] = month * periodsPerMonth;
      discounts[month - 1] = 1 / Math.pow(1 + monthlyDiscount, month);
    }
  }

  /**
   * Starts configuring a detector.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A customer's lifetime value: expected purchases month by month over the horizon, times the expected spend per
   * purchase, discounted monthly.
   *
   * @param x repeat purchases
   * @param tx recency
   * @param age age T
   * @param meanSpend mean repeat purchase value
   * @return the discounted value over the horizon
   */
  public double lifetimeValue(double x, double tx, double age, double meanSpend) {
    double perPurchase = spend
        .map(g -> g.expectedSpend(x, meanSpend))
        .orElse(Double.isNaN(meanSpend) ? 0 : meanSpend);
    double[] cumulative = new double[horizonMonths];
    if (model instanceof BgNbd bg) {
      bg.expectedPurchases(monthEnds, x, tx, age, cumulative);
    } else {
      for (int month = 0; month < horizonMonths; month++) {
        cumulative[month] = model.expectedPurchases(monthEnds[month], x, tx, age);
      }
    }
    double value = 0;
    double before = 0;
    for (int month = 0; month < horizonMonths; month++) {
      value += (cumulative[month] - before) * perPurchase * discounts[month];
      before = cumulative[month];
    }
    return value;
  }

  /**
   * The customers who look lost, most valuable first.
   *
   * @param data the summaries
   * @param now when the calibration period ended (their loss date)
   * @return the lost customers, with their value (monthly: expected value per month over the horizon; lifetime and
   *     expected value: the discounted value over the horizon, which playbooks size offers from) in the detector's
   *     currency
   */
  public List<LostCustomer> detect(CustomerSummaries data, Instant now) {
    record Candidate(int index, double value) {}
    List<Candidate> lapsed = new ArrayList<>();
    for (int i = 0; i < data.size(); i++) {
      if (model.probabilityAlive(data.x(i), data.tx(i), data.age(i)) < threshold) {
        lapsed.add(
            new Candidate(i, lifetimeValue(data.x(i), data.tx(i), data.age(i), data.meanSpend(i))));
      }
    }
    lapsed.sort(Comparator.comparingDouble(Candidate::value).reversed());
    List<LostCustomer> customers = new ArrayList<>(lapsed.size());
    for (Candidate candidate : lapsed) {
      int i = candidate.index();
      BigDecimal lifetime = BigDecimal.valueOf(candidate.value()).setScale(2, RoundingMode.HALF_UP);
      BigDecimal monthly =
          lifetime.divide(BigDecimal.valueOf(horizonMonths), 2, RoundingMode.HALF_UP);
      customers.add(template
          .apply(data.id(i))
          .id(data.id(i))
          .lostAt(now)
          .churnSignal(signal)
          .value(CustomerValue.builder()
              .monthlyRevenue(monthly)
              .lifetimeRevenue(lifetime)
              .expectedValue(lifetime)
              .currency(currency)
              .build())
          .putAttribute(
              "probabilityAlive",
              String.format(
                  java.util.Locale.ROOT,
                  "%.4f",
                  model.probabilityAlive(data.x(i), data.tx(i), data.age(i))))
          .build());
    }
    return customers;
  }

  /** Configures a {@link LapseDetector}; arguments are checked at once. Not thread-safe. */
  public static final class Builder {
    private @Nullable PurchaseModel model;
    private @Nullable GammaGamma spend;
    private double threshold = 0.3;
    private ChurnSignal signal = ChurnSignal.PURCHASES_STOPPED;
    private Duration unit = Duration.ofDays(7);
    private int horizonMonths = 12;
    private double monthlyDiscount = 0.01;
    private Currency currency = Currency.getInstance("USD");
    private @Nullable Function<String, LostCustomer.Builder> template;

    private Builder() {}

    /**
     * The fitted purchase model: BG/NBD, MBG/NBD, Pareto/NBD, NBD or BG/BB.
     *
     * @param fitted the model
     * @return this builder
     */
    public Builder model(PurchaseModel fitted) {
      this.model = Objects.requireNonNull(fitted, "fitted");
      return this;
    }

    /**
     * The fitted spend model; without one, each customer's own mean spend is used.
     *
     * @param fitted the model
     * @return this builder
     */
    public Builder spend(GammaGamma fitted) {
      this.spend = Objects.requireNonNull(fitted, "fitted");
      return this;
    }

    /**
     * The probability of being alive below which a customer counts as lost; 0.3 unless set.
     *
     * @param probability the threshold, between 0 and 1
     * @return this builder
     */
    public Builder threshold(double probability) {
      if (!(probability > 0 && probability < 1)) {
        throw new IllegalArgumentException("the threshold is a probability between 0 and 1");
      }
      this.threshold = probability;
      return this;
    }

    /**
     * The churn signal for the lost customers; purchases stopped unless set (donations stopped for charities).
     *
     * @param churnSignal the signal
     * @return this builder
     */
    public Builder signal(ChurnSignal churnSignal) {
      this.signal = Objects.requireNonNull(churnSignal, "churnSignal");
      return this;
    }

    /**
     * The time unit of the summaries; a week unless set.
     *
     * @param timeUnit one period of the summaries
     * @return this builder
     */
    public Builder unit(Duration timeUnit) {
      this.unit = Objects.requireNonNull(timeUnit, "timeUnit");
      return this;
    }

    /**
     * The value horizon and monthly discount rate; 12 months at 1% unless set.
     *
     * @param months the horizon in months, at least 1
     * @param discount the monthly discount rate, at least 0
     * @return this builder
     */
    public Builder horizon(int months, double discount) {
      if (months < 1 || discount < 0) {
        throw new IllegalArgumentException(
            "need at least one month and a discount rate of at least 0");
      }
      this.horizonMonths = months;
      this.monthlyDiscount = discount;
      return this;
    }

    /**
     * The currency of the spend data; US dollars unless set.
     *
     * @param valueCurrency the currency
     * @return this builder
     */
    public Builder currency(Currency valueCurrency) {
      this.currency = Objects.requireNonNull(valueCurrency, "valueCurrency");
      return this;
    }

    /**
     * What the host knows of each customer (name, contact points, consents), by id; the detector fills in the id,
     * the loss, the churn signal and the value.
     *
     * @param customerTemplate a builder per customer id
     * @return this builder
     */
    public Builder customerTemplate(Function<String, LostCustomer.Builder> customerTemplate) {
      this.template = Objects.requireNonNull(customerTemplate, "customerTemplate");
      return this;
    }

    /**
     * Builds the detector.
     *
     * @return the detector
     */
    public LapseDetector build() {
      return new LapseDetector(this);
    }
  }
}
