package dev.winback.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.math.BigDecimal;
import java.util.Currency;
import org.immutables.value.Value;

/**
 * The most an offer to one customer may be worth, and why: a share of what the customer is worth, on a basis. The
 * engine works it out from the customer's {@link CustomerValue} and the playbook's {@link OfferSizing}, and records
 * it on each offer it sizes.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableOfferBudget.class)
@JsonDeserialize(as = ImmutableOfferBudget.class)
public abstract class OfferBudget {

  /** Only the generated implementation extends this type: build values with {@link #builder()}. */
  OfferBudget() {}

  /**
   * What the customer's worth was taken from.
   *
   * @return the basis
   */
  public abstract ValueBasis basis();

  /**
   * What the customer is worth, on that basis.
   *
   * @return the customer's worth, not negative
   */
  public abstract BigDecimal customerWorth();

  /**
   * The share of the customer's worth an offer may have.
   *
   * @return the share
   */
  public abstract BigDecimal share();

  /**
   * The most an offer may be worth: the share of the customer's worth, rounded down to the currency's minor unit.
   *
   * @return the cap, not negative
   */
  public abstract BigDecimal cap();

  /**
   * The currency of the amounts.
   *
   * @return the customer's currency
   */
  public abstract Currency currency();

  /**
   * Starts building a budget.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link OfferBudget}; not thread-safe. */
  public static final class Builder extends ImmutableOfferBudget.Builder {}

  @Value.Check
  void check() {
    Checks.of("OfferBudget")
        .money(customerWorth(), "customerWorth")
        .require(customerWorth().signum() >= 0, "customerWorth", "must not be negative")
        .money(share(), "share")
        .money(cap(), "cap")
        .require(cap().signum() >= 0, "cap", "must not be negative")
        .throwIfAny();
  }
}
