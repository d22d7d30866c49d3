package dev.winback.internal;

import dev.winback.model.CustomerValue;
import dev.winback.model.EventType;
import dev.winback.model.Limits;
import dev.winback.model.LostCustomer;
import dev.winback.model.Offer;
import dev.winback.model.OfferBudget;
import dev.winback.model.OfferKind;
import dev.winback.model.OfferSizing;
import dev.winback.model.PlanStep;
import dev.winback.model.StepStatus;
import dev.winback.model.ValueBasis;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Period;
import java.util.Currency;
import java.util.Optional;

/**
 * Sizes offers to what customers are worth, by a playbook's {@link OfferSizing}: works out a customer's cap, measures
 * what an offer gives away, makes an offer above the cap smaller (never larger), refuses one below the smallest offer
 * worth making, and says what it did in words safe to journal (amounts, never personal data). Money is exact
 * ({@link BigDecimal} within the {@link Limits}). Stateless and thread-safe. Not API.
 *
 * <p>Worth follows the test kit's reckoning: a percentage off is that share of the monthly revenue for the offer's
 * period (a month when none; a day is 1/30 of a month), a free period the monthly revenue for its length, an amount
 * off the amount; a pause, an upgrade and a cheaper plan give no money away. Worths are rounded up, caps down, so an
 * offer within its cap by this reckoning is within it by any other.
 */
public final class OfferFit {
  private static final int SCALE = Limits.MAX_MONEY_SCALE;
  private static final BigDecimal THIRTY = BigDecimal.valueOf(30);
  private static final BigDecimal PERCENT_MONTH_DAYS = BigDecimal.valueOf(3_000);
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
  private static final BigDecimal CENT_PERCENT = new BigDecimal("0.01");
  /** The largest amount the {@link Limits} allow: a customer's worth beyond it is counted as it. */
  private static final BigDecimal LARGEST =
      Limits.MONEY_BOUND.subtract(BigDecimal.ONE.movePointLeft(SCALE));

  private OfferFit() {}

  /**
   * An offer as sized for a customer, or why none is made.
   *
   * @param offer the offer, with its worth and budget; empty when no offer is worth making
   * @param resized whether the offer's terms were made smaller to stay within the cap
   * @param detail what was decided and why, with the worth, the cap and its basis, safe to journal
   */
  public record Fitted(Optional<Offer> offer, boolean resized, String detail) {}

  /**
   * What a step's offer needs the journal to say about it once planned, if anything.
   *
   * @param type the event type
   * @param detail the event's detail
   */
  public record Note(EventType type, String detail) {}

  /** A customer's budget and the monthly spend that a percentage off or a free period is measured against. */
  private record Measure(OfferBudget budget, BigDecimal monthlySpend) {}

  /**
   * The most an offer to a customer may be worth, and on what basis.
   *
   * @param sizing the playbook's sizing
   * @param customer the customer
   * @return the budget, empty when the customer's value is unknown
   */
  public static Optional<OfferBudget> budgetFor(OfferSizing sizing, LostCustomer customer) {
    return measure(sizing, customer).map(Measure::budget);
  }

  private static Optional<Measure> measure(OfferSizing sizing, LostCustomer customer) {
    if (customer.value().isEmpty()) {
      return Optional.empty();
    }
    CustomerValue value = customer.value().get();
    BigDecimal horizon = BigDecimal.valueOf(sizing.horizonMonths());
    Optional<BigDecimal> tenureMonths = customer.tenure().map(OfferFit::months);
    BigDecimal monthly = value.monthlyRevenue();
    BigDecimal worth;
    BigDecimal spend;
    ValueBasis basis;
    if (value.expectedValue().isPresent()) {
      basis = ValueBasis.EXPECTED_VALUE;
      worth = value.expectedValue().get();
      spend = monthly.signum() > 0 ? monthly : worth.divide(horizon, SCALE, RoundingMode.DOWN);
    } else {
      basis = ValueBasis.REVENUE_OVER_HORIZON;
      BigDecimal lifetime = value.lifetimeRevenue();
      spend = monthly.signum() > 0
          ? monthly
          : lifetime.divide(tenureMonths.orElse(horizon), SCALE, RoundingMode.DOWN);
      worth = spend.multiply(horizon);
      if (lifetime.signum() > 0) {
        worth = worth.min(lifetime); // never more than they have paid us so far
      } else if (tenureMonths.isPresent()) {
        worth = worth.min(spend.multiply(tenureMonths.get()));
      }
    }
    worth = worth.min(LARGEST).setScale(SCALE, RoundingMode.DOWN);
    BigDecimal cap = sizing
        .maxShare()
        .multiply(worth)
        .setScale(minorDigits(value.currency()), RoundingMode.DOWN);
    return Optional.of(new Measure(
        OfferBudget.builder()
            .basis(basis)
            .customerWorth(worth)
            .share(sizing.maxShare())
            .cap(cap)
            .currency(value.currency())
            .build(),
        spend));
  }

  /** Months of a tenure, a day being 1/30 of a month; at least one month (a first month was paid). */
  private static BigDecimal months(Duration tenure) {
    return BigDecimal.valueOf(tenure.toDays())
        .divide(THIRTY, SCALE, RoundingMode.DOWN)
        .max(BigDecimal.ONE);
  }

  private static int minorDigits(Currency currency) {
    int digits = currency.getDefaultFractionDigits();
    return digits < 0 ? 2 : Math.min(digits, SCALE);
  }

  /**
   * Sizes an offer for a customer: the offer as it is when within the cap, a smaller one of the same kind when not,
   * none when the customer's value is unknown or the offer would be worth less than the smallest offer worth making.
   * An offer that gives no money away is always made. Sizing a sized offer again for the same customer and sizing
   * changes nothing, so the check before the send changes an offer only when the customer's value or the sizing
   * changed since it was planned.
   *
   * @param offer the offer, made from the playbook's terms
   * @param customer the customer
   * @param sizing the playbook's sizing
   * @return the sized offer (carrying its worth and budget), or why there is none
   */
  public static Fitted fit(Offer offer, LostCustomer customer, OfferSizing sizing) {
    Optional<Measure> measured = measure(sizing, customer);
    if (!offer.kind().givesMoneyAway()) {
      Offer.Builder free = Offer.builder().from(offer).worth(BigDecimal.ZERO);
      measured.ifPresent(m -> free.budget(m.budget()));
      Offer made = free.build();
      return new Fitted(Optional.of(made), false, describe(made) + " gives no money away");
    }
    if (measured.isEmpty()) {
      return new Fitted(
          Optional.empty(),
          false,
          "no offer made: the customer's value is unknown, so no " + offer.kind()
              + " offer can be sized to it");
    }
    OfferBudget budget = measured.get().budget();
    BigDecimal spend = measured.get().monthlySpend();
    if (offer.kind() == OfferKind.AMOUNT_OFF
        && offer.currency().isPresent()
        && !offer.currency().get().equals(budget.currency())) {
      return new Fitted(
          Optional.empty(),
          false,
          "no offer made: the amount off is in " + offer.currency().get()
              + ", not in the currency of the " + "customer's value (" + budget.currency()
              + "), so it cannot be sized to it");
    }
    Offer sized = offer;
    boolean resized = false;
    if (worthOf(offer, spend).compareTo(budget.cap()) > 0) {
      Optional<Offer> smaller = shrink(offer, spend, budget.cap());
      if (smaller.isEmpty()) {
        return new Fitted(
            Optional.empty(), false, belowMinimum(offer, budget.cap(), budget, sizing));
      }
      sized = smaller.get();
      resized = true;
    }
    BigDecimal worth = worthOf(sized, spend);
    if (worth.compareTo(sizing.minimumWorth()) < 0) {
      return new Fitted(Optional.empty(), false, belowMinimum(sized, worth, budget, sizing));
    }
    Offer made = Offer.builder().from(sized).worth(worth).budget(budget).build();
    return new Fitted(Optional.of(made), resized, describeSized(made, resized));
  }

  private static String belowMinimum(
      Offer offer, BigDecimal worth, OfferBudget budget, OfferSizing sizing) {
    return "no offer made: a " + offer.kind() + " offer could be worth at most "
        + money(worth, budget.currency())
        + ", below the smallest offer worth making ("
        + money(sizing.minimumWorth(), budget.currency()) + "); "
        + cap(budget);
  }

  /**
   * What an offer gives away, measured against a monthly spend, rounded up to the {@link Limits}' scale.
   *
   * @param offer the offer
   * @param monthlySpend what the customer paid a month
   * @return the worth, not negative
   */
  static BigDecimal worthOf(Offer offer, BigDecimal monthlySpend) {
    BigDecimal days = BigDecimal.valueOf(days(offer.period()));
    return switch (offer.kind()) {
      case PERCENT_OFF ->
        monthlySpend
            .multiply(offer.value().orElse(BigDecimal.ZERO))
            .multiply(days)
            .divide(PERCENT_MONTH_DAYS, SCALE, RoundingMode.CEILING);
      case FREE_PERIOD -> monthlySpend.multiply(days).divide(THIRTY, SCALE, RoundingMode.CEILING);
      case AMOUNT_OFF -> offer.value().orElse(BigDecimal.ZERO);
      case PAUSE, UPGRADE, DOWNGRADE -> BigDecimal.ZERO;
    };
  }

  /** The days of a period, a month counting 30; a month when there is no period. */
  private static long days(Optional<Period> period) {
    return period.map(p -> 30 * p.toTotalMonths() + p.getDays()).orElse(30L);
  }

  /** The largest offer of the same kind within the cap, if it is not nothing. */
  private static Optional<Offer> shrink(Offer offer, BigDecimal spend, BigDecimal cap) {
    BigDecimal days = BigDecimal.valueOf(days(offer.period()));
    switch (offer.kind()) {
      case PERCENT_OFF -> {
        BigDecimal percent = cap.multiply(PERCENT_MONTH_DAYS)
            .divide(spend.multiply(days), 2, RoundingMode.FLOOR)
            .min(offer.value().orElse(HUNDRED));
        Offer smaller = withValue(offer, percent);
        while (percent.signum() > 0 && worthOf(smaller, spend).compareTo(cap) > 0) {
          percent = percent.subtract(CENT_PERCENT);
          smaller = withValue(offer, percent);
        }
        return percent.signum() > 0 ? Optional.of(smaller) : Optional.empty();
      }
      case FREE_PERIOD -> {
        long free =
            cap.multiply(THIRTY).divide(spend, 0, RoundingMode.FLOOR).min(days).longValueExact();
        Offer smaller = withDays(offer, free);
        while (free > 0 && worthOf(smaller, spend).compareTo(cap) > 0) {
          free--;
          smaller = withDays(offer, free);
        }
        return free > 0 ? Optional.of(smaller) : Optional.empty();
      }
      case AMOUNT_OFF -> {
        return cap.signum() > 0 ? Optional.of(withValue(offer, cap)) : Optional.empty();
      }
      default -> {
        return Optional.of(offer);
      }
    }
  }

  private static Offer withValue(Offer offer, BigDecimal value) {
    return value.signum() > 0 ? Offer.builder().from(offer).value(plain(value)).build() : offer;
  }

  private static Offer withDays(Offer offer, long days) {
    return days > 0
        ? Offer.builder()
            .from(offer)
            .period(Period.ofMonths((int) (days / 30)).plusDays(days % 30))
            .build()
        : offer;
  }

  /** An amount without trailing zeros, never with a negative scale (which the {@link Limits} refuse). */
  private static BigDecimal plain(BigDecimal amount) {
    BigDecimal stripped = amount.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }

  /**
   * What the journal says about a step's offer once planned: its sizing, or why the step was skipped.
   *
   * @param step the step as planned
   * @return the note, empty for a step without either
   */
  public static Optional<Note> note(PlanStep step) {
    if (step.status() == StepStatus.SKIPPED) {
      return Optional.of(
          new Note(EventType.STEP_SKIPPED, step.kind() + ": " + step.outcome().orElse("skipped")));
    }
    return step.offer()
        .filter(offer -> offer.worth().isPresent())
        .map(offer ->
            new Note(EventType.OFFER_SIZED, step.kind() + ": " + describeSized(offer, false)));
  }

  private static String describeSized(Offer offer, boolean resized) {
    String worth = offer
        .worth()
        .map(w -> ", worth " + money(w, offer.budget().map(OfferBudget::currency)))
        .orElse("");
    return describe(offer)
        + worth
        + offer
            .budget()
            .map(b -> (resized ? ", made smaller to stay within the " : ", within the ") + cap(b))
            .orElse("");
  }

  /** The cap and its basis, e.g. {@code cap 36.00 EUR = 5% of 720.00 EUR (revenue over the horizon, ...)}. */
  private static String cap(OfferBudget budget) {
    return "cap " + money(budget.cap(), budget.currency()) + " = "
        + plain(budget.share().multiply(HUNDRED)).toPlainString() + "% of "
        + money(budget.customerWorth(), budget.currency()) + " ("
        + (budget.basis() == ValueBasis.EXPECTED_VALUE
            ? "expected value"
            : "revenue over the horizon, at most what they paid so far")
        + ")";
  }

  /** The offer's terms, e.g. {@code PERCENT_OFF 20% for P3M}. */
  private static String describe(Offer offer) {
    StringBuilder text = new StringBuilder(offer.kind().name());
    if (offer.value().isPresent()) {
      BigDecimal value = plain(offer.value().get());
      text.append(' ')
          .append(
              switch (offer.kind()) {
                case PERCENT_OFF -> value.toPlainString() + "%";
                case DOWNGRADE -> "at most " + money(value, offer.currency()) + " a month";
                default -> money(value, offer.currency());
              });
    }
    offer.period().ifPresent(p -> text.append(" for ").append(p));
    return text.toString();
  }

  /** An amount exactly, with at least the currency's minor digits, e.g. {@code 36.00 EUR} or {@code 13.8889 EUR}. */
  private static String money(BigDecimal amount, Optional<Currency> currency) {
    BigDecimal shown = plain(amount);
    int minor = currency.map(OfferFit::minorDigits).orElse(0);
    if (shown.scale() < minor) {
      shown = shown.setScale(minor);
    }
    return shown.toPlainString() + currency.map(c -> " " + c.getCurrencyCode()).orElse("");
  }

  private static String money(BigDecimal amount, Currency currency) {
    return money(amount, Optional.of(currency));
  }
}
