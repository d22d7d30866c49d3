package dev.winback.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What a customer was worth to us, in exact money: recurring revenue per month, revenue over their lifetime and,
 * when a lapse model gives it, the value expected from them from now on.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableCustomerValue.class)
@JsonDeserialize(as = ImmutableCustomerValue.class)
public abstract class CustomerValue {

  /** Only the generated implementation extends this type: build values with {@link #builder()}. */
  CustomerValue() {}

  /**
   * Revenue per month while they were a customer; zero when they bought irregularly.
   *
   * @return the monthly revenue, not negative
   */
  @Value.Default
  public BigDecimal monthlyRevenue() {
    return BigDecimal.ZERO;
  }

  /**
   * Revenue over the whole relationship.
   *
   * @return the lifetime revenue, not negative
   */
  @Value.Default
  public BigDecimal lifetimeRevenue() {
    return BigDecimal.ZERO;
  }

  /**
   * What a lapse model expects the customer to be worth from now on (for instance the discounted value over a
   * horizon that {@code dev.winback.lapse.LapseDetector} computes), in the same currency; offers are sized from it
   * when present, otherwise from revenue over the playbook's horizon ({@link OfferSizing}).
   *
   * @return the expected future value, not negative
   */
  public abstract Optional<BigDecimal> expectedValue();

  /**
   * The currency of every amount.
   *
   * @return the currency
   */
  public abstract Currency currency();

  /**
   * Creates a value.
   *
   * @param monthlyRevenue revenue per month, e.g. {@code "49.90"}
   * @param lifetimeRevenue revenue over the relationship
   * @param currency an ISO 4217 code, e.g. {@code "EUR"}
   * @return the value
   */
  public static CustomerValue of(String monthlyRevenue, String lifetimeRevenue, String currency) {
    return builder()
        .monthlyRevenue(new BigDecimal(monthlyRevenue))
        .lifetimeRevenue(new BigDecimal(lifetimeRevenue))
        .currency(Currency.getInstance(currency))
        .build();
  }

  /**
   * Starts building a value.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link CustomerValue}; not thread-safe. */
  public static final class Builder extends ImmutableCustomerValue.Builder {}

  @Value.Check
  void check() {
    Checks.of("CustomerValue")
        .money(monthlyRevenue(), "monthlyRevenue")
        .require(monthlyRevenue().signum() >= 0, "monthlyRevenue", "must not be negative")
        .money(lifetimeRevenue(), "lifetimeRevenue")
        .require(lifetimeRevenue().signum() >= 0, "lifetimeRevenue", "must not be negative")
        .money(expectedValue(), "expectedValue")
        .require(
            expectedValue().map(v -> v.signum() >= 0).orElse(true),
            "expectedValue",
            "must not be negative")
        .throwIfAny();
  }
}
