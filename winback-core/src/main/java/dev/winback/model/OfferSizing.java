package dev.winback.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.math.BigDecimal;
import org.immutables.value.Value;

/**
 * How a playbook sizes the offers it makes to what each customer is worth. The customer's worth is their
 * {@linkplain CustomerValue#expectedValue() expected value} when a lapse model gives it, otherwise their monthly
 * revenue over {@link #horizonMonths()} months, never more than they have paid us so far (their lifetime revenue,
 * or, when that is zero, which reads as not given, their monthly revenue over their tenure when it is known); for a
 * customer who bought irregularly (no monthly revenue) the monthly figure is their lifetime revenue per month of
 * tenure (of the horizon when the tenure is unknown). An offer that gives money away (see
 * {@link OfferKind#givesMoneyAway()}) is worth at most {@link #maxShare()} of that figure, the cap: a larger one is
 * made smaller (a lower percentage, a shorter free period, a smaller amount), never larger, and one worth less than
 * {@link #minimumWorth()} is not made at all. For the same offer and monthly revenue, a customer worth more never
 * gets an offer worth less. The engine applies the cap when it plans a step and again right before it sends it, and
 * journals the worth, the cap and its basis.
 *
 * <p>Amounts are in the customer's own currency. Immutable and thread-safe.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableOfferSizing.class)
@JsonDeserialize(as = ImmutableOfferSizing.class)
public abstract class OfferSizing {
  /** The most a horizon may be: 100 years, the longest period WinBack accepts. */
  private static final int MAX_HORIZON_MONTHS = 1_200;

  /** Only the generated implementation extends this type: build values with {@link #builder()}. */
  OfferSizing() {}

  /**
   * The most an offer may be worth, as a share of what the customer is worth; 0.05 (5%) unless set. The README
   * explains the default.
   *
   * @return the share, more than 0 and at most 1
   */
  @Value.Default
  public BigDecimal maxShare() {
    return new BigDecimal("0.05");
  }

  /**
   * The months of revenue that make a customer's worth when no expected value is known; 12 unless set.
   *
   * @return the horizon in months, from 1 to 1,200
   */
  @Value.Default
  public int horizonMonths() {
    return 12;
  }

  /**
   * The smallest offer worth making: an offer that gives money away and would be worth less is skipped, with a
   * journal line; 5 (in the customer's currency) unless set.
   *
   * @return the minimum worth, not negative
   */
  @Value.Default
  public BigDecimal minimumWorth() {
    return BigDecimal.valueOf(5);
  }

  /**
   * The default sizing: at most 5% of 12 months of revenue (or of the expected value), nothing worth less than 5.
   *
   * @return the default sizing
   */
  public static OfferSizing defaults() {
    return builder().build();
  }

  /**
   * Starts building a sizing.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link OfferSizing}; not thread-safe. */
  public static final class Builder extends ImmutableOfferSizing.Builder {}

  @Value.Check
  void check() {
    Checks.of("OfferSizing")
        .money(maxShare(), "maxShare")
        .require(
            maxShare().signum() > 0 && maxShare().compareTo(BigDecimal.ONE) <= 0,
            "maxShare",
            "must be more than 0 and at most 1")
        .require(
            horizonMonths() >= 1 && horizonMonths() <= MAX_HORIZON_MONTHS,
            "horizonMonths",
            "must be from 1 to " + MAX_HORIZON_MONTHS)
        .money(minimumWorth(), "minimumWorth")
        .require(minimumWorth().signum() >= 0, "minimumWorth", "must not be negative")
        .throwIfAny();
  }
}
