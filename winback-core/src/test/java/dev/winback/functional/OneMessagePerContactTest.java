package dev.winback.functional;

import static dev.winback.model.StepKind.FEEDBACK_REQUEST;
import static dev.winback.model.StepKind.GRACEFUL_GOODBYE;
import static dev.winback.model.StepKind.INCENTIVE_OFFER;
import static dev.winback.model.StepKind.THANK_YOU;
import static dev.winback.testing.Customers.LOST_AT;
import static dev.winback.testing.Customers.leftBecauseOf;
import static dev.winback.testing.Customers.worth;
import static org.assertj.core.api.Assertions.assertThat;

import dev.winback.ManualClock;
import dev.winback.WinBack;
import dev.winback.model.Channel;
import dev.winback.model.Consent;
import dev.winback.model.ContactPoint;
import dev.winback.model.ContactRules;
import dev.winback.model.EventType;
import dev.winback.model.ExitCategory;
import dev.winback.model.FrequencyCap;
import dev.winback.model.JournalEvent;
import dev.winback.model.OfferTerms;
import dev.winback.model.PlanStatus;
import dev.winback.model.PlanStep;
import dev.winback.model.Playbook;
import dev.winback.model.PlaybookRule;
import dev.winback.model.RuleCondition;
import dev.winback.model.StepKind;
import dev.winback.model.StepStatus;
import dev.winback.model.StepTemplate;
import dev.winback.spi.ContactDecision;
import dev.winback.spi.ContactPolicy;
import dev.winback.spi.PlanStore;
import dev.winback.spi.StepContext;
import dev.winback.spi.StepResult;
import dev.winback.spi.StockStores;
import dev.winback.testing.Recorder;
import java.time.Duration;
import java.time.Period;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Steps of one plan that fall due close together on one channel go out as one message: the customer gets a
 * thank-you with the offer inside, not two messages on one day, and the caps count one contact.
 */
class OneMessagePerContactTest {
  private final ManualClock clock = ManualClock.at(LOST_AT);
  private final Recorder host = new Recorder();
  private final PlanStore store = PlanStore.inMemory();

  /** A thank-you on day 2, the offer six hours later, a goodbye on day 10, all by e-mail unless said. */
  private static Playbook playbook(ContactRules rules, Duration offerAfter, Channel offerChannel) {
    return Playbook.builder()
        .name("thanks-with-offer")
        .contactRules(rules)
        .addRule(PlaybookRule.builder()
            .name("price")
            .when(RuleCondition.exitCategoryIn(ExitCategory.PRICE))
            .rationale("Ask, thank them, offer, and say goodbye")
            .addStep(StepTemplate.at(FEEDBACK_REQUEST, Duration.ZERO))
            .addStep(StepTemplate.at(THANK_YOU, Duration.ofDays(2)))
            .addStep(StepTemplate.builder()
                .kind(INCENTIVE_OFFER)
                .offset(offerAfter)
                .channel(offerChannel)
                .offer(OfferTerms.percentOff(20, Period.ofMonths(3)))
                .build())
            .addStep(StepTemplate.at(GRACEFUL_GOODBYE, Duration.ofDays(10)))
            .build())
        .addAllRules(Playbook.standard().rules())
        .build();
  }

  private static Playbook playbook() {
    return playbook(ContactRules.defaults(), Duration.ofDays(2).plusHours(6), Channel.EMAIL);
  }

  private WinBack engine(Playbook playbook, ContactPolicy policy) {
    return WinBack.builder()
        .clock(clock)
        .store(store)
        .playbook(playbook)
        .contactPolicy(policy)
        .feedback(host)
        .apology(host)
        .incentives(host)
        .reEngagement(host)
        .build();
  }

  private WinBack engine(Playbook playbook) {
    return engine(playbook, request -> ContactDecision.allow());
  }

  private void runDays(WinBack winBack, int days) {
    for (int hour = 0; hour < days * 24; hour += 3) {
      winBack.runDue();
      clock.advance(Duration.ofHours(3));
    }
    winBack.runDue();
  }

  /** The messages sent, each as the kinds of its parts (the reason is known: nobody asks it again). */
  private static List<List<StepKind>> messages(Recorder host) {
    return host.calls().stream()
        .map(c -> c.parts().stream().map(PlanStep::kind).toList())
        .toList();
  }

  private static PlanStep step(WinBack winBack, StepKind kind) {
    return winBack.plan("c1").orElseThrow().steps().stream()
        .filter(s -> s.kind() == kind)
        .findFirst()
        .orElseThrow();
  }

  private List<EventType> stepEvents(WinBack winBack) {
    return winBack.history("c1").stream()
        .map(JournalEvent::type)
        .filter(t -> t == EventType.STEP_DONE || t == EventType.STEP_CARRIED)
        .toList();
  }

  @Test
  void aThankYouAndAnOfferDueTheSameDayAreOneMessage() {
    WinBack winBack = engine(playbook());
    winBack.start(leftBecauseOf("c1", ExitCategory.PRICE).value(worth("120")).build());

    runDays(winBack, 12);

    assertThat(messages(host))
        .containsExactly(List.of(THANK_YOU, INCENTIVE_OFFER), List.of(GRACEFUL_GOODBYE));
    StepContext first = host.calls().get(0);
    assertThat(first.step().kind()).isEqualTo(THANK_YOU);
    assertThat(first.parts().get(1).offer()).isPresent();
    assertThat(stepEvents(winBack))
        .containsExactly(EventType.STEP_DONE, EventType.STEP_CARRIED, EventType.STEP_DONE);
    assertThat(winBack.plan("c1").orElseThrow().steps())
        .extracting(PlanStep::status)
        .containsOnly(StepStatus.DONE);
    assertThat(step(winBack, INCENTIVE_OFFER).outcome())
        .hasValueSatisfying(o -> assertThat(o)
            .startsWith(
                "carried in the message of step " + step(winBack, THANK_YOU).index()));
  }

  @Test
  void oneMessageCountsAsOneContact() {
    WinBack winBack = engine(playbook());
    winBack.start(leftBecauseOf("c1", ExitCategory.PRICE).value(worth("120")).build());

    runDays(winBack, 12);

    assertThat(store.contactHistory("c1"))
        .extracting(c -> c.kind())
        .containsExactly(THANK_YOU, GRACEFUL_GOODBYE);
  }

  @Test
  void underAOneContactCapThePartsStillGoTogether() {
    ContactRules oneAWeek = ContactRules.builder()
        .from(ContactRules.defaults())
        .caps(List.of(FrequencyCap.of(1, Duration.ofDays(7))))
        .build();
    WinBack winBack = engine(playbook(oneAWeek, Duration.ofDays(2).plusHours(6), Channel.EMAIL));
    winBack.start(leftBecauseOf("c1", ExitCategory.PRICE).value(worth("120")).build());

    runDays(winBack, 3);

    assertThat(messages(host)).containsExactly(List.of(THANK_YOU, INCENTIVE_OFFER));
    assertThat(winBack.history("c1"))
        .extracting(JournalEvent::type)
        .doesNotContain(EventType.STEP_DELAYED);
  }

  @Test
  void underTheSameCapStepsSentAloneWouldWaitAWeek() {
    ContactRules oneAWeekEachAlone = ContactRules.builder()
        .from(ContactRules.defaults())
        .caps(List.of(FrequencyCap.of(1, Duration.ofDays(7))))
        .combineWithin(Duration.ZERO)
        .build();
    WinBack winBack =
        engine(playbook(oneAWeekEachAlone, Duration.ofDays(2).plusHours(6), Channel.EMAIL));
    winBack.start(leftBecauseOf("c1", ExitCategory.PRICE).value(worth("120")).build());

    runDays(winBack, 3);

    assertThat(messages(host)).containsExactly(List.of(THANK_YOU));
    assertThat(winBack.history("c1"))
        .extracting(JournalEvent::type)
        .contains(EventType.STEP_DELAYED);
  }

  @Test
  void withAZeroWindowEveryStepGoesAlone() {
    ContactRules alone = ContactRules.builder()
        .from(ContactRules.defaults())
        .combineWithin(Duration.ZERO)
        .build();
    WinBack winBack = engine(playbook(alone, Duration.ofDays(2).plusHours(6), Channel.EMAIL));
    winBack.start(leftBecauseOf("c1", ExitCategory.PRICE).value(worth("120")).build());

    runDays(winBack, 12);

    assertThat(messages(host))
        .containsExactly(List.of(THANK_YOU), List.of(INCENTIVE_OFFER), List.of(GRACEFUL_GOODBYE));
    assertThat(stepEvents(winBack)).containsOnly(EventType.STEP_DONE);
  }

  @Test
  void aStepDueAfterTheWindowGoesOnItsOwn() {
    WinBack winBack = engine(playbook(ContactRules.defaults(), Duration.ofDays(4), Channel.EMAIL));
    winBack.start(leftBecauseOf("c1", ExitCategory.PRICE).value(worth("120")).build());

    runDays(winBack, 12);

    assertThat(messages(host))
        .containsExactly(List.of(THANK_YOU), List.of(INCENTIVE_OFFER), List.of(GRACEFUL_GOODBYE));
  }

  @Test
  void aStepOnAnotherChannelIsNotCarried() {
    WinBack winBack =
        engine(playbook(ContactRules.defaults(), Duration.ofDays(2).plusHours(6), Channel.POST));
    winBack.start(leftBecauseOf("c1", ExitCategory.PRICE)
        .value(worth("120"))
        .addContactPoint(ContactPoint.of(Channel.POST, "1 Main Street", Consent.GRANTED))
        .build());

    runDays(winBack, 12);

    assertThat(messages(host))
        .containsExactly(List.of(THANK_YOU), List.of(INCENTIVE_OFFER), List.of(GRACEFUL_GOODBYE));
    assertThat(host.calls().get(1).step().channel()).isEqualTo(Channel.POST);
  }

  @Test
  void aPartItsOwnCheckRefusesStaysBehindAndIsJudgedAlone() {
    ContactPolicy noOffers = request -> request.kind() == INCENTIVE_OFFER
        ? new ContactDecision.Skip("no-offers", "this customer gets no offers")
        : ContactDecision.allow();
    WinBack winBack = engine(playbook(), noOffers);
    winBack.start(leftBecauseOf("c1", ExitCategory.PRICE).value(worth("120")).build());

    runDays(winBack, 12);

    assertThat(messages(host)).containsExactly(List.of(THANK_YOU), List.of(GRACEFUL_GOODBYE));
    assertThat(step(winBack, INCENTIVE_OFFER).status()).isEqualTo(StepStatus.SKIPPED);
  }

  @Test
  void aMessageThatFailsLeavesItsPartsToGoWithTheRetry() {
    AtomicInteger attempts = new AtomicInteger();
    host.answering(context -> context.step().kind() == THANK_YOU && attempts.incrementAndGet() == 1
        ? StepResult.failed("the mail server is down")
        : StepResult.sent("m-" + context.idempotencyKey()));
    WinBack winBack = engine(playbook());
    winBack.start(leftBecauseOf("c1", ExitCategory.PRICE).value(worth("120")).build());

    runDays(winBack, 12);

    assertThat(messages(host))
        .containsExactly(
            List.of(THANK_YOU, INCENTIVE_OFFER),
            List.of(THANK_YOU, INCENTIVE_OFFER),
            List.of(GRACEFUL_GOODBYE));
    assertThat(host.calls().get(0).idempotencyKey())
        .isEqualTo(host.calls().get(1).idempotencyKey());
    assertThat(stepEvents(winBack))
        .containsExactly(EventType.STEP_DONE, EventType.STEP_CARRIED, EventType.STEP_DONE);
  }

  @Test
  void partsCarriedWhileTheHostChangedThePlanDuringTheSendAreNotSentAgain() {
    AtomicReference<WinBack> engine = new AtomicReference<>();
    host.answering(context -> {
      if (context.parts().size() > 1) { // the plan changes while the message goes out
        engine.get().recordConsent("c1", Channel.SMS, Consent.GRANTED, "preference centre");
      }
      return StepResult.sent("m-" + context.idempotencyKey());
    });
    WinBack winBack = engine(playbook());
    engine.set(winBack);
    winBack.start(leftBecauseOf("c1", ExitCategory.PRICE).value(worth("120")).build());

    runDays(winBack, 12);

    assertThat(messages(host))
        .containsExactly(List.of(THANK_YOU, INCENTIVE_OFFER), List.of(GRACEFUL_GOODBYE));
    assertThat(stepEvents(winBack))
        .containsExactly(EventType.STEP_DONE, EventType.STEP_CARRIED, EventType.STEP_DONE);
  }

  @Test
  void aPlanWhoseLastStepsWentInOneMessageWhileThePlanChangedEnds() {
    Playbook lastTogether = Playbook.builder()
        .name("thanks-with-offer-last")
        .addRule(PlaybookRule.builder()
            .name("price")
            .when(RuleCondition.exitCategoryIn(ExitCategory.PRICE))
            .rationale("Ask, thank them with the offer inside, and nothing after")
            .addStep(StepTemplate.at(FEEDBACK_REQUEST, Duration.ZERO))
            .addStep(StepTemplate.at(THANK_YOU, Duration.ofDays(2)))
            .addStep(StepTemplate.builder()
                .kind(INCENTIVE_OFFER)
                .offset(Duration.ofDays(2).plusHours(6))
                .offer(OfferTerms.percentOff(20, Period.ofMonths(3)))
                .build())
            .build())
        .addAllRules(Playbook.standard().rules())
        .build();
    AtomicReference<WinBack> engine = new AtomicReference<>();
    host.answering(context -> {
      engine.get().recordConsent("c1", Channel.SMS, Consent.GRANTED, "preference centre");
      return StepResult.sent("m-" + context.idempotencyKey());
    });
    WinBack winBack = engine(lastTogether);
    engine.set(winBack);
    winBack.start(leftBecauseOf("c1", ExitCategory.PRICE).value(worth("120")).build());

    runDays(winBack, 4);

    assertThat(messages(host)).containsExactly(List.of(THANK_YOU, INCENTIVE_OFFER));
    assertThat(step(winBack, INCENTIVE_OFFER).status()).isEqualTo(StepStatus.DONE);
    assertThat(winBack.plan("c1").orElseThrow().status()).isEqualTo(PlanStatus.UNRESPONSIVE);
  }

  @Test
  void erasureRemovesTheHostsReferenceFromTheCarriedPartsAndKeepsWhatWasCarried() {
    host.answering(context -> StepResult.sent("queued for c1@example.com"));
    WinBack winBack = engine(playbook());
    winBack.start(leftBecauseOf("c1", ExitCategory.PRICE).value(worth("120")).build());
    runDays(winBack, 3);
    assertThat(winBack.export("c1")).contains("STEP_CARRIED");

    winBack.erase("c1");

    assertThat(StockStores.dump(store))
        .doesNotContain("c1@example.com")
        .contains("INCENTIVE_OFFER step carried (detail removed at erasure)");
  }

  @Test
  void aWindowLongerThanAMonthIsRefused() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ContactRules.builder()
            .from(ContactRules.defaults())
            .combineWithin(Duration.ofDays(32))
            .build())
        .hasMessageContaining("combineWithin");
  }
}
