package dev.winback.examples;

import static dev.winback.testkit.WinBackAssertions.assertThat;

import dev.winback.model.CustomerValue;
import dev.winback.model.ExitCategory;
import dev.winback.model.LostCustomer;
import dev.winback.model.NewArrangement;
import dev.winback.model.Playbook;
import dev.winback.model.StepKind;
import dev.winback.testkit.LostCustomers;
import dev.winback.testkit.WinBackSimulation;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The README's retention rule that incentives stay within 5% of what the customer is worth, over generated customers
 * instead of one fixture: every exit reason, monthly revenues from 1 to 5,000, customers of one month to five years,
 * with and without a known contract end, through the standard playbook.
 */
class IncentivesWithinAShareOfValueTest {

  /** One generated customer: why they left, what they paid a month, for how long, and when their new contract ends. */
  record Spec(
      Optional<ExitCategory> reason,
      BigDecimal monthly,
      int months,
      Optional<Integer> contractEndsInDays) {

    LostCustomer customer(String id) {
      LostCustomer.Builder customer = reason
          .map(r -> LostCustomers.leftBecauseOf(id, r))
          .orElseGet(() -> LostCustomers.lost(id));
      customer
          .customerSince(WinBackSimulation.DEFAULT_START.minus(Duration.ofDays(30L * months)))
          .value(CustomerValue.of(
              monthly.toPlainString(),
              monthly.multiply(BigDecimal.valueOf(months)).toPlainString(),
              "EUR"));
      contractEndsInDays.ifPresent(days -> customer.newArrangement(NewArrangement.builder()
          .contractEnds(LocalDate.of(2026, 1, 5).plusDays(days))
          .build()));
      return customer.build();
    }
  }

  @Provide
  Arbitrary<Spec> specs() {
    return Combinators.combine(
            Arbitraries.of(ExitCategory.values()).optional(0.8),
            Arbitraries.bigDecimals()
                .between(BigDecimal.ONE, BigDecimal.valueOf(5_000))
                .ofScale(2),
            Arbitraries.integers().between(1, 60),
            Arbitraries.integers().between(40, 280).optional(0.5))
        .as(Spec::new);
  }

  @Provide
  Arbitrary<List<Spec>> customers() {
    return specs().list().ofMinSize(1).ofMaxSize(12);
  }

  @Property(tries = 40)
  void incentivesStayWithinFivePercentOfWhatEachCustomerIsWorth(
      @ForAll("customers") List<Spec> specs) {
    WinBackSimulation sim =
        WinBackSimulation.builder().playbook(Playbook.standard()).build();
    sim.start(LostCustomers.highValueWithCompetitorContractEnding("cat", LocalDate.of(2026, 9, 30))
        .build());
    for (int i = 0; i < specs.size(); i++) {
      sim.start(specs.get(i).customer("c" + i));
    }

    sim.advanceDays(300);

    assertThat(sim.timeline("cat")).wasSent(StepKind.INCENTIVE_OFFER).incentivesWorthAtMost(0.05);
    for (int i = 0; i < specs.size(); i++) {
      assertThat(sim.timeline("c" + i)).incentivesWorthAtMost(0.05);
    }
  }
}
