package dev.winback;

import static dev.winback.testing.Customers.LOST_AT;
import static dev.winback.testing.Customers.lost;
import static org.assertj.core.api.Assertions.assertThat;

import dev.winback.model.Channel;
import dev.winback.model.ChurnSignal;
import dev.winback.model.Consent;
import dev.winback.model.ContactPoint;
import dev.winback.model.ContactRules;
import dev.winback.model.LostCustomer;
import dev.winback.model.StepKind;
import dev.winback.model.Suppression;
import dev.winback.spi.ContactDecision;
import dev.winback.spi.ContactPolicy;
import dev.winback.spi.ContactRecord;
import dev.winback.spi.SuppressionList;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContactPreviewTest {
  private static final Instant NOW = LOST_AT; // 09:00 UTC

  private static ContactPreview standard(
      SuppressionList suppressions, Map<String, List<ContactRecord>> history) {
    return ContactPreview.of(
        ContactPolicy.standard(),
        ContactRules.defaults(),
        suppressions,
        id -> history.getOrDefault(id, List.of()));
  }

  private static ContactPreview standard() {
    return standard(SuppressionList.inMemory(), Map.of());
  }

  @Test
  void aContactThatBreaksNoRuleIsAllowedOnItsChannelAtItsTime() {
    ContactPreview.Outcome outcome = standard()
        .preview(lost("ann").build(), "preview:ann", StepKind.FOLLOW_UP, Channel.EMAIL, NOW);

    assertThat(outcome.allowed()).isTrue();
    assertThat(outcome.channel()).isEqualTo(Channel.EMAIL);
    assertThat(outcome.at()).isEqualTo(NOW);
    assertThat(outcome.changes()).isEmpty();
  }

  @Test
  void aContactInQuietHoursIsDelayedToWhenTheCustomersMorningBegins() {
    LostCustomer tokyo = lost("ken").timeZone(ZoneId.of("Asia/Tokyo")).build();
    Instant lateEvening = Instant.parse("2026-03-02T14:00:00Z"); // 23:00 in Tokyo

    ContactPreview.Outcome outcome =
        standard().preview(tokyo, "preview:ken", StepKind.FOLLOW_UP, Channel.EMAIL, lateEvening);

    assertThat(outcome.allowed()).isTrue();
    assertThat(outcome.at()).isEqualTo(Instant.parse("2026-03-02T22:00:00Z")); // 07:00 in Tokyo
    assertThat(outcome.changes())
        .singleElement()
        .isInstanceOfSatisfying(
            ContactDecision.Delay.class,
            delay -> assertThat(delay.rule()).isEqualTo("quiet-hours(EMAIL 07:00-22:00)"));
  }

  @Test
  void aContactBeyondTheFrequencyCapWaitsUntilTheOldestContactLeavesTheWindow() {
    List<ContactRecord> threeThisWeek = List.of(
        new ContactRecord(
            NOW.minus(Duration.ofDays(3)), Channel.EMAIL, StepKind.RE_ENGAGEMENT, "x"),
        new ContactRecord(
            NOW.minus(Duration.ofDays(2)), Channel.EMAIL, StepKind.RE_ENGAGEMENT, "x"),
        new ContactRecord(
            NOW.minus(Duration.ofDays(1)), Channel.EMAIL, StepKind.RE_ENGAGEMENT, "x"));
    ContactPreview preview = standard(SuppressionList.inMemory(), Map.of("busy", threeThisWeek));

    ContactPreview.Outcome busy =
        preview.preview(lost("busy").build(), "p", StepKind.FOLLOW_UP, Channel.EMAIL, NOW);
    ContactPreview.Outcome quiet =
        preview.preview(lost("quiet").build(), "p", StepKind.FOLLOW_UP, Channel.EMAIL, NOW);

    assertThat(busy.at()).isEqualTo(NOW.minus(Duration.ofDays(3)).plus(Duration.ofDays(7)));
    assertThat(busy.changes())
        .singleElement()
        .extracting(ContactPreview::explain)
        .asString()
        .startsWith("delayed to " + busy.at() + " by rule frequency-cap(3 contacts per 7 days)");
    assertThat(quiet.at()).isEqualTo(NOW);
  }

  @Test
  void aChannelWithoutConsentIsReroutedToTheNextConsentedOne() {
    ContactPreview.Outcome outcome = standard()
        .preview(lost("cy").build(), "preview:cy", StepKind.FOLLOW_UP, Channel.PHONE, NOW);

    assertThat(outcome.allowed()).isTrue();
    assertThat(outcome.channel()).isEqualTo(Channel.EMAIL);
    assertThat(outcome.changes())
        .singleElement()
        .isInstanceOfSatisfying(
            ContactDecision.Reroute.class,
            reroute -> assertThat(reroute.rule()).isEqualTo("consent"));
  }

  @Test
  void aCustomerOnTheSuppressionListIsStoppedAndTheRuleIsNamed() {
    SuppressionList suppressions = SuppressionList.inMemory();
    LostCustomer dee = lost("dee").build();
    suppressions.add(dee, Suppression.DO_NOT_CONTACT);

    ContactPreview.Outcome outcome = standard(suppressions, Map.of())
        .preview(dee, "preview:dee", StepKind.THANK_YOU, Channel.EMAIL, NOW);

    assertThat(outcome.allowed()).isFalse();
    assertThat(outcome.stop()).get().isInstanceOf(ContactDecision.Suppress.class);
    assertThat(ContactPreview.explain(outcome.stop().get()))
        .startsWith("suppressed by rule suppression-list: ");
  }

  @Test
  void aHostPolicyIsAppliedAsGiven() {
    ContactPolicy noCalls = request -> request.channel() == Channel.PHONE
        ? new ContactDecision.Skip("no-calls", "we do not call")
        : ContactDecision.allow();
    ContactPreview preview = ContactPreview.of(
        noCalls, ContactRules.defaults(), SuppressionList.inMemory(), id -> List.of());

    ContactPreview.Outcome outcome =
        preview.preview(lost("eve").build(), "p", StepKind.APOLOGY, Channel.PHONE, NOW);

    assertThat(outcome.stop())
        .get()
        .extracting(ContactPreview::explain)
        .isEqualTo("skipped by rule no-calls: we do not call");
  }

  @Test
  void theChannelIsThePreferredOneWithConsentElseTheFirstConsentedContactPoint() {
    LostCustomer prefersSms = lost("fay")
        .addContactPoint(ContactPoint.of(Channel.SMS, "+4915112345678", Consent.GRANTED))
        .preferredChannel(Channel.SMS)
        .build();
    LostCustomer prefersUnconsentedPhone = lost("gus")
        .addContactPoint(ContactPoint.of(Channel.PHONE, "+4915112345679", Consent.UNKNOWN))
        .preferredChannel(Channel.PHONE)
        .build();
    LostCustomer noConsent = LostCustomer.builder()
        .id("hal")
        .displayName("Hal")
        .lostAt(NOW)
        .churnSignal(ChurnSignal.OTHER)
        .addContactPoint(ContactPoint.of(Channel.EMAIL, "hal@example.com", Consent.UNKNOWN))
        .build();

    assertThat(ContactPreview.channelFor(prefersSms, StepKind.FOLLOW_UP)).contains(Channel.SMS);
    assertThat(ContactPreview.channelFor(prefersUnconsentedPhone, StepKind.FOLLOW_UP))
        .contains(Channel.EMAIL);
    assertThat(ContactPreview.channelFor(noConsent, StepKind.FOLLOW_UP)).isEmpty();
  }

  @Test
  void aGoodbyeIsNeverPlannedAsACall() {
    LostCustomer prefersCalls = lost("ivy")
        .addContactPoint(ContactPoint.of(Channel.PHONE, "+4915112345670", Consent.GRANTED))
        .preferredChannel(Channel.PHONE)
        .build();

    assertThat(ContactPreview.channelFor(prefersCalls, StepKind.FOLLOW_UP)).contains(Channel.PHONE);
    assertThat(ContactPreview.channelFor(prefersCalls, StepKind.GRACEFUL_GOODBYE))
        .contains(Channel.EMAIL);
  }
}
