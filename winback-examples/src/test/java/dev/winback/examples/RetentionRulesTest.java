// spotless:off
package dev.winback.examples;

import static dev.winback.testkit.WinBackAssertions.assertThat;

import dev.winback.model.PlanStatus;
import dev.winback.model.Playbook;
import dev.winback.model.StepKind;
import dev.winback.testkit.LostCustomers;
import dev.winback.testkit.WinBackSimulation;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class RetentionRulesTest {
  private final WinBackSimulation sim = WinBackSimulation.builder()
      .playbook(Playbook.standard())          // or your own: PlanLint.load(json).playbook()
      .build();

  @Test
  void weNeverSpamThoseWhoLeftOverTooManyEmails() {
    sim.start(LostCustomers.leftOverTooManyEmails("ann").build());

    sim.advanceDays(180);

    assertThat(sim.timeline("ann"))
        .hasAtMostContactsWithin(1, Duration.ofDays(30))
        .firstContactWas(StepKind.APOLOGY)
        .wasNotSent(StepKind.INCENTIVE_OFFER);
  }

  @Test
  void nothingIsSentOnceTheyOptOut() {
    sim.start(LostCustomers.ourFault("bob").build());

    sim.after(Duration.ofDays(2), s -> s.optOut("bob")).advanceDays(90);

    assertThat(sim.timeline("bob")).sentNothingAfterOptOut().endedAs(PlanStatus.OPTED_OUT);
  }

  @Test
  void incentivesStayWithinAShareOfWhatTheCustomerIsWorth() {
    sim.start(LostCustomers.highValueWithCompetitorContractEnding("cat", LocalDate.of(2026, 9, 30)).build());

    sim.advanceDays(300);

    assertThat(sim.timeline("cat"))
        .wasSent(StepKind.INCENTIVE_OFFER)
        .incentivesWorthAtMost(0.05)
        .wasSent(StepKind.SECOND_CHANCE_ASK);
  }
}
// spotless:on
