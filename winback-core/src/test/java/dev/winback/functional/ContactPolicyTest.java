package dev.winback.functional;

import static dev.winback.testing.Customers.LOST_AT;
import static dev.winback.testing.Customers.leftBecauseOf;
import static dev.winback.testing.Customers.lost;
import static dev.winback.testing.Customers.worth;
import static org.assertj.core.api.Assertions.assertThat;

import dev.winback.ManualClock;
import dev.winback.WinBack;
import dev.winback.WinBackBuilder;
import dev.winback.model.Channel;
import dev.winback.model.Consent;
import dev.winback.model.ContactPoint;
import dev.winback.model.ContactPurpose;
import dev.winback.model.ContactRules;
import dev.winback.model.DailyWindow;
import dev.winback.model.EventType;
import dev.winback.model.ExitCategory;
import dev.winback.model.FrequencyCap;
import dev.winback.model.JournalEvent;
import dev.winback.model.PlanStatus;
import dev.winback.model.PlanStep;
import dev.winback.model.Playbook;
import dev.winback.model.StepKind;
import dev.winback.model.StepStatus;
import dev.winback.model.Suppression;
import dev.winback.model.WinBackPlan;
import dev.winback.spi.ContactDecision;
import dev.winback.spi.ContactPolicy;
import dev.winback.spi.StepContext;
import dev.winback.spi.StepResult;
import dev.winback.testing.Recorder;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The contact policy: never the wrong message, at the wrong time, to the wrong person. */
class ContactPolicyTest {
  private final ManualClock clock = ManualClock.at(LOST_AT);
  private final Recorder host = new Recorder();

  private WinBackBuilder wired() {
    return WinBack.builder()
        .clock(clock)
        .feedback(host)
        .apology(host)
        .incentives(host)
        .reEngagement(host);
  }

  private final WinBack winBack = wired().build();

  private void runFor(Duration total, Duration step) {
    Instant end = clock.instant().plus(total);
    while (clock.instant().isBefore(end)) {
      winBack.runDue();
      clock.advance(step);
    }
  }

  private List<JournalEvent> events(String customerId, EventType type) {
    return winBack.history(customerId).stream().filter(e -> e.type() == type).toList();
  }

  @Test
  void neverContactsSomeoneOnTheSuppressionListEvenUnderANewCustomerId() {
    winBack.start(lost("c1").build());
    winBack.optOut("c1");

    WinBackPlan again = winBack.start(lost("other-id")
        .contactPoints(List.of(ContactPoint.of(Channel.EMAIL, "C1@Example.COM", Consent.GRANTED)))
        .build());
    runFor(Duration.ofDays(120), Duration.ofHours(6));

    assertThat(again.status()).isEqualTo(PlanStatus.SUPPRESSED);
    assertThat(again.rationale()).contains("suppression-list").contains("DO_NOT_CONTACT");
    assertThat(host.calls()).isEmpty();
  }

  @Test
  void reroutesToTheNextConsentedChannelTheCustomerPrefers() {
    WinBackPlan plan = winBack.start(leftBecauseOf("c1", ExitCategory.PRICE)
        .value(worth("120"))
        .contactPoints(List.of(
            ContactPoint.builder()
                .channel(Channel.EMAIL)
                .address("c1@example.com")
                .consent(Consent.GRANTED)
                .putPurposeConsent(ContactPurpose.MARKETING, Consent.DENIED)
                .build(),
            ContactPoint.of(Channel.POST, "1 Main Street", Consent.GRANTED)))
        .preferredChannel(Channel.EMAIL)
        .build());

    PlanStep incentive = plan.steps().stream()
        .filter(s -> s.kind() == StepKind.INCENTIVE_OFFER)
        .findFirst()
        .orElseThrow();
    PlanStep feedback = plan.step(0);
    assertThat(feedback.channel()).isEqualTo(Channel.EMAIL);
    assertThat(incentive.channel()).isEqualTo(Channel.POST);
    assertThat(events("c1", EventType.STEP_REROUTED)).anySatisfy(e -> {
      assertThat(e.stepKind()).contains(StepKind.INCENTIVE_OFFER);
      assertThat(e.detail())
          .contains("rerouted to POST by rule consent")
          .contains("no MARKETING consent on EMAIL");
    });
  }

  @Test
  void skipsAStepWithTheReasonWhenNoChannelHasConsentForItsPurpose() {
    WinBackPlan plan = winBack.start(leftBecauseOf("c1", ExitCategory.PRICE)
        .value(worth("120"))
        .contactPoints(List.of(ContactPoint.builder()
            .channel(Channel.EMAIL)
            .address("c1@example.com")
            .consent(Consent.GRANTED)
            .putPurposeConsent(ContactPurpose.MARKETING, Consent.WITHDRAWN)
            .build()))
        .build());

    assertThat(plan.steps())
        .filteredOn(s -> s.kind() == StepKind.INCENTIVE_OFFER)
        .singleElement()
        .satisfies(s -> {
          assertThat(s.status()).isEqualTo(StepStatus.SKIPPED);
          assertThat(s.outcome())
              .hasValueSatisfying(o -> assertThat(o)
                  .contains("rule consent")
                  .contains("no channel with consent for MARKETING contact"));
        });
    runFor(Duration.ofDays(120), Duration.ofHours(6));
    assertThat(host.calls()).noneMatch(c -> c.step().kind() == StepKind.INCENTIVE_OFFER);
  }

  @Test
  void reachesThoseWhoLeftOverTooManyMessagesOnlyOnTheirPreferredChannelAndOnceAMonth() {
    winBack.start(leftBecauseOf("c1", ExitCategory.PRICE)
        .addExitReason(dev.winback.model.ExitReason.of(
            ExitCategory.TOO_MANY_MESSAGES, dev.winback.model.ReasonSource.SURVEY, LOST_AT))
        .addContactPoint(ContactPoint.of(Channel.SMS, "+49 170 1234567", Consent.GRANTED))
        .preferredChannel(Channel.SMS)
        .value(worth("120"))
        .build());

    runFor(Duration.ofDays(180), Duration.ofHours(3));

    assertThat(host.calls())
        .isNotEmpty()
        .allSatisfy(c -> assertThat(c.step().channel()).isEqualTo(Channel.SMS));
    for (int i = 1; i < host.calls().size(); i++) {
      assertThat(Duration.between(
              host.calls().get(i - 1).now(), host.calls().get(i).now()))
          .isGreaterThanOrEqualTo(Duration.ofDays(30));
    }
    // the reason that restricts contact chooses the plan, although it is not their first
    assertThat(winBack.plan("c1").orElseThrow().rule()).isEqualTo("left-over-too-many-messages");
  }

  @Test
  void delaysAStepThatWouldBreakTheFrequencyCapAcrossPlans() {
    Playbook strict = Playbook.builder()
        .from(Playbook.standard())
        .contactRules(ContactRules.builder()
            .caps(List.of(FrequencyCap.of(1, Duration.ofDays(10))))
            .build())
        .build();
    WinBack capped = wired().playbook(strict).build();
    WinBackPlan plan = capped.start(lost("c1").build());

    List<Instant> dues = plan.steps().stream().map(PlanStep::dueAt).toList();
    for (int i = 1; i < dues.size(); i++) {
      assertThat(Duration.between(dues.get(i - 1), dues.get(i)))
          .isGreaterThanOrEqualTo(Duration.ofDays(10));
    }
    assertThat(capped.history("c1")).anySatisfy(e -> {
      assertThat(e.type()).isEqualTo(EventType.STEP_DELAYED);
      assertThat(e.detail()).contains("frequency-cap(1 contact per 10 days)");
    });
  }

  @Test
  void movesACallInQuietHoursToEightInTheMorningInTheCustomersTimeZone() {
    ZoneId tokyo = ZoneId.of("Asia/Tokyo");
    clock.set(Instant.parse("2026-03-02T14:30:00Z")); // 23:30 in Tokyo
    WinBackPlan plan = winBack.start(lost("c1")
        .lostAt(clock.instant())
        .timeZone(tokyo)
        .contactPoints(List.of(ContactPoint.of(Channel.PHONE, "+81 3 1234 5678", Consent.GRANTED)))
        .build());

    Instant due = plan.step(0).dueAt();
    assertThat(due.atZone(tokyo).toLocalTime()).isEqualTo(LocalTime.of(8, 0));
    assertThat(due).isEqualTo(Instant.parse("2026-03-02T23:00:00Z"));
    assertThat(plan.step(0).status()).isEqualTo(StepStatus.PENDING);
    assertThat(events("c1", EventType.STEP_DELAYED))
        .first()
        .satisfies(e -> assertThat(e.detail())
            .contains("quiet-hours(PHONE 08:00-21:00)")
            .contains("Asia/Tokyo"));
  }

  @Test
  void aStepThatFallsDueInQuietHoursIsMovedNotDropped() {
    winBack.start(lost("c1")
        .timeZone(ZoneId.of("America/Los_Angeles"))
        .contactPoints(List.of(ContactPoint.of(Channel.SMS, "+1 415 555 0100", Consent.GRANTED)))
        .build());
    clock.set(Instant.parse("2026-03-03T06:00:00Z")); // 22:00 the evening before in Los Angeles

    winBack.runDue();
    clock.set(Instant.parse("2026-03-03T16:00:00Z")); // 08:00 in Los Angeles
    winBack.runDue();

    assertThat(host.calls())
        .singleElement()
        .satisfies(
            c -> assertThat(c.now().atZone(ZoneId.of("America/Los_Angeles")).toLocalTime())
                .isEqualTo(LocalTime.of(8, 0)));
  }

  @Test
  void quietHoursFollowTheDaylightSavingChange() {
    ZoneId berlin = ZoneId.of("Europe/Berlin");
    // 2026-03-29: clocks in Berlin go from 02:00 to 03:00; 06:30 UTC is 08:30 summer time, 07:30
    // winter time
    clock.set(Instant.parse("2026-03-29T05:30:00Z"));
    WinBackPlan plan = winBack.start(lost("c1")
        .lostAt(clock.instant())
        .timeZone(berlin)
        .contactPoints(List.of(ContactPoint.of(Channel.PHONE, "+49 30 1234567", Consent.GRANTED)))
        .build());

    assertThat(plan.step(0).dueAt()).isEqualTo(Instant.parse("2026-03-29T06:00:00Z"));
    assertThat(plan.step(0).dueAt().atZone(berlin).toLocalTime()).isEqualTo(LocalTime.of(8, 0));
  }

  @Test
  void quietHoursAreConfigurablePerPlaybook() {
    Playbook lateRisers = Playbook.builder()
        .from(Playbook.standard())
        .contactRules(ContactRules.builder()
            .allowedHours(
                Map.of(Channel.EMAIL, DailyWindow.of(LocalTime.of(10, 0), LocalTime.of(16, 0))))
            .build())
        .build();

    WinBackPlan plan =
        wired().playbook(lateRisers).build().preview(lost("c1").build()); // lost at 09:00 UTC

    assertThat(plan.step(0).dueAt()).isEqualTo(LOST_AT.plus(Duration.ofHours(1)));
  }

  @Test
  void anOptOutCancelsAStepDueInTheSameBatch() {
    WinBack optingOut = wired().build();
    host.answering(context -> {
      if (context.step().kind() == StepKind.APOLOGY) {
        optingOut.optOut(context.customer().id()); // the customer answers the apology by opting out
      }
      return StepResult.sent();
    });
    optingOut.start(leftBecauseOf("c1", ExitCategory.SERVICE_FAILURE).build());
    clock.advance(Duration.ofDays(2)); // apology and feedback request are both due now

    optingOut.runDue();

    assertThat(host.calls()).extracting(c -> c.step().kind()).containsExactly(StepKind.APOLOGY);
    assertThat(optingOut.plan("c1").orElseThrow().step(1).status()).isEqualTo(StepStatus.CANCELLED);
  }

  @Test
  void aHostPolicyCanOnlyRestrictFurther() {
    ContactPolicy noLettersOnSundays =
        request -> request.channel() == Channel.EMAIL && request.kind() == StepKind.GRACEFUL_GOODBYE
            ? new ContactDecision.Skip("host:no-goodbye-mails", "goodbyes go by post here")
            : ContactDecision.allow();
    WinBack hosted = wired().contactPolicy(noLettersOnSundays).build();

    WinBackPlan plan = hosted.start(lost("c1").build());

    assertThat(plan.steps())
        .filteredOn(s -> s.kind() == StepKind.GRACEFUL_GOODBYE)
        .singleElement()
        .satisfies(s -> assertThat(s.outcome())
            .hasValueSatisfying(o -> assertThat(o).contains("host:no-goodbye-mails")));
  }

  @Test
  void aCustomerWhoseConsentIsWithdrawnAfterPlanningIsNotContacted() {
    winBack.start(lost("c1").build());
    winBack.suppress("c1", Suppression.LEGAL_HOLD);

    runFor(Duration.ofDays(10), Duration.ofHours(6));

    assertThat(host.calls()).isEmpty();
    assertThat(events("c1", EventType.PLAN_ENDED))
        .singleElement()
        .satisfies(e -> assertThat(e.detail()).contains("LEGAL_HOLD"));
  }

  @Test
  void everyStrategyCallHappensInsideTheAllowedHours() {
    for (int i = 0; i < 20; i++) {
      winBack.start(lost("c" + i)
          .timeZone(ZoneId.of(i % 2 == 0 ? "Pacific/Auckland" : "America/Denver"))
          .contactPoints(
              List.of(ContactPoint.of(Channel.PHONE, "+1 303 555 01" + (10 + i), Consent.GRANTED)))
          .build());
    }

    runFor(Duration.ofDays(100), Duration.ofMinutes(97));

    assertThat(host.calls()).isNotEmpty().allSatisfy(c -> {
      LocalTime local = c.now().atZone(c.customer().timeZone().orElseThrow()).toLocalTime();
      assertThat(local).isBetween(LocalTime.of(8, 0), LocalTime.of(20, 59, 59));
    });
    assertThat(host.calls()).extracting(StepContext::customer).isNotEmpty();
  }
}
