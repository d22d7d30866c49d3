package dev.winback.spi;

import dev.winback.model.Channel;
import dev.winback.model.ContactPoint;
import dev.winback.model.LostCustomer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * Keyed one-way fingerprints (HMAC-SHA256) of customer ids and contact addresses, taken of one spelling per person:
 * phone numbers in E.164 (read with libphonenumber; numbers without a country code in the home region's numbering
 * plan), e-mail addresses in Unicode NFC and lower case with the domain in ASCII (punycode), postal addresses without
 * punctuation, case or extra whitespace; a call and a text message to one number are one identity. A phone number
 * that is no possible number of any country keeps only its digits. Without the key a fingerprint cannot be matched
 * against a guessed address. For suppression lists: a list kept elsewhere matches the stock lists when it stores
 * these fingerprints under the same key, and looks customers up by {@link #toLookUp} so that entries stored before
 * addresses were normalised still match. Immutable and thread-safe.
 */
public final class AddressFingerprints {
  private final SecretKeySpec key;

  /**
   * Creates fingerprints under a key.
   *
   * @param secret the key, at least 16 bytes
   * @throws IllegalArgumentException when the key is shorter
   */
  public AddressFingerprints(byte[] secret) {
    if (secret.length < 16) {
      throw new IllegalArgumentException("a fingerprint key needs at least 16 bytes");
    }
    this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
  }

  /**
   * The fingerprint of a contact point's address, reading phone numbers without a country code in no region (so
   * only {@code +44 ...} and {@code 0044 ...} spellings are read as numbers).
   *
   * @param point the contact point
   * @return {@code addr:} and the hex HMAC of the channel kind and the normalised address
   */
  public String of(ContactPoint point) {
    return address(point, null);
  }

  /**
   * The fingerprint of a contact point's address, reading phone numbers without a country code as numbers of a home
   * region.
   *
   * @param point the contact point
   * @param homeRegion an ISO 3166-1 alpha-2 region code, e.g. {@code GB}
   * @return {@code addr:} and the hex HMAC of the channel kind and the normalised address
   * @throws IllegalArgumentException when libphonenumber knows no such region
   */
  public String of(ContactPoint point, String homeRegion) {
    return address(point, requireRegion(homeRegion));
  }

  /**
   * The fingerprint of a customer id.
   *
   * @param customerId the id
   * @return {@code id:} and the hex HMAC of the id
   */
  public String ofId(String customerId) {
    return "id:" + hmac("id:" + customerId);
  }

  /**
   * The fingerprints to store for a customer: their id's, then each address's, phone numbers without a country code
   * read in the country of the customer's locale (if it has one).
   *
   * @param customer the customer
   * @return the fingerprints, without duplicates
   */
  public List<String> toStore(LostCustomer customer) {
    return storeKeys(customer, regionOf(customer));
  }

  /**
   * The fingerprints to store for a customer, phone numbers without a country code read in a home region.
   *
   * @param customer the customer
   * @param homeRegion an ISO 3166-1 alpha-2 region code, e.g. {@code GB}
   * @return the fingerprints, without duplicates
   * @throws IllegalArgumentException when libphonenumber knows no such region
   */
  public List<String> toStore(LostCustomer customer, String homeRegion) {
    return storeKeys(customer, requireRegion(homeRegion));
  }

  /**
   * The fingerprints to look a customer up by: those of {@link #toStore(LostCustomer)}, then those that this class
   * took before addresses were normalised (of the address as written and of its other usual spellings), so that
   * entries stored then still match.
   *
   * @param customer the customer
   * @return the fingerprints, without duplicates
   */
  public List<String> toLookUp(LostCustomer customer) {
    return lookupKeys(customer, regionOf(customer));
  }

  /**
   * The fingerprints to look a customer up by, phone numbers without a country code read in a home region; see
   * {@link #toLookUp(LostCustomer)}.
   *
   * @param customer the customer
   * @param homeRegion an ISO 3166-1 alpha-2 region code, e.g. {@code GB}
   * @return the fingerprints, without duplicates
   * @throws IllegalArgumentException when libphonenumber knows no such region
   */
  public List<String> toLookUp(LostCustomer customer, String homeRegion) {
    return lookupKeys(customer, requireRegion(homeRegion));
  }

  /**
   * Checks a home region for phone numbers.
   *
   * @param region the region code
   * @return the region
   * @throws IllegalArgumentException when libphonenumber knows no such region
   */
  public static String requireRegion(String region) {
    if (!ContactAddresses.isPhoneRegion(region)) {
      throw new IllegalArgumentException(
          "not a region with a known numbering plan (an ISO 3166-1 alpha-2 code such as GB): "
              + region);
    }
    return region;
  }

  private List<String> storeKeys(LostCustomer customer, @Nullable String region) {
    Set<String> keys = new LinkedHashSet<>();
    keys.add(ofId(customer.id()));
    for (ContactPoint point : customer.contactPoints()) {
      keys.add(address(point, region));
    }
    return new ArrayList<>(keys);
  }

  private List<String> lookupKeys(LostCustomer customer, @Nullable String region) {
    Set<String> keys = new LinkedHashSet<>(storeKeys(customer, region));
    for (ContactPoint point : customer.contactPoints()) {
      for (String former :
          ContactAddresses.formerSpellings(point.channel(), point.address(), region)) {
        keys.add("addr:" + hmac(kind(point.channel()) + ":" + former));
      }
    }
    return new ArrayList<>(keys);
  }

  private String address(ContactPoint point, @Nullable String region) {
    return "addr:"
        + hmac(kind(point.channel()) + ":"
            + ContactAddresses.canonical(point.channel(), point.address(), region));
  }

  /** A call and a text message to one number are one identity. */
  private static String kind(Channel channel) {
    return channel == Channel.SMS ? Channel.PHONE.name() : channel.name();
  }

  private static @Nullable String regionOf(LostCustomer customer) {
    String country = customer.locale().getCountry();
    return ContactAddresses.isPhoneRegion(country) ? country : null;
  }

  private String hmac(String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
    }
  }
}
