package dev.winback.testing;

import dev.winback.model.Channel;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Fingerprints as WinBack took them before addresses were normalised (written out here, independently of the code
 * under test): an e-mail address trimmed and lower-cased, a phone number's digits, a postal address lower-cased with
 * its whitespace collapsed; a call and a text message under one kind.
 */
public final class FormerFingerprints {
  private FormerFingerprints() {}

  /**
   * The fingerprint an address had before normalisation.
   *
   * @param key the fingerprint key
   * @param channel the channel
   * @param address the address as written
   * @return {@code addr:} and the hex HMAC-SHA256
   */
  public static String of(byte[] key, Channel channel, String address) {
    String kind = channel == Channel.SMS ? "PHONE" : channel.name();
    String folded = switch (channel) {
      case EMAIL -> address.trim().toLowerCase(Locale.ROOT);
      case PHONE, SMS -> address.replaceAll("[^0-9]", "");
      case POST -> address.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    };
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return "addr:"
          + HexFormat.of()
              .formatHex(mac.doFinal((kind + ":" + folded).getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
