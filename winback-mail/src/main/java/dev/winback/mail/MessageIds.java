package dev.winback.mail;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Message-IDs derived from a step's idempotency key: {@code <base32(sha256(key))@domain>}, so that a message sent
 * again after a crash carries the same Message-ID (and receivers can tell it is the same message), while the key
 * itself, and anything in it, stays unreadable. Stateless.
 */
final class MessageIds {
  private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

  private MessageIds() {}

  /**
   * The Message-ID for a step.
   *
   * @param idempotencyKey the step's idempotency key
   * @param domain the sender's domain
   * @return the Message-ID, angle brackets included
   */
  static String of(String idempotencyKey, String domain) {
    return "<" + base32(sha256(idempotencyKey)) + "@" + domain + ">";
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** RFC 4648 base 32 in lower case, without padding: letters and digits only, safe in a Message-ID. */
  static String base32(byte[] bytes) {
    StringBuilder out = new StringBuilder((bytes.length * 8 + 4) / 5);
    int buffer = 0;
    int bits = 0;
    for (byte b : bytes) {
      buffer = (buffer << 8) | (b & 0xff);
      bits += 8;
      while (bits >= 5) {
        out.append(BASE32[(buffer >>> (bits - 5)) & 31]);
        bits -= 5;
      }
    }
    if (bits > 0) {
      out.append(BASE32[(buffer << (5 - bits)) & 31]);
    }
    return out.toString();
  }
}
