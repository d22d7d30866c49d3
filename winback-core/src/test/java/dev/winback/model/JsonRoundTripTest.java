package dev.winback.model;

import static dev.winback.testing.Customers.LOST_AT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.winback.ManualClock;
import dev.winback.WinBack;
import dev.winback.WinBackJson;
import dev.winback.spi.ApologyStrategy;
import dev.winback.spi.FeedbackStrategy;
import dev.winback.spi.IncentiveStrategy;
import dev.winback.spi.ReEngagementStrategy;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class JsonRoundTripTest {

  static LostCustomer everythingKnown() {
    return LostCustomer.builder()
        .id("cust-42")
        .displayName("Ada Example")
        .addContactPoint(ContactPoint.of(Channel.EMAIL, "ada@example.com", Consent.GRANTED))
        .addContactPoint(ContactPoint.of(Channel.PHONE, "+44 20 7946 0958", Consent.DENIED))
        .addContactPoint(ContactPoint.of(Channel.POST, "1 High Street, London", Consent.GRANTED))
        .preferredChannel(Channel.POST)
        .locale(Locale.UK)
        .timeZone(ZoneId.of("Europe/London"))
        .segment("smb")
        .addTags("newsletter", "annual")
        .customerSince(Instant.parse("2019-05-01T00:00:00Z"))
        .lostAt(LOST_AT)
        .churnSignal(ChurnSignal.CONTRACT_NOT_RENEWED)
        .addExitReason(ExitReason.builder()
            .category(ExitCategory.COMPETITOR_OFFER)
            .verbatim("Rival offered us 30% less")
            .source(ReasonSource.CALL)
            .recordedAt(LOST_AT)
            .build())
        .value(CustomerValue.builder()
            .monthlyRevenue(new BigDecimal("249.90"))
            .lifetimeRevenue(new BigDecimal("17993.10"))
            .currency(Currency.getInstance("GBP"))
            .build())
        .newArrangement(NewArrangement.builder()
            .competitor("Rival")
            .contractEnds(LocalDate.of(2027, 3, 31))
            .build())
        .budgetCycle(BudgetCycle.builder()
            .budgetYearStarts(Month.APRIL)
            .annualBudget(new BigDecimal("5000.00"))
            .build())
        .putAttribute("crmId", "0031x00000AbCdE")
        .build();
  }

  @Test
  void aLostCustomerRoundTripsWithEveryField() {
    LostCustomer customer = everythingKnown();

    LostCustomer back = WinBackJson.read(WinBackJson.write(customer), LostCustomer.class);

    assertThat(back).isEqualTo(customer);
  }

  @Test
  void moneyStaysExactAndDatesAreIso8601() {
    String json = WinBackJson.write(everythingKnown());

    assertThat(json)
        .contains("\"monthlyRevenue\":249.90")
        .contains("\"lifetimeRevenue\":17993.10")
        .contains("\"lostAt\":\"2026-03-02T09:00:00Z\"")
        .contains("\"contractEnds\":\"2027-03-31\"")
        .contains("\"currency\":\"GBP\"");
  }

  @Test
  void aPlanRoundTripsWithItsStepsAndOffers() {
    WinBack winBack = WinBack.builder()
        .clock(ManualClock.at(LOST_AT))
        .feedback(FeedbackStrategy.none())
        .apology(ApologyStrategy.none())
        .incentives(IncentiveStrategy.none())
        .reEngagement(ReEngagementStrategy.none())
        .build();
    WinBackPlan plan = winBack.preview(everythingKnown());
    assertThat(plan.steps()).anySatisfy(s -> assertThat(s.offer()).isPresent());

    WinBackPlan back = WinBackJson.read(WinBackJson.write(plan), WinBackPlan.class);

    assertThat(back).isEqualTo(plan);
  }

  @Test
  void thePlaybookRoundTripsAndDurationsAreIso8601() {
    Playbook playbook = Playbook.standard(Duration.ofDays(21));

    String json = WinBackJson.write(playbook);

    assertThat(dev.winback.PlanLint.load(json).playbook()).isEqualTo(playbook);
    assertThat(json).contains("\"offset\":\"PT504H\"").contains("\"period\":\"P3M\"");
  }

  @Test
  void journalEventsAndFeedbackRoundTrip() {
    JournalEvent event = JournalEvent.builder()
        .customerId("c1")
        .planId("c1@x")
        .at(LOST_AT)
        .type(EventType.STEP_DONE)
        .stepIndex(2)
        .stepKind(StepKind.APOLOGY)
        .channel(Channel.EMAIL)
        .detail("sent")
        .build();
    Feedback feedback = Feedback.builder()
        .text("too pricey")
        .category(ExitCategory.PRICE)
        .ourFault(false)
        .source(ReasonSource.SURVEY)
        .receivedAt(LOST_AT)
        .build();

    assertThat(WinBackJson.read(WinBackJson.write(event), JournalEvent.class)).isEqualTo(event);
    assertThat(WinBackJson.read(WinBackJson.write(feedback), Feedback.class)).isEqualTo(feedback);
  }

  @Test
  void personalDataIsMaskedInToString() {
    String text = everythingKnown().toString();

    assertThat(text)
        .doesNotContain("ada@example.com")
        .doesNotContain("7946")
        .doesNotContain("High Street")
        .doesNotContain("Ada Example")
        .doesNotContain("30% less")
        .contains("cust-42");
  }
}
