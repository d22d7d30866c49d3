package dev.winback.privacy;

import static dev.winback.testing.Customers.LOST_AT;
import static dev.winback.testing.Customers.lost;
import static org.assertj.core.api.Assertions.assertThat;

import dev.winback.ManualClock;
import dev.winback.WinBack;
import dev.winback.model.Channel;
import dev.winback.model.Consent;
import dev.winback.model.ContactPurpose;
import dev.winback.model.EventType;
import dev.winback.model.ExitTerms;
import dev.winback.model.JournalEvent;
import dev.winback.model.Playbook;
import dev.winback.model.StepKind;
import dev.winback.spi.StepContext;
import dev.winback.testing.Recorder;
import java.time.Duration;
import java.time.Period;
import org.junit.jupiter.api.Test;

class ConsentAndExitTermsTest {
  private final ManualClock clock = ManualClock.at(LOST_AT);
  private final Recorder host = new Recorder();

  private WinBack engine(Playbook playbook) {
    return WinBack.builder()
        .clock(clock)
        .playbook(playbook)
        .feedback(host)
        .apology(host)
        .incentives(host)
        .reEngagement(host)
        .build();
  }

  @Test
  void aConsentChangeIsJournaledWithItsTimeAndSourceAndHonoured() {
    WinBack winBack = engine(Playbook.standard());
    winBack.start(lost("c1").build());
    clock.advance(Duration.ofHours(1));

    winBack.recordConsent("c1", Channel.EMAIL, Consent.WITHDRAWN, "preference centre");
    clock.advance(Duration.ofDays(100));
    winBack.runDue();

    JournalEvent change = winBack.history("c1").stream()
        .filter(e -> e.type() == EventType.CONSENT_CHANGED)
        .findFirst()
        .orElseThrow();
    assertThat(change.at()).isEqualTo(LOST_AT.plus(Duration.ofHours(1)));
    assertThat(change.detail())
        .isEqualTo(
            "EMAIL consent for every purpose: GRANTED -> WITHDRAWN, source: preference centre");
    assertThat(host.calls()).isEmpty();
  }

  @Test
  void aConsentForOnePurposeChangesOnlyThatPurpose() {
    WinBack winBack = engine(Playbook.standard());
    winBack.start(lost("c1").build());

    winBack.recordConsent("c1", Channel.EMAIL, ContactPurpose.MARKETING, Consent.DENIED, "survey");

    var customer = winBack.plan("c1").orElseThrow().customer();
    assertThat(customer.consentsTo(Channel.EMAIL, ContactPurpose.SERVICE)).isTrue();
    assertThat(customer.consentsTo(Channel.EMAIL, ContactPurpose.MARKETING)).isFalse();
  }

  @Test
  void anOptOutIsJournaledAsAConsentChange() {
    WinBack winBack = engine(Playbook.standard());
    winBack.start(lost("c1").build());

    winBack.optOut("c1");

    assertThat(winBack.history("c1")).anySatisfy(e -> {
      assertThat(e.type()).isEqualTo(EventType.CONSENT_CHANGED);
      assertThat(e.detail()).contains("source: opt-out");
    });
  }

  @Test
  void theGoodbyeStepIsToldWhatTheCustomerKeeps() {
    ExitTerms terms = ExitTerms.builder()
        .dataRetention(Period.ofYears(3))
        .guestAccess(true)
        .addKeep("your family tree")
        .comeBackLink("https://example.com/welcome-back")
        .build();
    WinBack winBack =
        engine(Playbook.builder().from(Playbook.standard()).exitTerms(terms).build());
    winBack.start(lost("c1").build());

    clock.advance(Duration.ofDays(4));
    winBack.runDue();

    StepContext goodbye = host.calls().stream()
        .filter(c -> c.step().kind() == StepKind.GRACEFUL_GOODBYE)
        .findFirst()
        .orElseThrow();
    assertThat(goodbye.exitTerms()).isEqualTo(terms);
  }

  @Test
  void aCustomersOwnExitTermsWin() {
    ExitTerms own = ExitTerms.builder().guestAccess(false).build();
    WinBack winBack = engine(Playbook.standard());
    winBack.start(lost("c1").exitTerms(own).build());

    clock.advance(Duration.ofDays(4));
    winBack.runDue();

    assertThat(host.calls())
        .filteredOn(c -> c.step().kind() == StepKind.GRACEFUL_GOODBYE)
        .singleElement()
        .satisfies(c -> assertThat(c.exitTerms().guestAccess()).isFalse());
  }
}
