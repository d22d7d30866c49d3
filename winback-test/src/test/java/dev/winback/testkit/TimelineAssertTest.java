package dev.winback.testkit;

import static dev.winback.testkit.WinBackAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.winback.model.Channel;
import dev.winback.model.Consent;
import dev.winback.model.ContactPoint;
import dev.winback.model.OfferSizing;
import dev.winback.model.OfferTerms;
import dev.winback.model.PlanStatus;
import dev.winback.model.Playbook;
import dev.winback.model.PlaybookRule;
import dev.winback.model.RuleCondition;
import dev.winback.model.StepKind;
import dev.winback.model.StepTemplate;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Period;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each assertion passes when the rule holds, and fails with a message naming the rule and showing the timeline. */
class TimelineAssertTest {

  private static Timeline ranOurFault() {
    WinBackSimulation sim = WinBackSimulation.builder().build();
    sim.start(LostCustomers.ourFault("c1").build());
    sim.advanceDays(120);
    return sim.timeline("c1");
  }

  @Test
  void contactsWithinAWindowPassAndFailWithTheTimeline() {
    Timeline timeline = ranOurFault();

    assertThat(timeline).hasAtMostContactsWithin(3, Duration.ofDays(7));
    assertThatThrownBy(() -> assertThat(timeline).hasAtMostContactsWithin(1, Duration.ofDays(7)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expected c1 to be contacted at most 1 times within 7 days")
        .hasMessageContaining("2 contacts fell within the 7 days")
        .hasMessageContaining("timeline of c1 (plan by rule 'our-fault', UNRESPONSIVE)")
        .hasMessageContaining(
            "day   0  2026-01-05T09:00:00Z  STEP_DONE            APOLOGY by EMAIL");
  }

  @Test
  void firstContactPassesAndFailsNamingWhatCameFirst() {
    Timeline timeline = ranOurFault();

    assertThat(timeline).firstContactWas(StepKind.APOLOGY);
    assertThatThrownBy(() -> assertThat(timeline).firstContactWas(StepKind.FEEDBACK_REQUEST))
        .hasMessageContaining("Expected c1 to be contacted first with FEEDBACK_REQUEST")
        .hasMessageContaining("the first contact was APOLOGY")
        .hasMessageContaining("PLAN_STARTED");
  }

  @Test
  void nothingAfterOptOutFailsWhenThereWasNoOptOut() {
    WinBackSimulation sim = WinBackSimulation.builder().build();
    sim.start(LostCustomers.priceSensitive("c1").build());
    sim.after(Duration.ofDays(1), s -> s.optOut("c1")).advanceDays(60);
    sim.start(LostCustomers.priceSensitive("c2").build());
    sim.advanceDays(1);

    assertThat(sim.timeline("c1")).sentNothingAfterOptOut().endedAs(PlanStatus.OPTED_OUT);
    assertThatThrownBy(() -> assertThat(sim.timeline("c2")).sentNothingAfterOptOut())
        .hasMessageContaining(
            "Expected c2 to have opted out, but there is no opt-out in the journal")
        .hasMessageContaining("timeline of c2");
  }

  @Test
  void incentivesWorthMoreThanAShareOfTheirValueFail() {
    PlaybookRule generous = PlaybookRule.builder()
        .name("generous")
        .rationale("big offers")
        .addSteps(
            StepTemplate.at(StepKind.FEEDBACK_REQUEST, Duration.ZERO),
            StepTemplate.at(StepKind.GRACEFUL_GOODBYE, Duration.ofDays(3)),
            StepTemplate.builder()
                .kind(StepKind.INCENTIVE_OFFER)
                .offset(Duration.ofDays(21))
                .offer(OfferTerms.freePeriod(Period.ofMonths(6)))
                .build())
        .build();
    PlaybookRule sorry = PlaybookRule.builder()
        .name("sorry")
        .when(RuleCondition.ourFault())
        .rationale("ours")
        .addSteps(
            StepTemplate.at(StepKind.APOLOGY, Duration.ZERO),
            StepTemplate.at(StepKind.FOLLOW_UP, Duration.ofDays(14)),
            StepTemplate.at(StepKind.GRACEFUL_GOODBYE, Duration.ofDays(20)))
        .build();
    WinBackSimulation sim = WinBackSimulation.builder()
        .playbook(Playbook.builder()
            .name("generous")
            .addRule(sorry)
            .addRule(generous)
            // the whole of their worth may go: a test of the assertion, not of the engine's cap
            .offerSizing(OfferSizing.builder().maxShare(BigDecimal.ONE).build())
            .build())
        .build();
    sim.start(LostCustomers.priceSensitive("c1").build()); // 60 a month, 1,440 lifetime
    sim.advanceDays(30);

    assertThat(sim.timeline("c1")).incentivesWorthAtMost(0.25);
    assertThatThrownBy(() -> assertThat(sim.timeline("c1")).incentivesWorthAtMost(0.1))
        .hasMessageContaining(
            "to be offered incentives worth at most 0.1 of their lifetime revenue (144.00 EUR)")
        .hasMessageContaining(
            "the FREE_PERIOD offer sent at 2026-01-26T09:00:00Z is worth 360.00 EUR");
  }

  @Test
  void channelKindAndEndingAssertionsNameWhatHappened() {
    WinBackSimulation sim = WinBackSimulation.builder().build();
    sim.start(LostCustomers.lost("c1")
        .contactPoints(List.of(ContactPoint.of(Channel.POST, "1 Main Street", Consent.GRANTED)))
        .build());
    sim.advanceDays(5);
    Timeline timeline = sim.timeline("c1");

    assertThat(timeline)
        .wasContactedOnlyBy(Channel.POST)
        .wasSent(StepKind.FEEDBACK_REQUEST)
        .wasNotSent(StepKind.APOLOGY)
        .endedAs(PlanStatus.ACTIVE);
    assertThatThrownBy(() -> assertThat(timeline).wasContactedOnlyBy(Channel.EMAIL))
        .hasMessageContaining("FEEDBACK_REQUEST went by POST at 2026-01-05T09:00:00Z");
    assertThatThrownBy(() -> assertThat(timeline).wasNeverContacted())
        .hasMessageContaining(
            "2 messages were sent, first FEEDBACK_REQUEST at 2026-01-05T09:00:00Z");
    assertThatThrownBy(() -> assertThat(timeline).endedAs(PlanStatus.WON_BACK))
        .hasMessageContaining("to have a plan that is WON_BACK, but it is ACTIVE");
    assertThatThrownBy(() -> assertThat(timeline).wasNotSent(StepKind.GRACEFUL_GOODBYE))
        .hasMessageContaining("never to be sent GRACEFUL_GOODBYE, but 1 were sent");
  }

  @Test
  void ruleDecisionsCanBeAsserted() {
    WinBackSimulation sim = WinBackSimulation.builder()
        .startingAt(WinBackSimulation.DEFAULT_START.minus(Duration.ofHours(8)))
        .build();
    sim.start(LostCustomers.lost("c1").lostAt(sim.now()).build());
    sim.advanceDays(1);

    assertThat(sim.timeline("c1")).hadStepDelayedBy("quiet-hours");
    assertThatThrownBy(() -> assertThat(sim.timeline("c1")).hadStepReroutedBy("consent"))
        .hasMessageContaining(
            "Expected c1 to have a step rerouted by rule consent, but no step was");
  }
}
