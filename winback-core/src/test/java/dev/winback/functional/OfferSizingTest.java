package dev.winback.functional;

import static dev.winback.model.StepKind.FEEDBACK_REQUEST;
import static dev.winback.model.StepKind.GRACEFUL_GOODBYE;
import static dev.winback.model.StepKind.INCENTIVE_OFFER;
import static dev.winback.testing.Customers.LOST_AT;
import static dev.winback.testing.Customers.leftBecauseOf;
import static dev.winback.testing.Customers.worth;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.winback.ManualClock;
import dev.winback.WinBack;
import dev.winback.model.CustomerValue;
import dev.winback.model.EventType;
import dev.winback.model.ExitCategory;
import dev.winback.model.JournalEvent;
import dev.winback.model.LostCustomer;
import dev.winback.model.Offer;
import dev.winback.model.OfferBudget;
import dev.winback.model.OfferKind;
import dev.winback.model.OfferSizing;
import dev.winback.model.OfferTerms;
import dev.winback.model.PlanStep;
import dev.winback.model.Playbook;
import dev.winback.model.PlaybookRule;
import dev.winback.model.RuleCondition;
import dev.winback.model.StepStatus;
import dev.winback.model.StepTemplate;
import dev.winback.model.ValueBasis;
import dev.winback.model.WinBackPlan;
import dev.winback.spi.PlanStore;
import dev.winback.testing.Recorder;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Period;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Offers are sized to what the customer is worth: never above the playbook's share of their value, when planned and
 * again right before the send, skipped with a journal line when too small to be worth making, and of every kind
 * (a pause and a cheaper plan as well as discounts).
 */
class OfferSizingTest {
  private final ManualClock clock = ManualClock.at(LOST_AT);
  private final Recorder host = new Recorder();
  private final PlanStore store = PlanStore.inMemory();

  private WinBack winBack(Playbook playbook) {
    return WinBack.builder()
        .clock(clock)
        .store(store)
        .playbook(playbook)
        .feedback(host)
        .apology(host)
        .incentives(host)
        .reEngagement(host)
        .build();
  }

  private final WinBack winBack = winBack(Playbook.standard());

  private void runDays(WinBack engine, int days) {
    for (int day = 0; day < days; day++) {
      engine.runDue();
      clock.advance(Duration.ofHours(6));
      engine.runDue();
      clock.advance(Duration.ofHours(18));
    }
    engine.runDue();
  }

  private List<Offer> offersSent() {
    return host.calls().stream()
        .flatMap(c -> c.parts().stream())
        .filter(part -> part.kind() == INCENTIVE_OFFER)
        .map(part -> part.offer().orElseThrow())
        .toList();
  }

  private static PlanStep incentive(WinBackPlan plan) {
    return plan.steps().stream()
        .filter(s -> s.kind() == INCENTIVE_OFFER)
        .findFirst()
        .orElseThrow();
  }

  private List<JournalEvent> journal(String customerId, EventType type) {
    return winBack.history(customerId).stream().filter(e -> e.type() == type).toList();
  }

  /** What a percentage off gives away, reckoned here on its own: the percentage of the monthly revenue, per month. */
  private static BigDecimal givenAway(Offer offer, BigDecimal monthly) {
    Period period = offer.period().orElseThrow();
    BigDecimal months = BigDecimal.valueOf(period.toTotalMonths() * 30 + period.getDays())
        .divide(BigDecimal.valueOf(30), 10, java.math.RoundingMode.CEILING);
    return monthly.multiply(offer.value().orElseThrow()).multiply(months).movePointLeft(2);
  }

  /** Replaces the customer's value in the stored plan, as a host correcting it (a refund, say) would. */
  private void lowerStoredValue(String customerId, CustomerValue lower) {
    WinBackPlan stored = store.latestPlan(customerId).orElseThrow();
    WinBackPlan changed = WinBackPlan.builder()
        .from(stored)
        .customer(LostCustomer.builder().from(stored.customer()).value(lower).build())
        .version(stored.version() + 1)
        .build();
    assertThat(store.update(changed, List.of())).isTrue();
  }

  @Test
  void aCustomerOfOneMonthIsNeverOfferedMoreThanTheCap() {
    BigDecimal monthly = new BigDecimal("400.00");
    winBack.start(leftBecauseOf("new", ExitCategory.PRICE)
        .customerSince(LOST_AT.minus(Duration.ofDays(30)))
        .value(CustomerValue.of("400.00", "400.00", "EUR"))
        .build());

    runDays(winBack, 25);

    // the standard 20% for three months would give away 240.00, 60% of all they ever paid; 5% of it
    // is the cap
    assertThat(offersSent()).singleElement().satisfies(offer -> {
      assertThat(offer.kind()).isEqualTo(OfferKind.PERCENT_OFF);
      assertThat(givenAway(offer, monthly)).isLessThanOrEqualTo(new BigDecimal("20.00"));
      assertThat(offer.worth())
          .hasValueSatisfying(w -> assertThat(w).isLessThanOrEqualTo(new BigDecimal("20.00")));
      assertThat(offer.budget().map(OfferBudget::cap)).contains(new BigDecimal("20.00"));
      assertThat(offer.budget().map(OfferBudget::basis)).contains(ValueBasis.REVENUE_OVER_HORIZON);
    });
    assertThat(journal("new", EventType.OFFER_SIZED))
        .extracting(JournalEvent::detail)
        .anySatisfy(detail -> assertThat(detail)
            .contains("worth 19.92 EUR, within the cap 20.00 EUR = 5% of 400.00 EUR"));
  }

  @Test
  void anOfferWorthLessThanTheSmallestOfferWorthMakingIsSkippedWithAJournalLine() {
    WinBackPlan plan = winBack.start(
        leftBecauseOf("small", ExitCategory.PRICE).value(worth("4.00")).build());

    runDays(winBack, 25);

    assertThat(incentive(plan).status()).isEqualTo(StepStatus.SKIPPED);
    assertThat(offersSent()).isEmpty();
    assertThat(journal("small", EventType.STEP_SKIPPED))
        .extracting(JournalEvent::detail)
        .singleElement()
        .satisfies(detail -> assertThat(detail)
            .startsWith("INCENTIVE_OFFER: no offer made")
            .contains("could be worth at most 2.40 EUR")
            .contains("below the smallest offer worth making (5.00 EUR)")
            .contains("cap 2.40 EUR = 5% of 48.00 EUR (revenue over the horizon"));
  }

  @Test
  void theCapIsCheckedAgainRightBeforeTheSendWhenTheValueWasLoweredMeanwhile() {
    WinBackPlan plan = winBack.start(leftBecauseOf("cat", ExitCategory.COMPETITOR_OFFER)
        .value(CustomerValue.of("900.00", "21600.00", "EUR"))
        .build());
    assertThat(incentive(plan).offer().orElseThrow().value()).contains(BigDecimal.valueOf(20));

    lowerStoredValue("cat", CustomerValue.of("900.00", "1800.00", "EUR"));
    runDays(winBack, 25);

    assertThat(offersSent()).singleElement().satisfies(offer -> {
      assertThat(offer.value().orElseThrow()).isLessThan(BigDecimal.valueOf(20));
      assertThat(givenAway(offer, new BigDecimal("900.00")))
          .isLessThanOrEqualTo(new BigDecimal("90.00"));
      assertThat(offer.budget().map(OfferBudget::cap)).contains(new BigDecimal("90.00"));
    });
    Offer stored = incentive(winBack.plan("cat").orElseThrow()).offer().orElseThrow();
    assertThat(stored).isEqualTo(offersSent().get(0));
    assertThat(journal("cat", EventType.OFFER_SIZED))
        .extracting(JournalEvent::detail)
        .anySatisfy(detail -> assertThat(detail)
            .startsWith("INCENTIVE_OFFER checked before the send: PERCENT_OFF")
            .contains("made smaller to stay within the cap 90.00 EUR"));
  }

  /** The same store with signed links to the customer pages. */
  private WinBack withLinks() {
    return WinBack.builder()
        .clock(clock)
        .store(store)
        .reactivationTokens(dev.winback.ReactivationTokens.builder()
            .key("k1", "a secret of at least thirty-two bytes".getBytes(UTF_8))
            .validFor(Duration.ofDays(365))
            .build())
        .customerPages(java.net.URI.create("https://shop.example/winback"))
        .feedback(host)
        .apology(host)
        .incentives(host)
        .reEngagement(host)
        .build();
  }

  private static String token(String link) {
    return link.substring(link.indexOf("?token=") + "?token=".length());
  }

  @Test
  void theComeBackLinkOfAnOfferMadeSmallerAtTheSendRedeemsTheOfferAsSent() {
    WinBack linked = withLinks();
    linked.start(leftBecauseOf("cat", ExitCategory.COMPETITOR_OFFER)
        .value(CustomerValue.of("900.00", "21600.00", "EUR"))
        .build());

    lowerStoredValue("cat", CustomerValue.of("900.00", "1800.00", "EUR"));
    runDays(linked, 25);

    Offer sent = offersSent().get(0);
    String comeBack = host.calls().stream()
        .filter(c -> c.parts().stream().anyMatch(p -> p.kind() == INCENTIVE_OFFER))
        .findFirst()
        .orElseThrow()
        .links()
        .comeBack()
        .orElseThrow();
    assertThat(linked.links().comeBack(token(comeBack)).offer()).contains(sent);
  }

  @Test
  void theGoodbyesComeBackLinkCarriesNoOfferThatWasNeverMade() {
    WinBack linked = withLinks();
    linked.start(leftBecauseOf("cat", ExitCategory.COMPETITOR_OFFER)
        .value(CustomerValue.of("900.00", "21600.00", "EUR"))
        .build());

    lowerStoredValue("cat", CustomerValue.of("900.00", "50.00", "EUR"));
    runDays(linked, 40);

    assertThat(offersSent()).isEmpty();
    String comeBack = host.calls().stream()
        .filter(c -> c.parts().stream().anyMatch(p -> p.kind() == GRACEFUL_GOODBYE))
        .findFirst()
        .orElseThrow()
        .links()
        .comeBack()
        .orElseThrow();
    assertThat(linked.links().comeBack(token(comeBack)).offer()).isEmpty();
  }

  @Test
  void anOfferNoLongerWorthMakingAtTheSendIsSkippedWithAJournalLine() {
    winBack.start(leftBecauseOf("cat", ExitCategory.COMPETITOR_OFFER)
        .value(CustomerValue.of("900.00", "21600.00", "EUR"))
        .build());

    lowerStoredValue("cat", CustomerValue.of("900.00", "50.00", "EUR"));
    runDays(winBack, 25);

    assertThat(offersSent()).isEmpty();
    assertThat(incentive(winBack.plan("cat").orElseThrow()).status()).isEqualTo(StepStatus.SKIPPED);
    assertThat(journal("cat", EventType.STEP_SKIPPED))
        .extracting(JournalEvent::detail)
        .anySatisfy(detail -> assertThat(detail)
            .contains("checked before the send: no offer made")
            .contains("cap 2.50 EUR"));
  }

  @Test
  void theCapOfThePlaybookRunningTheSendIsTheOneChecked() {
    winBack.start(leftBecauseOf("cat", ExitCategory.COMPETITOR_OFFER)
        .value(CustomerValue.of("900.00", "21600.00", "EUR"))
        .build());
    Playbook stricter = Playbook.builder()
        .from(Playbook.standard())
        .offerSizing(OfferSizing.builder().maxShare(new BigDecimal("0.01")).build())
        .build();
    WinBack redeployed =
        winBack(stricter); // the same store, a stricter cap since the plan was made

    runDays(redeployed, 25);

    assertThat(offersSent()).singleElement().satisfies(offer -> {
      assertThat(offer.budget().map(OfferBudget::cap)).contains(new BigDecimal("108.00"));
      assertThat(givenAway(offer, new BigDecimal("900.00")))
          .isLessThanOrEqualTo(new BigDecimal("108.00"));
    });
  }

  @Test
  void pauseAndCheaperPlanOffersReachTheIncentiveStrategy() {
    Playbook playbook = Playbook.builder()
        .name("pause-or-cheaper")
        .addRule(PlaybookRule.builder()
            .name("price")
            .when(RuleCondition.exitCategoryIn(ExitCategory.PRICE))
            .rationale("Offer a pause first, then a cheaper plan")
            .addStep(StepTemplate.at(FEEDBACK_REQUEST, Duration.ZERO))
            .addStep(StepTemplate.at(GRACEFUL_GOODBYE, Duration.ofDays(3)))
            .addStep(StepTemplate.builder()
                .kind(INCENTIVE_OFFER)
                .offset(Duration.ofDays(7))
                .offer(OfferTerms.pause(Period.ofMonths(2)))
                .build())
            .addStep(StepTemplate.builder()
                .kind(INCENTIVE_OFFER)
                .offset(Duration.ofDays(14))
                .offer(OfferTerms.downgrade())
                .build())
            .build())
        .addAllRules(Playbook.standard().rules())
        .build();
    WinBack engine = winBack(playbook);
    engine.start(leftBecauseOf("low", ExitCategory.PRICE)
        .customerSince(LOST_AT.minus(Duration.ofDays(30)))
        .value(CustomerValue.of("9.00", "9.00", "EUR"))
        .build());

    runDays(engine, 20);

    assertThat(offersSent())
        .extracting(Offer::kind)
        .containsExactly(OfferKind.PAUSE, OfferKind.DOWNGRADE);
    assertThat(offersSent().get(0).period()).contains(Period.ofMonths(2));
    assertThat(offersSent())
        .allSatisfy(offer -> assertThat(offer.worth()).contains(BigDecimal.ZERO));
  }

  @Test
  void priceAndCompetitorLeaversInTheLowTierGetASizedOfferFromTheStandardPlaybook() {
    for (ExitCategory category : List.of(ExitCategory.PRICE, ExitCategory.COMPETITOR_OFFER)) {
      String id = "low-" + category;
      WinBackPlan plan =
          winBack.start(leftBecauseOf(id, category).value(worth("30.00")).build());

      PlanStep step = incentive(plan);
      assertThat(step.status()).as("%s", category).isEqualTo(StepStatus.PENDING);
      Offer offer = step.offer().orElseThrow();
      OfferBudget budget = offer.budget().orElseThrow();
      assertThat(budget.basis()).isEqualTo(ValueBasis.REVENUE_OVER_HORIZON);
      assertThat(budget.cap()).isEqualByComparingTo("18.00"); // 5% of twelve months of 30.00
      assertThat(offer.worth().orElseThrow()).isLessThanOrEqualTo(budget.cap());
      assertThat(journal(id, EventType.OFFER_SIZED))
          .extracting(JournalEvent::detail)
          .singleElement()
          .satisfies(
              detail -> assertThat(detail)
                  .isEqualTo(
                      "INCENTIVE_OFFER: PERCENT_OFF 20% for P3M, worth 18.00 EUR, within the cap 18.00 EUR"
                          + " = 5% of 360.00 EUR (revenue over the horizon, at most what they paid so far)"));
    }

    runDays(winBack, 25);

    assertThat(offersSent()).hasSize(2);
  }
}
