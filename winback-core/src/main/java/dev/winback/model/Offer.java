package dev.winback.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.Period;
import java.util.Currency;
import java.util.Optional;
import org.immutables.value.Value;

/** An incentive made to one customer: what it is, how much, and until when it holds. */
@Value.Immutable
@JsonSerialize(as = ImmutableOffer.class)
@JsonDeserialize(as = ImmutableOffer.class)
public abstract class Offer {

  /** Only the generated implementation extends this type: build values with {@link #builder()}. */
  Offer() {}

  /**
   * The kind of incentive.
   *
   * @return the kind
   */
  public abstract OfferKind kind();

  /**
   * The percentage (for {@link OfferKind#PERCENT_OFF}), the amount (for {@link OfferKind#AMOUNT_OFF}) or the most
   * the cheaper plan costs per month (for {@link OfferKind#DOWNGRADE}).
   *
   * @return the value, exact
   */
  public abstract Optional<BigDecimal> value();

  /**
   * The currency of an amount off.
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
   * What the offer gives away, in the customer's currency, as the engine sized it (see {@link OfferSizing}): a
   * percentage of the monthly revenue for the offer's period, an amount, the monthly revenue for a free period;
   * nothing for a pause, an upgrade or a cheaper plan. Absent on an offer the engine has not sized.
   *
   * @return the worth, not negative
   */
  public abstract Optional<BigDecimal> worth();

  /**
   * The most the offer could be worth for this customer, and on what basis, when the engine sized it.
   *
   * @return the budget
   */
  public abstract Optional<OfferBudget> budget();

  /**
   * When the offer stops being valid.
   *
   * @return the expiry
   */
  public abstract Instant expiresAt();

  /**
   * Starts building an offer.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link Offer}; not thread-safe. */
  public static final class Builder extends ImmutableOffer.Builder {}

  @Value.Check
  void check() {
    Checks checks = Checks.of("Offer")
        .money(value(), "value")
        .money(worth(), "worth")
        .require(worth().map(w -> w.signum() >= 0).orElse(true), "worth", "must not be negative")
        .plausible(expiresAt(), "expiresAt");
    period().ifPresent(p -> checks.plausible(p, "period"));
    OfferTerms.checkTerms(checks, kind(), value(), currency(), period()).throwIfAny();
  }
}
