package dev.winback.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.winback.model.ChurnSignal;
import dev.winback.model.CustomerValue;
import dev.winback.model.LostCustomer;
import dev.winback.model.Offer;
import dev.winback.model.OfferBudget;
import dev.winback.model.OfferKind;
import dev.winback.model.OfferSizing;
import dev.winback.model.OfferTerms;
import dev.winback.model.ValueBasis;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.Currency;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Sizing offers to what a customer is worth: the cap, its basis, the minimum, and the kinds that cost nothing. */
class OfferFitTest {
  private static final Instant LOST_AT = Instant.parse("2026-03-02T09:00:00Z");
  private static final Currency EUR = Currency.getInstance("EUR");

  private static LostCustomer customer(CustomerValue value, int tenureDays) {
    return LostCustomer.builder()
        .id("c1")
        .displayName("C")
        .lostAt(LOST_AT)
        .customerSince(LOST_AT.minus(Duration.ofDays(tenureDays)))
        .churnSignal(ChurnSignal.SUBSCRIPTION_CANCELLED)
        .value(value)
        .build();
  }

  private static Offer offer(OfferTerms terms) {
    return terms.makeFor(LOST_AT, customer(CustomerValue.of("1", "1", "EUR"), 30));
  }

  /** What an offer gives away, reckoned exactly and on its own (a day is 1/30 of a month). */
  private static BigDecimal givenAway(Offer offer, BigDecimal monthly) {
    BigDecimal days = BigDecimal.valueOf(
        offer.period().map(p -> 30 * p.toTotalMonths() + p.getDays()).orElse(30L));
    return switch (offer.kind()) {
      case PERCENT_OFF ->
        monthly
            .multiply(offer.value().orElseThrow())
            .multiply(days)
            .divide(BigDecimal.valueOf(3000), 20, RoundingMode.CEILING);
      case FREE_PERIOD ->
        monthly.multiply(days).divide(BigDecimal.valueOf(30), 20, RoundingMode.CEILING);
      case AMOUNT_OFF -> offer.value().orElseThrow();
      default -> BigDecimal.ZERO;
    };
  }

  @Test
  void aCustomerOfOneMonthIsCappedAtAShareOfWhatTheyPaidNotOfAYearOfRevenue() {
    LostCustomer oneMonth = customer(CustomerValue.of("400.00", "400.00", "EUR"), 30);

    OfferFit.Fitted fitted = OfferFit.fit(
        offer(OfferTerms.percentOff(20, Period.ofMonths(3))), oneMonth, OfferSizing.defaults());

    Offer offer = fitted.offer().orElseThrow();
    assertThat(offer.budget().map(OfferBudget::cap)).contains(new BigDecimal("20.00"));
    assertThat(givenAway(offer, new BigDecimal("400.00")))
        .isLessThanOrEqualTo(new BigDecimal("20.00"));
    assertThat(offer.value().orElseThrow()).isEqualByComparingTo("1.66");
    assertThat(fitted.resized()).isTrue();
  }

  @Test
  void theExpectedValueOfALapseModelIsTheBasisWhenTheHostGivesIt() {
    CustomerValue value = CustomerValue.builder()
        .monthlyRevenue(new BigDecimal("50.00"))
        .lifetimeRevenue(new BigDecimal("50.00"))
        .expectedValue(new BigDecimal("1200.00"))
        .currency(EUR)
        .build();

    Offer offer = OfferFit.fit(
            offer(OfferTerms.percentOff(20, Period.ofMonths(3))),
            customer(value, 30),
            OfferSizing.defaults())
        .offer()
        .orElseThrow();

    OfferBudget budget = offer.budget().orElseThrow();
    assertThat(budget.basis()).isEqualTo(ValueBasis.EXPECTED_VALUE);
    assertThat(budget.cap()).isEqualByComparingTo("60.00");
    assertThat(offer.value())
        .contains(BigDecimal.valueOf(20)); // 30.00 of 50.00 a month: within the cap
  }

  @Test
  void revenueOverTheHorizonCountsTheirTenureWhenTheirLifetimeRevenueIsNotGiven() {
    LostCustomer twoMonths = customer(CustomerValue.of("100.00", "0", "EUR"), 60);

    assertThat(
            OfferFit.budgetFor(OfferSizing.defaults(), twoMonths).map(OfferBudget::customerWorth))
        .hasValueSatisfying(w -> assertThat(w).isEqualByComparingTo("200.00"));
  }

  @Test
  void anOfferWorthLessThanTheMinimumIsNotMadeAndSaysWhy() {
    OfferFit.Fitted fitted = OfferFit.fit(
        offer(OfferTerms.percentOff(20, Period.ofMonths(3))),
        customer(CustomerValue.of("5.00", "60.00", "EUR"), 365),
        OfferSizing.defaults());

    assertThat(fitted.offer()).isEmpty();
    assertThat(fitted.detail())
        .isEqualTo(
            "no offer made: a PERCENT_OFF offer could be worth at most 3.00 EUR, below the smallest offer "
                + "worth making (5.00 EUR); cap 3.00 EUR = 5% of 60.00 EUR (revenue over the horizon, at most what "
                + "they paid so far)");
  }

  @Test
  void anOfferIsNotSizedWhenTheCustomersValueIsUnknown() {
    LostCustomer unknown = LostCustomer.builder()
        .id("c2")
        .displayName("C")
        .lostAt(LOST_AT)
        .churnSignal(ChurnSignal.SUBSCRIPTION_CANCELLED)
        .build();

    OfferFit.Fitted fitted = OfferFit.fit(
        offer(OfferTerms.freePeriod(Period.ofMonths(1))), unknown, OfferSizing.defaults());

    assertThat(fitted.offer()).isEmpty();
    assertThat(fitted.detail()).contains("value is unknown");
  }

  @Test
  void aPauseAndACheaperPlanGiveNoMoneyAwayAndAreMadeWhateverTheValue() {
    LostCustomer small = customer(CustomerValue.of("1.00", "1.00", "EUR"), 30);

    for (OfferTerms terms :
        new OfferTerms[] {OfferTerms.pause(Period.ofMonths(2)), OfferTerms.downgrade()}) {
      OfferFit.Fitted fitted = OfferFit.fit(offer(terms), small, OfferSizing.defaults());

      assertThat(fitted.offer()).hasValueSatisfying(offer -> {
        assertThat(offer.kind()).isEqualTo(terms.kind());
        assertThat(offer.worth()).contains(BigDecimal.ZERO);
      });
    }
  }

  /** One random case: an offer, a monthly revenue, and two values on the same basis, the second at least the first. */
  record Case(
      Offer offer,
      BigDecimal monthly,
      boolean expected,
      BigDecimal lower,
      BigDecimal higher,
      int tenureDays,
      OfferSizing sizing) {

    LostCustomer customer(BigDecimal worth) {
      CustomerValue.Builder value =
          CustomerValue.builder().monthlyRevenue(monthly).currency(EUR);
      if (expected) {
        value.lifetimeRevenue(monthly).expectedValue(worth);
      } else {
        value.lifetimeRevenue(worth);
      }
      return OfferFitTest.customer(value.build(), tenureDays);
    }
  }

  @Provide
  Arbitrary<Case> cases() {
    Arbitrary<Period> period = Combinators.combine(
            Arbitraries.integers().between(0, 24), Arbitraries.integers().between(0, 29))
        .as((months, days) -> Period.of(0, months, months == 0 && days == 0 ? 1 : days));
    Arbitrary<Offer> offers = Arbitraries.oneOf(
        Combinators.combine(Arbitraries.integers().between(1, 100), period)
            .as((percent, p) -> offer(OfferTerms.builder()
                .kind(OfferKind.PERCENT_OFF)
                .value(BigDecimal.valueOf(percent))
                .period(p)
                .build())),
        period.map(p -> offer(OfferTerms.freePeriod(p))),
        Arbitraries.bigDecimals()
            .between(new BigDecimal("0.01"), new BigDecimal("100000"))
            .ofScale(2)
            .map(amount -> offer(
                OfferTerms.builder().kind(OfferKind.AMOUNT_OFF).value(amount).build())));
    // a lifetime revenue of zero reads as "not given" (the default), so given values start at a
    // cent
    Arbitrary<BigDecimal> money = Arbitraries.bigDecimals()
        .between(new BigDecimal("0.01"), new BigDecimal("10000000"))
        .ofScale(2);
    Arbitrary<OfferSizing> sizing = Combinators.combine(
            Arbitraries.bigDecimals()
                .between(new BigDecimal("0.01"), BigDecimal.ONE)
                .ofScale(2),
            Arbitraries.integers().between(1, 60),
            Arbitraries.bigDecimals()
                .between(BigDecimal.ZERO, new BigDecimal("50"))
                .ofScale(2))
        .as((share, horizon, minimum) -> OfferSizing.builder()
            .maxShare(share)
            .horizonMonths(horizon)
            .minimumWorth(minimum)
            .build());
    return Combinators.combine(
            offers,
            Arbitraries.bigDecimals()
                .between(new BigDecimal("0.01"), new BigDecimal("100000"))
                .ofScale(2),
            Arbitraries.of(true, false),
            money,
            money,
            Arbitraries.integers().between(1, 3650),
            sizing)
        .as((offer, monthly, expected, a, b, tenure, s) ->
            new Case(offer, monthly, expected, a.min(b), a.max(b), tenure, s));
  }

  @Property(tries = 1000)
  void worthIsMonotonicInValueAndNeverAboveTheCap(@ForAll("cases") Case c) {
    OfferFit.Fitted low = OfferFit.fit(c.offer(), c.customer(c.lower()), c.sizing());
    OfferFit.Fitted high = OfferFit.fit(c.offer(), c.customer(c.higher()), c.sizing());

    for (OfferFit.Fitted fitted : new OfferFit.Fitted[] {low, high}) {
      fitted.offer().ifPresent(offer -> {
        BigDecimal cap = offer.budget().orElseThrow().cap();
        assertThat(offer.worth().orElseThrow()).isLessThanOrEqualTo(cap);
        assertThat(givenAway(offer, c.monthly())).isLessThanOrEqualTo(cap);
        assertThat(offer.worth().orElseThrow())
            .isGreaterThanOrEqualTo(c.sizing().minimumWorth());
        assertThat(givenAway(offer, c.monthly()))
            .isLessThanOrEqualTo(givenAway(c.offer(), c.monthly()));
      });
    }
    BigDecimal lowCap =
        OfferFit.budgetFor(c.sizing(), c.customer(c.lower())).orElseThrow().cap();
    BigDecimal highCap =
        OfferFit.budgetFor(c.sizing(), c.customer(c.higher())).orElseThrow().cap();
    assertThat(highCap).isGreaterThanOrEqualTo(lowCap);
    assertThat(worth(high)).isGreaterThanOrEqualTo(worth(low));
    if (low.offer().isPresent()) {
      assertThat(high.offer()).as("a more valuable customer gets an offer too").isPresent();
    }
  }

  @Property(tries = 500)
  void sizingASizedOfferAgainForTheSameCustomerChangesNothing(@ForAll("cases") Case c) {
    LostCustomer customer = c.customer(c.higher());
    Optional<Offer> once = OfferFit.fit(c.offer(), customer, c.sizing()).offer();

    once.ifPresent(offer -> {
      OfferFit.Fitted again = OfferFit.fit(offer, customer, c.sizing());
      assertThat(again.offer()).contains(offer);
      assertThat(again.resized()).isFalse();
    });
  }

  private static BigDecimal worth(OfferFit.Fitted fitted) {
    return fitted.offer().flatMap(Offer::worth).orElse(BigDecimal.ZERO);
  }
}
