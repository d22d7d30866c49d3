package dev.winback.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.winback.model.EventType;
import dev.winback.model.PlanStatus;
import dev.winback.model.StepKind;
import dev.winback.spi.StepResult;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class WinBackSimulationTest {

  @Test
  void fastForwardsWeeksAndRecordsWhatWasSent() {
    WinBackSimulation sim = WinBackSimulation.builder().build();
    sim.start(LostCustomers.ourFault("c1").build());

    sim.advanceDays(30);

    assertThat(sim.timeline("c1").sent())
        .extracting(SentMessage::kind)
        .startsWith(StepKind.APOLOGY, StepKind.GRACEFUL_GOODBYE, StepKind.FOLLOW_UP)
        .doesNotContain(StepKind.FEEDBACK_REQUEST); // their reason is on record
    assertThat(sim.now()).isEqualTo(WinBackSimulation.DEFAULT_START.plus(Duration.ofDays(30)));
  }

  @Test
  void carriesOutScheduledActionsAtTheirMoment() {
    WinBackSimulation sim = WinBackSimulation.builder().build();
    sim.start(LostCustomers.lost("c1").build());

    sim.after(Duration.ofDays(2), s -> s.optOut("c1")).advanceDays(100);

    Timeline timeline = sim.timeline("c1");
    assertThat(timeline.optedOutAt())
        .contains(WinBackSimulation.DEFAULT_START.plus(Duration.ofDays(2)));
    assertThat(timeline.sent())
        .extracting(SentMessage::kind)
        .containsExactly(StepKind.FEEDBACK_REQUEST);
    assertThat(timeline.plan().orElseThrow().status()).isEqualTo(PlanStatus.OPTED_OUT);
  }

  @Test
  void showsWhatWasDelayedAndWhy() {
    WinBackSimulation sim = WinBackSimulation.builder()
        .startingAt(WinBackSimulation.DEFAULT_START.minus(Duration.ofHours(8))) // 01:00 UTC
        .build();
    sim.start(LostCustomers.lost("c1").lostAt(sim.now()).build());

    sim.advanceDays(1);

    assertThat(sim.timeline("c1").events(EventType.STEP_DELAYED))
        .first()
        .satisfies(e -> assertThat(e.detail()).contains("quiet-hours(EMAIL 07:00-22:00)"));
  }

  @Test
  void aHostThatFailsIsRetriedAndTheTimelineSaysSo() {
    WinBackSimulation sim = WinBackSimulation.builder()
        .answering(context ->
            context.attempt() == 1 ? StepResult.failed("mail server busy") : StepResult.sent())
        .build();
    sim.start(LostCustomers.lost("c1").build());

    sim.advanceDays(1);

    assertThat(sim.timeline("c1").sent())
        .first()
        .satisfies(m -> assertThat(m.attempt()).isEqualTo(2));
    assertThat(sim.timeline("c1").render())
        .contains("STEP_RETRY_SCHEDULED")
        .contains("mail server busy");
  }

  @Test
  void aThousandCustomersOverHalfAYearRunThroughTheStandardPlaybook() {
    WinBackSimulation sim = WinBackSimulation.builder().build();
    for (int i = 0; i < 1000; i++) {
      sim.start(
          i % 2 == 0
              ? LostCustomers.priceSensitive("c" + i).build()
              : LostCustomers.highValueWithCompetitorContractEnding(
                      "c" + i, LocalDate.of(2026, 4, 30))
                  .build());
    }

    sim.advanceDays(180);

    assertThat(sim.timelines())
        .hasSize(1000)
        .allSatisfy(
            t -> assertThat(t.plan().orElseThrow().status()).isEqualTo(PlanStatus.UNRESPONSIVE));
    // goodbye, thank-you, incentive, second-chance ask: their reason is on record, so no question
    assertThat(sim.sent()).hasSize(1000 * 4);
  }

  @Test
  void fixturesPutCustomersInTheirSituation() {
    WinBackSimulation sim = WinBackSimulation.builder().build();

    assertThat(sim.start(LostCustomers.deceased("d").build()).status())
        .isEqualTo(PlanStatus.SUPPRESSED);
    assertThat(sim.start(LostCustomers.ourFault("o").build()).rule()).isEqualTo("our-fault");
    assertThat(sim.start(LostCustomers.leftOverTooManyEmails("t").build()).rule())
        .isEqualTo("left-over-too-many-messages");
    assertThat(sim.start(LostCustomers.priceSensitive("p").build()).rule())
        .isEqualTo("price-or-better-offer");
  }
}
