package dev.winback.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.math.BigDecimal;
import org.immutables.value.Value;

/**
 * The thresholds that put a customer in a {@link ValueTier}: by monthly revenue or by lifetime revenue, whichever
 * gives the higher tier. Amounts are in the customer's own currency.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableValueTiers.class)
@JsonDeserialize(as = ImmutableValueTiers.class)
public abstract class ValueTiers {

  /** Only the generated implementation extends this type: build values with {@link #builder()}. */
  ValueTiers() {}

  /**
   * Monthly revenue from which a customer is {@link ValueTier#MEDIUM}; 50 unless set.
   *
   * @return the threshold
   */
  @Value.Default
  public BigDecimal mediumMonthly() {
    return BigDecimal.valueOf(50);
  }

  /**
   * Monthly revenue from which a customer is {@link ValueTier#HIGH}; 500 unless set.
   *
   * @return the threshold
   */
  @Value.Default
  public BigDecimal highMonthly() {
    return BigDecimal.valueOf(500);
  }

  /**
   * Lifetime revenue from which a customer is {@link ValueTier#MEDIUM}; 1,000 unless set.
   *
   * @return the threshold
   */
  @Value.Default
  public BigDecimal mediumLifetime() {
    return BigDecimal.valueOf(1_000);
  }

  /**
   * Lifetime revenue from which a customer is {@link ValueTier#HIGH}; 10,000 unless set.
   *
   * @return the threshold
   */
  @Value.Default
  public BigDecimal highLifetime() {
    return BigDecimal.valueOf(10_000);
  }

  /**
   * The tier of a customer.
   *
   * @param customer the customer
   * @return the tier of their value, {@link ValueTier#UNKNOWN} when it is not known
   */
  public ValueTier tierOf(LostCustomer customer) {
    return customer.value().map(this::tierOf).orElse(ValueTier.UNKNOWN);
  }

  /**
   * The tier of a value.
   *
   * @param v what the customer was worth
   * @return the tier
   */
  public ValueTier tierOf(CustomerValue v) {
    if (v.monthlyRevenue().compareTo(highMonthly()) >= 0
        || v.lifetimeRevenue().compareTo(highLifetime()) >= 0) {
      return ValueTier.HIGH;
    }
    if (v.monthlyRevenue().compareTo(mediumMonthly()) >= 0
        || v.lifetimeRevenue().compareTo(mediumLifetime()) >= 0) {
      return ValueTier.MEDIUM;
    }
    return ValueTier.LOW;
  }

  /**
   * The default thresholds.
   *
   * @return tiers with every threshold at its default
   */
  public static ValueTiers defaults() {
    return builder().build();
  }

  /**
   * Starts building thresholds.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link ValueTiers}; not thread-safe. */
  public static final class Builder extends ImmutableValueTiers.Builder {}

  @Value.Check
  void check() {
    Checks.of("ValueTiers")
        .money(mediumMonthly(), "mediumMonthly")
        .money(highMonthly(), "highMonthly")
        .money(mediumLifetime(), "mediumLifetime")
        .money(highLifetime(), "highLifetime")
        .require(mediumMonthly().signum() >= 0, "mediumMonthly", "must not be negative")
        .require(
            highMonthly().compareTo(mediumMonthly()) >= 0,
            "highMonthly",
            "must not be below mediumMonthly")
        .require(mediumLifetime().signum() >= 0, "mediumLifetime", "must not be negative")
        .require(
            highLifetime().compareTo(mediumLifetime()) >= 0,
            "highLifetime",
            "must not be below mediumLifetime")
        .throwIfAny();
  }
}
