package dev.winback.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.Currency;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The terms of an incentive in a playbook, before it is made to a customer: an {@link Offer} without its expiry,
 * which is counted from the moment the offer is made.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableOfferTerms.class)
@JsonDeserialize(as = ImmutableOfferTerms.class)
public abstract class OfferTerms {
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  /** Only the generated implementation extends this type: build values with {@link #builder()}. */
  OfferTerms() {}

  /**
   * The kind of incentive.
   *
   * @return the kind
   */
  public abstract OfferKind kind();

  /**
   * The percentage or amount, for the kinds that have one.
   *
   * @return the value
   */
  public abstract Optional<BigDecimal> value();

  /**
   * The currency of an amount off; the customer's currency when absent.
   *
   * @return the currency
   */
  public abstract Optional<Currency> currency();

  /**
   * How long a discount, free period or pause lasts.
   *
   * @return the period
   */
  public abstract Optional<Period> period();

  /**
   * How long the offer stays valid once made; 30 days unless set.
   *
   * @return the validity
   */
  @Value.Default
  public Duration validFor() {
    return Duration.ofDays(30);
  }

  /**
   * Terms for a percentage off for a period.
   *
   * @param percent the percentage, more than 0 and at most 100
   * @param period how long the discount lasts
   * @return the terms
   */
  public static OfferTerms percentOff(int percent, Period period) {
    return builder()
        .kind(OfferKind.PERCENT_OFF)
        .value(BigDecimal.valueOf(percent))
        .period(period)
        .build();
  }

  /**
   * Terms for a free period of service.
   *
   * @param period the free period
   * @return the terms
   */
  public static OfferTerms freePeriod(Period period) {
    return builder().kind(OfferKind.FREE_PERIOD).period(period).build();
  }

  /**
   * Terms for a pause: the customer keeps everything and pays nothing for a period, instead of leaving.
   *
   * @param period how long the pause lasts
   * @return the terms
   */
  public static OfferTerms pause(Period period) {
    return builder().kind(OfferKind.PAUSE).period(period).build();
  }

  /**
   * Terms for a cheaper plan instead of leaving; the host's strategy chooses the plan.
   *
   * @return the terms
   */
  public static OfferTerms downgrade() {
    return builder().kind(OfferKind.DOWNGRADE).build();
  }

  /**
   * Makes the offer to a customer now.
   *
   * @param now when the offer is made
   * @param customer the customer, whose currency is used when the terms have none
   * @return the offer, valid until {@code now + validFor}
   */
  public Offer makeFor(Instant now, LostCustomer customer) {
    Optional<Currency> customerCurrency = customer.value().map(CustomerValue::currency);
    Offer.Builder offer = Offer.builder()
        .kind(kind())
        .value(value())
        .period(period())
        .expiresAt(now.plus(validFor()));
    offer.currency(
        currency().isPresent()
            ? currency()
            : kind() == OfferKind.AMOUNT_OFF
                    || (kind() == OfferKind.DOWNGRADE && value().isPresent())
                ? customerCurrency
                : currency());
    return offer.build();
  }

  /**
   * Starts building terms.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link OfferTerms}; not thread-safe. */
  public static final class Builder extends ImmutableOfferTerms.Builder {}

  @Value.Check
  void check() {
    Checks checks =
        Checks.of("OfferTerms").money(value(), "value").positive(validFor(), "validFor");
    period().ifPresent(p -> checks.plausible(p, "period"));
    checkTerms(checks, kind(), value(), Optional.of(Currency.getInstance("XXX")), period())
        .throwIfAny();
  }

  static Checks checkTerms(
      Checks checks,
      OfferKind kind,
      Optional<BigDecimal> value,
      Optional<Currency> currency,
      Optional<Period> period) {
    value.ifPresent(v -> checks.require(v.signum() > 0, "value", "must be positive"));
    period.ifPresent(
        p -> checks.require(!p.isNegative() && !p.isZero(), "period", "must be positive"));
    switch (kind) {
      case PERCENT_OFF -> {
        checks.require(value.isPresent(), "value", "is required for PERCENT_OFF");
        value.ifPresent(v ->
            checks.require(v.compareTo(HUNDRED) <= 0, "value", "a percentage must be at most 100"));
      }
      case AMOUNT_OFF -> {
        checks.require(value.isPresent(), "value", "is required for AMOUNT_OFF");
        checks.require(currency.isPresent(), "currency", "is required for AMOUNT_OFF");
      }
      case FREE_PERIOD, PAUSE ->
        checks.require(period.isPresent(), "period", "is required for " + kind);
      case UPGRADE, DOWNGRADE -> {}
    }
    return checks;
  }
}
