package dev.winback.lapse;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Customer lifetime value from any purchase model and, optionally, a spend model, with the time units and the
 * discounting stated: the model's period (a week, a day), the horizon, and the step at which cash flows are counted
 * and discounted. The value over the horizon is, as in lifetimes' {@code customer_lifetime_value}, the sum over
 * steps i = 1..K of the purchases expected in step i times the expected spend per purchase, divided by
 * (1 + rate)^i. {@link #residualValue} is the value over an unlimited horizon with continuous discounting, DERT
 * times the expected spend (Fader, Hardie and Lee 2005, "RFM and CLV"). Immutable and thread-safe.
 *
 * @serial exclude
 */
public final class LifetimeValue implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  private final PurchaseModel purchases;
  private final @Nullable GammaGamma spend;
  private final Duration period;
  private final double[] stepEnds;
  private final double[] discounts;

  private LifetimeValue(Builder b) {
    this.purchases = Objects.requireNonNull(b.purchases, "purchases");
    this.spend = b.spend;
    this.period = Objects.requireNonNull(b.period, "period");
    double periodNanos = period.toNanos();
    double stepPeriods = b.step.toNanos() / periodNanos;
    int steps = (int) Math.round(b.horizon.toNanos() / (double) b.step.toNanos());
    this.stepEnds = new double[steps];
    this.discounts = new double[steps];
    for (int i = 1; i <= steps; i++) {
      stepEnds[i - 1] = i * stepPeriods;
      discounts[i - 1] = Math.pow(1 + b.rate, -i);
    }
  }

  /**
   * Starts configuring a valuation.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The purchase model this value is built on.
   *
   * @return the model
   */
  public PurchaseModel purchases() {
    return purchases;
  }

  /**
   * The expected spend per future purchase: the spend model's when there is one, else the customer's own mean (0
   * when unknown).
   *
   * @param x repeat purchases
   * @param meanSpend the mean repeat purchase value, NaN when unknown
   * @return the expected spend per purchase
   */
  public double spendPerPurchase(double x, double meanSpend) {
    GammaGamma model = spend;
    if (model != null) {
      return model.expectedSpend(x, meanSpend);
    }
    return meanSpend > 0 ? meanSpend : 0;
  }

  /**
   * A customer's discounted value over the horizon.
   *
   * @param x repeat purchases
   * @param tx recency, in the model's periods
   * @param age age T, in the model's periods
   * @param meanSpend the mean repeat purchase value, NaN when unknown
   * @return the value
   */
  public double value(double x, double tx, double age, double meanSpend) {
    double[] cumulative = new double[stepEnds.length];
    if (purchases instanceof BgNbd bg) {
      bg.expectedPurchases(stepEnds, x, tx, age, cumulative);
    } else {
      for (int i = 0; i < stepEnds.length; i++) {
        cumulative[i] = purchases.expectedPurchases(stepEnds[i], x, tx, age);
      }
    }
    double value = 0;
    double before = 0;
    for (int i = 0; i < stepEnds.length; i++) {
      value += (cumulative[i] - before) * discounts[i];
      before = cumulative[i];
    }
    return value * spendPerPurchase(x, meanSpend);
  }

  /**
   * The discounted value over the horizon of every customer of a population, in their order, on both cores for
   * large populations.
   *
   * @param data the summaries, in the model's periods
   * @return one value per customer
   * @throws IllegalArgumentException when the summaries carry a time unit other than this valuation's period
   */
  public double[] values(CustomerSummaries data) {
    data.unit().ifPresent(unit -> {
      if (!unit.equals(period)) {
        throw new IllegalArgumentException(
            "the summaries are in periods of " + unit + ", the valuation in periods of " + period);
      }
    });
    double[] values = new double[data.size()];
    Likelihoods.forEach(
        data.size(), i -> values[i] = value(data.x(i), data.tx(i), data.age(i), data.meanSpend(i)));
    return values;
  }

  /**
   * The value of all future purchases over an unlimited horizon, discounted continuously at an annual rate: DERT at
   * delta = ln(1 + annual rate) per year, scaled to the model's period, times the expected spend per purchase.
   *
   * @param annualRate the annual discount rate, e.g. 0.10, positive
   * @param x repeat purchases
   * @param tx recency
   * @param age age T
   * @param meanSpend the mean repeat purchase value, NaN when unknown
   * @return the residual value
   * @throws IllegalArgumentException when the rate is not positive
   */
  public double residualValue(
      double annualRate, double x, double tx, double age, double meanSpend) {
    return purchases.discountedResidualPurchases(continuousRate(annualRate, period), x, tx, age)
        * spendPerPurchase(x, meanSpend);
  }

  /**
   * The continuous discount rate per period equivalent to an annual rate: ln(1 + annual rate) times the period's
   * share of a year of 365.25 days.
   *
   * @param annualRate the annual rate, positive
   * @param period the period
   * @return delta per period
   * @throws IllegalArgumentException when the rate is not positive
   */
  public static double continuousRate(double annualRate, Duration period) {
    if (!(annualRate > 0)) {
      throw new IllegalArgumentException("the discount rate must be positive, was " + annualRate);
    }
    return Math.log1p(annualRate) * period.toNanos() / (365.25 * 86_400e9);
  }

  @Override
  public String toString() {
    return "LifetimeValue{" + purchases.getClass().getSimpleName() + ", period=" + period
        + ", steps=" + stepEnds.length + "}";
  }

  /** Configures a {@link LifetimeValue}; every option at most once, checked at once. Not thread-safe. */
  public static final class Builder {
    private @Nullable PurchaseModel purchases;
    private @Nullable GammaGamma spend;
    private @Nullable Duration period;
    private Duration horizon = Duration.ofDays(360);
    private Duration step = Duration.ofDays(30);
    private double rate = 0.01;
    private boolean horizonSet;
    private boolean rateSet;

    private Builder() {}

    /**
     * The fitted purchase model (required).
     *
     * @param model the model
     * @return this builder
     * @throws IllegalStateException when already set
     */
    public Builder purchases(PurchaseModel model) {
      if (purchases != null) {
        throw new IllegalStateException(
            "purchases already set to " + purchases.getClass().getSimpleName());
      }
      this.purchases = Objects.requireNonNull(model, "model");
      return this;
    }

    /**
     * The fitted spend model; without one, each customer's own mean spend is used.
     *
     * @param model the model
     * @return this builder
     * @throws IllegalStateException when already set
     */
    public Builder spend(GammaGamma model) {
      if (spend != null) {
        throw new IllegalStateException("spend already set to " + spend);
      }
      this.spend = Objects.requireNonNull(model, "model");
      return this;
    }

    /**
     * The length of one of the model's periods, in which t_x and T are given (required): a week for CDNOW.
     *
     * @param length the period, positive
     * @return this builder
     * @throws IllegalArgumentException when the period is not positive
     * @throws IllegalStateException when already set
     */
    public Builder period(Duration length) {
      if (period != null) {
        throw new IllegalStateException("period already set to " + period);
      }
      requirePositive(length, "period");
      this.period = length;
      return this;
    }

    /**
     * The horizon and the step at which cash flows are counted and discounted; 12 steps of 30 days (lifetimes'
     * months) unless set.
     *
     * @param total the horizon, a whole number of steps, positive
     * @param stepLength the step, positive
     * @return this builder
     * @throws IllegalArgumentException when either is not positive or the horizon is not a whole number of steps
     * @throws IllegalStateException when already set
     */
    public Builder horizon(Duration total, Duration stepLength) {
      if (horizonSet) {
        throw new IllegalStateException(
            "horizon already set to " + horizon + " in steps of " + step);
      }
      requirePositive(total, "horizon");
      requirePositive(stepLength, "step");
      if (total.toNanos() % stepLength.toNanos() != 0) {
        throw new IllegalArgumentException("the horizon must be a whole number of steps");
      }
      this.horizon = total;
      this.step = stepLength;
      this.horizonSet = true;
      return this;
    }

    /**
     * The discount rate per step, compounded (step i is divided by (1 + rate)^i); 0.01 unless set.
     *
     * @param perStep the rate, finite and at least 0
     * @return this builder
     * @throws IllegalArgumentException when the rate is negative or not finite
     * @throws IllegalStateException when already set
     */
    public Builder discountRate(double perStep) {
      if (rateSet) {
        throw new IllegalStateException("discount rate already set to " + rate);
      }
      if (!(perStep >= 0) || Double.isInfinite(perStep)) {
        throw new IllegalArgumentException(
            "the discount rate must be finite and at least 0, was " + perStep);
      }
      this.rate = perStep;
      this.rateSet = true;
      return this;
    }

    private static void requirePositive(Duration d, String what) {
      if (d.isZero() || d.isNegative()) {
        throw new IllegalArgumentException("the " + what + " must be positive, was " + d);
      }
    }

    /**
     * Builds the valuation.
     *
     * @return the valuation
     * @throws NullPointerException when the purchase model or the period was not set
     */
    public LifetimeValue build() {
      return new LifetimeValue(this);
    }
  }
}
