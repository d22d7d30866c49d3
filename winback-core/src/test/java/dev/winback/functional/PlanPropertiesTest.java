package dev.winback.functional;

import static org.assertj.core.api.Assertions.assertThat;

import dev.winback.ManualClock;
import dev.winback.WinBack;
import dev.winback.WinBackJson;
import dev.winback.model.Channel;
import dev.winback.model.ChurnSignal;
import dev.winback.model.Consent;
import dev.winback.model.ContactPoint;
import dev.winback.model.CustomerValue;
import dev.winback.model.ExitCategory;
import dev.winback.model.ExitReason;
import dev.winback.model.LostCustomer;
import dev.winback.model.NewArrangement;
import dev.winback.model.PlanStatus;
import dev.winback.model.PlanStep;
import dev.winback.model.ReasonSource;
import dev.winback.model.StepKind;
import dev.winback.model.WinBackPlan;
import dev.winback.spi.ApologyStrategy;
import dev.winback.spi.FeedbackStrategy;
import dev.winback.spi.IncentiveStrategy;
import dev.winback.spi.ReEngagementStrategy;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever the customer, the standard playbook's plans keep the seed rules. */
class PlanPropertiesTest {
  private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
  private final WinBack winBack = WinBack.builder()
      .clock(ManualClock.at(NOW))
      .feedback(FeedbackStrategy.none())
      .apology(ApologyStrategy.none())
      .incentives(IncentiveStrategy.none())
      .reEngagement(ReEngagementStrategy.none())
      .build();

  @Provide
  Arbitrary<LostCustomer> customers() {
    Arbitrary<ContactPoint> email = Arbitraries.of(Consent.values())
        .map(c -> ContactPoint.of(Channel.EMAIL, "someone@example.com", c));
    Arbitrary<ContactPoint> phone = Combinators.combine(
            Arbitraries.of(Channel.PHONE, Channel.SMS), Arbitraries.of(Consent.values()))
        .as((ch, c) -> ContactPoint.of(ch, "+1 555 0100", c));
    Arbitrary<ContactPoint> post =
        Arbitraries.of(Consent.values()).map(c -> ContactPoint.of(Channel.POST, "1 Main St", c));
    Arbitrary<List<ContactPoint>> points =
        Arbitraries.oneOf(email, phone, post).list().ofMaxSize(4);
    Arbitrary<List<ExitCategory>> reasons =
        Arbitraries.of(ExitCategory.values()).list().ofMaxSize(3);
    Arbitrary<java.util.Optional<CustomerValue>> value = Arbitraries.bigDecimals()
        .between(BigDecimal.ZERO, new BigDecimal("2000"))
        .ofScale(2)
        .map(m -> CustomerValue.builder()
            .monthlyRevenue(m)
            .currency(Currency.getInstance("USD"))
            .build())
        .optional();
    Arbitrary<java.util.Optional<LocalDate>> contractEnd = Arbitraries.integers()
        .between(-30, 900)
        .map(d -> LocalDate.of(2026, 3, 2).plusDays(d))
        .optional();
    return Combinators.combine(
            points,
            Arbitraries.of(Channel.values()).optional(),
            reasons,
            value,
            contractEnd,
            Arbitraries.of(ChurnSignal.values()))
        .as((p, preferred, r, v, end, signal) -> LostCustomer.builder()
            .id("c")
            .displayName("C")
            .contactPoints(p)
            .preferredChannel(preferred)
            .exitReasons(r.stream()
                .map(cat -> ExitReason.of(cat, ReasonSource.SURVEY, NOW))
                .toList())
            .value(v)
            .newArrangement(NewArrangement.builder().contractEnds(end).build())
            .lostAt(NOW)
            .churnSignal(signal)
            .build());
  }

  @Property(tries = 500)
  void everyStepIsDueAfterTheStartOnAConsentedChannel(@ForAll("customers") LostCustomer customer) {
    WinBackPlan plan = winBack.preview(customer);

    assertThat(plan.steps()).allSatisfy(step -> {
      assertThat(step.dueAt()).isAfterOrEqualTo(plan.startedAt());
      assertThat(customer.consentedChannels()).contains(step.channel());
    });
    assertThat(plan.steps()).extracting(PlanStep::dueAt).isSorted();
  }

  @Property(tries = 500)
  void theApologyComesFirstWhenTheFaultWasOurs(@ForAll("customers") LostCustomer customer) {
    WinBackPlan plan = winBack.preview(customer);

    if (customer.faultWasOurs() && !plan.steps().isEmpty()) {
      assertThat(plan.steps().get(0).kind()).isEqualTo(StepKind.APOLOGY);
    }
    if (!customer.faultWasOurs()) {
      assertThat(plan.steps()).noneMatch(s -> s.kind() == StepKind.APOLOGY);
    }
  }

  @Property(tries = 500)
  void nobodyWhoMustNotBeContactedGetsAStep(@ForAll("customers") LostCustomer customer) {
    WinBackPlan plan = winBack.preview(customer);

    if (customer.exitReasons().stream().anyMatch(r -> r.category().irreversible())
        || customer.consentedChannels().isEmpty()) {
      assertThat(plan.status()).isEqualTo(PlanStatus.SUPPRESSED);
      assertThat(plan.steps()).isEmpty();
    }
  }

  @Property(tries = 300)
  void everyPlanRoundTripsThroughJson(@ForAll("customers") LostCustomer customer) {
    WinBackPlan plan = winBack.preview(customer);

    assertThat(WinBackJson.read(WinBackJson.write(plan), WinBackPlan.class)).isEqualTo(plan);
  }
}
