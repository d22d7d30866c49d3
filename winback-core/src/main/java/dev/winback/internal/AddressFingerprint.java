package dev.winback.internal;

import dev.winback.model.Channel;
import dev.winback.model.ContactPoint;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A one-way fingerprint of a contact address, normalised so that trivial differences (case, spaces, phone
 * punctuation) do not hide the same person. Not API.
 */
public final class AddressFingerprint {
  private AddressFingerprint() {}

  /**
   * The fingerprint of a contact point's address.
   *
   * @param point the contact point
   * @return {@code addr:} and a SHA-256 hex digest of the channel kind and the normalised address
   */
  public static String of(ContactPoint point) {
    String kind = point.channel() == Channel.SMS ? Channel.PHONE.name() : point.channel().name();
    return "addr:" + sha256(kind + ":" + normalise(point.channel(), point.address()));
  }

  static String normalise(Channel channel, String address) {
    return switch (channel) {
      case EMAIL -> address.trim().toLowerCase(Locale.ROOT);
      case PHONE, SMS -> address.replaceAll("[^0-9]", "");
      case POST -> address.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    };
  }

  private static String sha256(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
