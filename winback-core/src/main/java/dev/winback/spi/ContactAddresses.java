package dev.winback.spi;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.ValidationResult;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import dev.winback.model.Channel;
import java.net.IDN;
import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The one spelling of a contact address that identifies a person, whatever way the host wrote it: phone numbers in
 * E.164, e-mail addresses in Unicode NFC, lower case, with their domain in ASCII (punycode), postal addresses
 * without punctuation, case or extra whitespace. Never throws on a stored value: a phone number that cannot be read
 * as a possible full number of any country (even with the home region), e.g. a local number without its area code,
 * keeps only its digits, as fingerprints did before normalisation. Stateless and thread-safe. Not API.
 */
final class ContactAddresses {
  private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
  private static final Pattern NOT_A_DIGIT = Pattern.compile("[^0-9]");
  private static final Pattern APOSTROPHES = Pattern.compile("['\u2018\u2019\u02bc`\u00b4]");
  private static final Pattern PUNCTUATION = Pattern.compile("[\\p{P}\\p{S}]");
  private static final Pattern WHITESPACE = Pattern.compile("[\\s\\p{Z}]+");
  private static final Pattern OLD_WHITESPACE = Pattern.compile("\\s+");

  private ContactAddresses() {}

  /**
   * The identifying spelling of an address.
   *
   * @param channel the channel the address serves
   * @param address the address as the host wrote it
   * @param region the region whose numbering plan reads phone numbers without a country code, or null for none
   * @return the normalised address
   */
  static String canonical(Channel channel, String address, @Nullable String region) {
    return switch (channel) {
      case EMAIL -> email(address);
      case PHONE, SMS ->
        phoneNumber(address, region).map(ContactAddresses::e164).orElseGet(() -> digits(address));
      case POST -> postal(address);
    };
  }

  /**
   * The spellings under which fingerprints were taken before addresses were normalised (the address folded only for
   * case and spaces, a phone number to its digits), of this address and of the other usual ways of writing the same
   * address: a phone number with its country code, with a {@code 00} prefix, with its trunk prefix after the
   * country code, dialled from the home region, or in national format (only for a number of the home region's
   * country, or when there is no home region, since a national spelling does not say its country); an e-mail
   * address with its domain in Unicode (NFC and NFD) or in punycode.
   *
   * @param channel the channel the address serves
   * @param address the address as the host wrote it
   * @param region the home region, or null for none
   * @return the earlier spellings, without duplicates
   */
  static Set<String> formerSpellings(Channel channel, String address, @Nullable String region) {
    Set<String> spellings = new LinkedHashSet<>();
    switch (channel) {
      case EMAIL -> {
        spellings.add(oldFold(address));
        String canonical = email(address);
        int at = canonical.lastIndexOf('@');
        if (at >= 0) {
          String unicode =
              canonical.substring(0, at + 1) + unicodeDomain(canonical.substring(at + 1));
          spellings.add(Normalizer.normalize(unicode, Normalizer.Form.NFC));
          spellings.add(Normalizer.normalize(unicode, Normalizer.Form.NFD));
        }
      }
      case PHONE, SMS -> {
        spellings.add(digits(address));
        Optional<PhoneNumber> parsed = phoneNumber(address, region);
        if (parsed.isPresent()) {
          PhoneNumber number = parsed.get();
          String international = digits(e164(number));
          String national =
              digits(PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.NATIONAL));
          spellings.add(international);
          spellings.add("00" + international);
          spellings.add(number.getCountryCode() + national);
          if (region == null) {
            spellings.add(national);
          } else if (PHONES.getCountryCodeForRegion(region) == number.getCountryCode()) {
            spellings.add(national);
          } else {
            spellings.add(digits(PHONES.formatOutOfCountryCallingNumber(number, region)));
          }
        }
      }
      case POST ->
        spellings.add(
            OLD_WHITESPACE.matcher(address.trim().toLowerCase(Locale.ROOT)).replaceAll(" "));
    }
    return spellings;
  }

  /**
   * Tells whether libphonenumber knows a region's numbering plan.
   *
   * @param region an ISO 3166-1 alpha-2 code, e.g. {@code GB}
   * @return true when phone numbers can be read in it
   */
  static boolean isPhoneRegion(String region) {
    return PHONES.getSupportedRegions().contains(region);
  }

  private static String email(String address) {
    String text = Normalizer.normalize(address.strip(), Normalizer.Form.NFC);
    int at = text.lastIndexOf('@');
    if (at >= 0) {
      text = text.substring(0, at + 1) + asciiDomain(text.substring(at + 1));
    }
    return Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFC);
  }

  private static String asciiDomain(String domain) {
    try {
      return IDN.toASCII(domain, IDN.ALLOW_UNASSIGNED);
    } catch (IllegalArgumentException e) {
      return domain;
    }
  }

  private static String unicodeDomain(String domain) {
    try {
      return IDN.toUnicode(domain, IDN.ALLOW_UNASSIGNED);
    } catch (IllegalArgumentException e) {
      return domain;
    }
  }

  private static String postal(String address) {
    String text = Normalizer.normalize(address, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    text = APOSTROPHES.matcher(text).replaceAll("");
    text = PUNCTUATION.matcher(text).replaceAll(" ");
    return WHITESPACE.matcher(text).replaceAll(" ").strip();
  }

  private static String oldFold(String address) {
    return address.trim().toLowerCase(Locale.ROOT);
  }

  private static String digits(String address) {
    return NOT_A_DIGIT.matcher(address).replaceAll("");
  }

  private static String e164(PhoneNumber number) {
    return PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
  }

  /**
   * Reads a phone number: with its country code ({@code +44 ...}), in the home region's national or international
   * format, or, whatever the region, with {@code 00} before a country code. Empty when it is no possible number
   * of that country, or possible only as a local number (without its area code, so not one number worldwide).
   * Possible, not valid: validity follows the ranges that libphonenumber's metadata knows today, and a number in a
   * range it learns later must not change its fingerprint.
   */
  private static Optional<PhoneNumber> phoneNumber(String address, @Nullable String region) {
    Optional<PhoneNumber> number = parse(address, region == null ? "ZZ" : region);
    if (number.isEmpty() && address.strip().startsWith("00")) {
      number = parse("+" + address.strip().substring(2), "ZZ");
    }
    return number;
  }

  private static Optional<PhoneNumber> parse(String text, String region) {
    try {
      PhoneNumber number = PHONES.parse(text, region);
      return PHONES.isPossibleNumberWithReason(number) == ValidationResult.IS_POSSIBLE
          ? Optional.of(number)
          : Optional.empty();
    } catch (NumberParseException e) {
      return Optional.empty();
    }
  }
}
