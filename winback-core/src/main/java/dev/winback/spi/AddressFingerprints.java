package dev.winback.spi;

import dev.winback.model.Channel;
import dev.winback.model.ContactPoint;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed one-way fingerprints (HMAC-SHA256) of customer ids and contact addresses, normalised so that trivial
 * differences (case, spaces, phone punctuation) do not hide the same person. Without the key a fingerprint cannot
 * be matched against a guessed address. For suppression lists: a list kept elsewhere matches the stock lists when
 * it stores these fingerprints under the same key. Immutable and thread-safe.
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
   * The fingerprint of a contact point's address.
   *
   * @param point the contact point
   * @return {@code addr:} and the hex HMAC of the channel kind and the normalised address
   */
  public String of(ContactPoint point) {
    String kind =
        point.channel() == Channel.SMS ? Channel.PHONE.name() : point.channel().name();
    return "addr:" + hmac(kind + ":" + normalise(point.channel(), point.address()));
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

  static String normalise(Channel channel, String address) {
    return switch (channel) {
      case EMAIL -> address.trim().toLowerCase(Locale.ROOT);
      case PHONE, SMS -> address.replaceAll("[^0-9]", "");
      case POST -> address.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    };
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
