package dev.winback.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.winback.model.Channel;
import dev.winback.model.Consent;
import dev.winback.model.ContactPoint;
import dev.winback.model.LostCustomer;
import dev.winback.model.Suppression;
import dev.winback.testing.Customers;
import dev.winback.testing.FormerFingerprints;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Fingerprints are taken of one spelling per address, and those stored before normalisation still match. */
class AddressFingerprintsTest {
  private static final byte[] KEY =
      "a fingerprint key of 32 bytes ok".getBytes(StandardCharsets.UTF_8);
  private final AddressFingerprints fingerprints = new AddressFingerprints(KEY);

  private static ContactPoint point(Channel channel, String address) {
    return ContactPoint.of(channel, address, Consent.GRANTED);
  }

  private static LostCustomer customer(Channel channel, String address, Locale locale) {
    return Customers.lost("c")
        .contactPoints(List.of(point(channel, address)))
        .locale(locale)
        .build();
  }

  @ParameterizedTest(name = "{0}: {1} = {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "PHONE | +44 20 7946 0000    | 020 7946 0000",
        "PHONE | +44 20 7946 0000    | +44 (0)20 7946 0000",
        "PHONE | +44 20 7946 0000    | 0044 20 7946 0000",
        "PHONE | +44 20 7946 0000    | +44-20-7946-0000",
        "SMS   | +44 7700 900123     | 07700 900123",
        "EMAIL | zo\u00eb@example.com | ZOE\u0308@EXAMPLE.COM",
        "EMAIL | ada@b\u00fccher.example | ada@xn--bcher-kva.example",
        "POST  | 10 St. John's Road, Oxford | 10 st johns road oxford",
        "POST  | 1 High St.\u00a0\u00a0London | 1 HIGH ST LONDON",
      })
  void spellingsOfOneAddressHaveOneFingerprint(Channel channel, String one, String other) {
    assertThat(fingerprints.of(point(channel, other), "GB"))
        .isEqualTo(fingerprints.of(point(channel, one), "GB"));
  }

  @Test
  void aCallAndATextMessageToOneNumberHaveOneFingerprint() {
    assertThat(fingerprints.of(point(Channel.SMS, "+44 7700 900123")))
        .isEqualTo(fingerprints.of(point(Channel.PHONE, "+447700900123")));
  }

  @Test
  void phoneNumbersAreReadInTheCountryOfTheCustomersLocaleWhenNoHomeRegionIsGiven() {
    assertThat(fingerprints.toStore(customer(Channel.PHONE, "020 7946 0000", Locale.UK)))
        .isEqualTo(
            fingerprints.toStore(customer(Channel.PHONE, "+44 20 7946 0000", Locale.ENGLISH)));
    assertThat(fingerprints.toStore(customer(Channel.PHONE, "020 7946 0000", Locale.UK), "DE"))
        .as("the home region comes before the locale")
        .isNotEqualTo(
            fingerprints.toStore(customer(Channel.PHONE, "+44 20 7946 0000", Locale.ENGLISH)));
  }

  @Test
  void aNumberNoCountryCanReadKeepsItsDigitsAsFingerprintsDidBefore() {
    ContactPoint odd = point(Channel.PHONE, "0000-00");

    assertThat(fingerprints.of(odd, "GB"))
        .isEqualTo(FormerFingerprints.of(KEY, Channel.PHONE, "0000-00"));
    assertThat(fingerprints.of(odd)).isEqualTo(fingerprints.of(point(Channel.PHONE, "00 00 00")));
  }

  @Test
  void differentAddressesHaveDifferentFingerprints() {
    assertThat(fingerprints.of(point(Channel.PHONE, "+44 20 7946 0000")))
        .isNotEqualTo(fingerprints.of(point(Channel.PHONE, "+44 20 7946 0001")))
        .isNotEqualTo(fingerprints.of(point(Channel.EMAIL, "a@b.example")));
    assertThat(fingerprints.of(point(Channel.POST, "1 High Street")))
        .isNotEqualTo(fingerprints.of(point(Channel.POST, "11 High Street")));
  }

  @Test
  void anUnknownHomeRegionIsRefused() {
    assertThatThrownBy(() -> fingerprints.of(point(Channel.PHONE, "+44 20 7946 0000"), "XX"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("XX");
  }

  @ParameterizedTest(name = "stored as {0} {1}, looked up as {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "PHONE | +44 20 7946 0000       | 020 7946 0000",
        "PHONE | 020 7946 0000          | +44 20 7946 0000",
        "PHONE | 0044 20 7946 0000      | +44 (0)20 7946 0000",
        "PHONE | +44 (0)20 7946 0000    | 0044 20 7946 0000",
        "SMS   | 07700 900123           | +44 7700 900123",
        "PHONE | 07700 900123           | +44 7700 900123",
        "EMAIL | Ada@Example.com        | ada@example.com",
        "EMAIL | ada@b\u00fccher.example | ada@xn--bcher-kva.example",
        "EMAIL | zoe\u0308@example.com  | zo\u00eb@example.com",
        "POST  | 1 High  Street         | 1 High Street",
      })
  void aCustomerIsLookedUpByTheFingerprintsStoredBeforeNormalisationToo(
      Channel channel, String stored, String now) {
    InMemorySuppressionList list = new InMemorySuppressionList(KEY);
    list.addFingerprint(FormerFingerprints.of(KEY, channel, stored), Suppression.DO_NOT_CONTACT);

    assertThat(list.lookup(customer(channel, now, Locale.ENGLISH), "GB"))
        .contains(Suppression.DO_NOT_CONTACT);
    assertThat(fingerprints.toLookUp(customer(channel, now, Locale.UK)))
        .contains(FormerFingerprints.of(KEY, channel, stored));
  }

  @Test
  void aFormerNationalSpellingMatchesOnlyANumberOfTheHomeCountry() {
    InMemorySuppressionList list = new InMemorySuppressionList(KEY);
    list.addFingerprint(
        FormerFingerprints.of(KEY, Channel.PHONE, "020 7946 0000"), Suppression.DO_NOT_CONTACT);

    assertThat(list.lookup(customer(Channel.PHONE, "+49 20 7946 0000", Locale.ENGLISH), "GB"))
        .isEmpty();
  }

  @Test
  void newEntriesAreStoredUnderTheNormalisedFingerprintOnly() {
    InMemorySuppressionList list = new InMemorySuppressionList(KEY);
    LostCustomer customer = customer(Channel.PHONE, "020 7946 0000", Locale.ENGLISH);

    list.add(customer, Suppression.ERASED, "GB");

    assertThat(list.entries())
        .containsOnlyKeys(
            fingerprints.ofId("c"), fingerprints.of(point(Channel.PHONE, "+442079460000")));
    assertThat(list.lookup(customer(Channel.PHONE, "0044 20 7946 0000", Locale.ENGLISH)))
        .contains(Suppression.ERASED);
  }
}
