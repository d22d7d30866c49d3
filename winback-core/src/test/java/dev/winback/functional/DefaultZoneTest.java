package dev.winback.functional;

import static dev.winback.testing.Customers.lost;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.winback.ConfigurationException;
import dev.winback.ContactPreview;
import dev.winback.ManualClock;
import dev.winback.WinBack;
import dev.winback.WinBackBuilder;
import dev.winback.model.Channel;
import dev.winback.model.Consent;
import dev.winback.model.ContactPoint;
import dev.winback.model.ContactRules;
import dev.winback.model.EventType;
import dev.winback.model.JournalEvent;
import dev.winback.model.LostCustomer;
import dev.winback.model.NewArrangement;
import dev.winback.model.PlanStep;
import dev.winback.model.StepKind;
import dev.winback.model.WinBackPlan;
import dev.winback.spi.ContactPolicy;
import dev.winback.spi.StepContext;
import dev.winback.spi.SuppressionList;
import dev.winback.testing.CapturedLog;
import dev.winback.testing.Recorder;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Customers without a time zone are timed in the business's default zone, and every delay names the zone that
 * decided it and whose it was.
 */
class DefaultZoneTest {
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private final Recorder host = new Recorder();

  private WinBackBuilder wired(ManualClock clock) {
    return WinBack.builder()
        .clock(clock)
        .feedback(host)
        .apology(host)
        .incentives(host)
        .reEngagement(host);
  }

  private static LostCustomer withoutZone(
      String id, Channel channel, String address, Instant lostAt) {
    return lost(id)
        .contactPoints(List.of(ContactPoint.of(channel, address, Consent.GRANTED)))
        .lostAt(lostAt)
        .build();
  }

  private static List<String> delays(WinBack winBack, String customerId) {
    return winBack.history(customerId).stream()
        .filter(e -> e.type() == EventType.STEP_DELAYED)
        .map(JournalEvent::detail)
        .toList();
  }

  @Test
  void aRunAt2330UtcSendsToAnAmericanCustomerWithoutAZoneWhenTheDefaultZoneIsTheirs() {
    Instant lateInUtc = Instant.parse("2026-03-02T23:30:00Z");
    ManualClock clock = ManualClock.at(lateInUtc);
    WinBack winBack = wired(clock).defaultZone(NEW_YORK).build();

    winBack.start(withoutZone("us", Channel.EMAIL, "us@example.com", lateInUtc));
    winBack.runDue();

    assertThat(host.calls())
        .singleElement()
        .satisfies(call -> assertThat(call.now()).isEqualTo(lateInUtc));
    assertThat(delays(winBack, "us")).isEmpty();
  }

  @Test
  void aCallToAnAmericanCustomerWithoutAZoneWaitsForTheMorningInTheDefaultZone() {
    Instant nineInTheEveningInNewYork = Instant.parse("2026-03-02T02:00:00Z");
    ManualClock clock = ManualClock.at(nineInTheEveningInNewYork);
    WinBack winBack = wired(clock).defaultZone(NEW_YORK).build();

    WinBackPlan plan = winBack.start(
        withoutZone("us", Channel.PHONE, "+1 201-555-0123", nineInTheEveningInNewYork));

    PlanStep first = plan.step(0);
    assertThat(first.channel()).isEqualTo(Channel.PHONE);
    assertThat(first.dueAt().atZone(NEW_YORK).toLocalDateTime())
        .isEqualTo(LocalDate.of(2026, 3, 2).atTime(8, 0));
    assertThat(delays(winBack, "us"))
        .isNotEmpty()
        .allSatisfy(delay -> assertThat(delay)
            .contains("quiet-hours(PHONE 08:00-21:00)")
            .contains("America/New_York (the default zone; the customer has none)"));
  }

  @Test
  void theJournalNamesTheCustomersOwnZoneWhenTheyHaveOne() {
    Instant nineInTheEveningInNewYork = Instant.parse("2026-03-02T02:00:00Z");
    ManualClock clock = ManualClock.at(nineInTheEveningInNewYork);
    WinBack winBack = wired(clock).defaultZone(NEW_YORK).build();

    winBack.start(lost("berlin")
        .contactPoints(List.of(ContactPoint.of(Channel.PHONE, "+49 30 1234567", Consent.GRANTED)))
        .timeZone(ZoneId.of("Europe/Berlin"))
        .lostAt(nineInTheEveningInNewYork)
        .build());

    assertThat(delays(winBack, "berlin"))
        .isNotEmpty()
        .allSatisfy(delay -> assertThat(delay)
            .contains("Europe/Berlin (the customer's time zone)")
            .doesNotContain("America/New_York"));
  }

  @Test
  void withoutADefaultZoneTheJournalSaysTheCustomerWasTimedInUtc() {
    Instant lateInUtc = Instant.parse("2026-03-02T23:30:00Z");
    WinBack winBack = wired(ManualClock.at(lateInUtc)).build();

    winBack.start(withoutZone("us", Channel.EMAIL, "us@example.com", lateInUtc));
    winBack.runDue();

    assertThat(host.calls()).isEmpty();
    assertThat(delays(winBack, "us"))
        .isNotEmpty()
        .allSatisfy(delay -> assertThat(delay)
            .contains(
                "EMAIL only from 07:00 to 22:00 in UTC (the default zone; the customer has none)"));
  }

  @Test
  void aSecondChanceAskBeforeAContractEndIsTimedInTheDefaultZone() {
    Instant lostAt = Instant.parse("2026-03-02T15:00:00Z");
    WinBack winBack = wired(ManualClock.at(lostAt)).defaultZone(NEW_YORK).build();

    WinBackPlan plan = winBack.start(lost("us")
        .lostAt(lostAt)
        .newArrangement(NewArrangement.builder()
            .competitor("Rival")
            .contractEnds(LocalDate.of(2026, 9, 30))
            .build())
        .build());

    PlanStep ask = plan.steps().stream()
        .filter(s -> s.kind() == StepKind.SECOND_CHANCE_ASK)
        .findFirst()
        .orElseThrow();
    assertThat(ask.dueAt().atZone(NEW_YORK).toLocalTime()).hasHour(10).hasMinute(0);
  }

  @Test
  void buildingWithoutADefaultZoneWarnsThatCustomersWithoutOneAreTimedInUtc() throws Exception {
    ManualClock clock = ManualClock.at(Instant.parse("2026-03-02T12:00:00Z"));

    String without = CapturedLog.during(() -> wired(clock).build());
    String with = CapturedLog.during(() -> wired(clock).defaultZone(NEW_YORK).build());

    assertThat(without).contains("WARN").contains("No default time zone").contains("defaultZone(");
    assertThat(with).doesNotContain("No default time zone");
  }

  @Test
  void theDefaultZoneAndRegionAreSetOnceAndTheRegionMustBeKnown() {
    assertThatThrownBy(() -> WinBack.builder().defaultZone(NEW_YORK).defaultZone(NEW_YORK))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("default zone is already set");
    assertThatThrownBy(() -> WinBack.builder().defaultRegion("US").defaultRegion("GB"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("default region is already set");
    assertThatThrownBy(() -> WinBack.builder().defaultRegion("XX"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("XX");
  }

  @Test
  void aContactPreviewTimesCustomersWithoutAZoneInItsDefaultZone() {
    Instant lateInUtc = Instant.parse("2026-03-02T23:30:00Z");
    ContactPreview utc = ContactPreview.of(
        ContactPolicy.standard(),
        ContactRules.defaults(),
        SuppressionList.inMemory(),
        id -> List.of());
    LostCustomer us = withoutZone("us", Channel.EMAIL, "us@example.com", lateInUtc);

    ContactPreview.Outcome inUtc =
        utc.preview(us, "p", StepKind.FEEDBACK_REQUEST, Channel.EMAIL, lateInUtc);
    ContactPreview.Outcome inNewYork = utc.withDefaultZone(NEW_YORK)
        .preview(us, "p", StepKind.FEEDBACK_REQUEST, Channel.EMAIL, lateInUtc);

    assertThat(inUtc.at()).isAfter(lateInUtc);
    assertThat(inNewYork.at()).isEqualTo(lateInUtc);
    assertThat(inNewYork.changes()).isEmpty();
  }

  @Test
  void aStrategySeesTheCustomerWithoutAZoneAsTheHostGaveThem() {
    Instant lateInUtc = Instant.parse("2026-03-02T23:30:00Z");
    WinBack winBack = wired(ManualClock.at(lateInUtc)).defaultZone(NEW_YORK).build();

    winBack.start(withoutZone("us", Channel.EMAIL, "us@example.com", lateInUtc));
    winBack.runDue();

    assertThat(host.calls())
        .extracting(StepContext::customer)
        .allSatisfy(c -> assertThat(c.timeZone()).isEmpty());
  }
}
