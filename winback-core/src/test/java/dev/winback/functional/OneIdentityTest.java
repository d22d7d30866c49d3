package dev.winback.functional;

import static dev.winback.testing.Customers.lost;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.winback.ManualClock;
import dev.winback.WinBack;
import dev.winback.WinBackBuilder;
import dev.winback.model.Channel;
import dev.winback.model.Consent;
import dev.winback.model.ContactPoint;
import dev.winback.model.LostCustomer;
import dev.winback.model.PlanStatus;
import dev.winback.model.WinBackPlan;
import dev.winback.testing.Customers;
import dev.winback.testing.Recorder;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One person, one identity: an opt-out or an erasure holds for the same address however the host spells it next
 * time, under any customer id.
 */
class OneIdentityTest {
  private final ManualClock clock = ManualClock.at(Customers.LOST_AT);
  private final Recorder host = new Recorder();

  private WinBackBuilder wired() {
    return WinBack.builder()
        .clock(clock)
        .feedback(host)
        .apology(host)
        .incentives(host)
        .reEngagement(host);
  }

  private static LostCustomer customer(String id, Channel channel, String address, Locale locale) {
    return lost(id)
        .contactPoints(List.of(ContactPoint.of(channel, address, Consent.GRANTED)))
        .locale(locale)
        .build();
  }

  private static LostCustomer customer(String id, Channel channel, String address) {
    return customer(id, channel, address, Locale.ENGLISH);
  }

  /** Pairs of spellings of one address: the first one is opted out or erased, the second comes back. */
  static Stream<Arguments> spellings() {
    return Stream.of(
        Arguments.of("national phone format", Channel.PHONE, "+44 20 7946 0000", "020 7946 0000"),
        Arguments.of(
            "trunk prefix in brackets", Channel.PHONE, "+44 20 7946 0000", "+44 (0)20 7946 0000"),
        Arguments.of(
            "00 international prefix", Channel.PHONE, "+44 20 7946 0000", "0044 20 7946 0000"),
        Arguments.of("national format first", Channel.PHONE, "020 7946 0000", "+44 20 7946 0000"),
        Arguments.of(
            "Unicode NFC and NFD", Channel.EMAIL, "zo\u00eb@example.com", "zoe\u0308@example.com"),
        Arguments.of(
            "Unicode NFD and NFC", Channel.EMAIL, "zoe\u0308@example.com", "Zo\u00eb@Example.com"),
        Arguments.of(
            "internationalised domain",
            Channel.EMAIL,
            "ada@b\u00fccher.example",
            "ada@xn--bcher-kva.example"),
        Arguments.of(
            "punycode domain",
            Channel.EMAIL,
            "Ada@XN--BCHER-KVA.example",
            "ada@B\u00dcCHER.example"),
        Arguments.of(
            "postal punctuation",
            Channel.POST,
            "Flat 2, 10 St. John's Road,\nOxford OX1 2JD",
            "flat 2 10 St Johns Road Oxford  OX1-2JD"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("spellings")
  void anOptOutHoldsForAnotherSpellingOfTheSameAddressUnderANewId(
      String name, Channel channel, String first, String second) {
    WinBack winBack = wired().build();
    winBack.start(customer("first", channel, first, Locale.UK));
    winBack.optOut("first");

    WinBackPlan again = winBack.start(customer("second", channel, second, Locale.UK));
    winBack.runDue();

    assertThat(again.status()).isEqualTo(PlanStatus.SUPPRESSED);
    assertThat(again.rationale()).contains("DO_NOT_CONTACT");
    assertThat(host.calls())
        .allSatisfy(call -> assertThat(call.customer().id()).isEqualTo("first"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("spellings")
  void anErasedCustomerWhoReturnsUnderANewIdWithAnotherSpellingIsNotContacted(
      String name, Channel channel, String first, String second) {
    WinBack winBack = wired().defaultRegion("GB").build();
    winBack.start(customer("erased", channel, first));
    winBack.runDue();
    winBack.erase("erased");
    int before = host.calls().size();

    WinBackPlan returning = winBack.start(customer("returning", channel, second));
    clock.advance(Duration.ofDays(120));
    winBack.runDue();

    assertThat(returning.status()).isEqualTo(PlanStatus.SUPPRESSED);
    assertThat(returning.rationale()).contains("ERASED");
    assertThat(host.calls()).hasSize(before);
  }

  @Test
  void aNationalNumberIsReadInTheEngineDefaultRegionElseInTheCountryOfTheCustomersLocale() {
    WinBack inTheUs = wired().defaultRegion("US").build();
    inTheUs.start(customer("us", Channel.PHONE, "+1 201-555-0123"));
    inTheUs.optOut("us");
    WinBack byLocale = wired().build();
    byLocale.start(customer("us", Channel.PHONE, "+1 201-555-0123"));
    byLocale.optOut("us");

    assertThat(inTheUs.start(customer("again", Channel.PHONE, "201 555 0123")).status())
        .isEqualTo(PlanStatus.SUPPRESSED);
    assertThat(byLocale
            .start(customer("again", Channel.PHONE, "201 555 0123", Locale.US))
            .status())
        .isEqualTo(PlanStatus.SUPPRESSED);
    assertThat(byLocale
            .start(customer("unknown-region", Channel.PHONE, "201 555 0123", Locale.ENGLISH))
            .status())
        .as("without a region a national number cannot be read as an American one")
        .isNotEqualTo(PlanStatus.SUPPRESSED);
  }

  @Test
  void aCallAndATextMessageToOneNumberAreOneIdentity() {
    WinBack winBack = wired().build();
    winBack.start(customer("texted", Channel.SMS, "+44 7700 900123"));
    winBack.optOut("texted");

    WinBackPlan called =
        winBack.start(customer("called", Channel.PHONE, "07700 900123", Locale.UK));

    assertThat(called.status()).isEqualTo(PlanStatus.SUPPRESSED);
  }

  @Test
  void aNumberNoCountryCanReadIsComparedByItsDigitsAndNeverFailsALookup() {
    WinBack winBack = wired().defaultRegion("GB").build();
    winBack.start(customer("odd", Channel.PHONE, "0000-00"));
    winBack.optOut("odd");

    assertThatCode(() -> winBack.start(customer("odd-again", Channel.PHONE, "00 00 00")))
        .doesNotThrowAnyException();
    assertThat(winBack.plan("odd-again").orElseThrow().status()).isEqualTo(PlanStatus.SUPPRESSED);
    assertThat(winBack.start(customer("other", Channel.PHONE, "0000-01")).status())
        .isNotEqualTo(PlanStatus.SUPPRESSED);
  }

  @Test
  void differentAddressesStayDifferentPeople() {
    WinBack winBack = wired().defaultRegion("GB").build();
    winBack.start(customer("one", Channel.PHONE, "+44 20 7946 0000"));
    winBack.optOut("one");

    assertThat(winBack.start(customer("two", Channel.PHONE, "020 7946 0001")).status())
        .isNotEqualTo(PlanStatus.SUPPRESSED);
    assertThat(
            winBack.start(customer("three", Channel.PHONE, "+49 20 7946 0000")).status())
        .isNotEqualTo(PlanStatus.SUPPRESSED);
  }
}
