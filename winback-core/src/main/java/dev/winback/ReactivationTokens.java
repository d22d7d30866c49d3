package dev.winback;

import dev.winback.model.LinkPurpose;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * Signs and checks the opaque tokens in "come back" links: HMAC-SHA256 under a named key, so keys can be rotated
 * (tokens signed with an older key verify until that key is removed), with an expiry. A token carries only a random
 * id and its expiry; what it stands for (customer, plan, offer) stays in the {@link dev.winback.spi.PlanStore}, and
 * {@link WinBack#redeem(String)} consumes it exactly once.
 *
 * <p>Token form: {@code wb2.<keyId>.<base64url(id, expiry, purpose)>.<base64url(signature)>}: a token is signed
 * for one {@link LinkPurpose} (survey, come back, unsubscribe) and honoured for that purpose only. Tokens of the
 * earlier form {@code wb1}, without a purpose, are come-back tokens. Signatures are compared in constant time. Immutable and thread-safe once built.
 */
public final class ReactivationTokens {
  private static final String VERSION = "wb2";
  /** Tokens before links had purposes: come-back tokens, still honoured until they expire. */
  private static final String VERSION_1 = "wb1";

  private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");
  private static final int MAX_LENGTH = 256;
  private static final int ID_BYTES = 16;
  private static final LinkPurpose[] PURPOSES = LinkPurpose.values();

  private final Map<String, SecretKeySpec> keys;
  private final String activeKey;
  private final Duration validFor;
  private final SecureRandom random = new SecureRandom();

  private ReactivationTokens(Builder b) {
    this.keys = Map.copyOf(b.keys);
    this.activeKey = java.util.Objects.requireNonNull(b.activeKey, "activeKey");
    this.validFor = b.validFor;
  }

  /**
   * Starts configuring tokens.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * How long a new token stays valid.
   *
   * @return the validity
   */
  public Duration validFor() {
    return validFor;
  }

  /** A token just issued: its string and the id, expiry and purpose it carries. */
  record Issued(String token, String tokenId, Instant expiresAt, LinkPurpose purpose) {}

  /** What a genuine token carries. */
  record Verified(String tokenId, Instant expiresAt, LinkPurpose purpose) {}

  Issued issue(Instant now) {
    return issue(now, LinkPurpose.COME_BACK);
  }

  Issued issue(Instant now, LinkPurpose purpose) {
    byte[] id = new byte[ID_BYTES];
    random.nextBytes(id);
    Instant expiresAt = now.plus(validFor);
    ByteBuffer payload = ByteBuffer.allocate(ID_BYTES + Long.BYTES + 1)
        .put(id)
        .putLong(expiresAt.getEpochSecond())
        .put((byte) purpose.ordinal());
    String body = VERSION + "." + activeKey + "." + encode(payload.array());
    String token =
        body + "." + encode(sign(java.util.Objects.requireNonNull(keys.get(activeKey)), body));
    return new Issued(
        token,
        java.util.HexFormat.of().formatHex(id),
        Instant.ofEpochSecond(expiresAt.getEpochSecond()),
        purpose);
  }

  Verified verify(String token, Instant now) {
    if (token == null || token.length() > MAX_LENGTH) {
      throw new TokenRejectedException(TokenRejectedException.Reason.MALFORMED);
    }
    String[] parts = token.split("\\.", -1);
    if (parts.length != 4
        || !(parts[0].equals(VERSION) || parts[0].equals(VERSION_1))
        || !KEY_ID.matcher(parts[1]).matches()) {
      throw new TokenRejectedException(TokenRejectedException.Reason.MALFORMED);
    }
    boolean purposeful = parts[0].equals(VERSION);
    byte[] payload = decode(parts[2]);
    byte[] signature = decode(parts[3]);
    if (payload == null
        || payload.length != ID_BYTES + Long.BYTES + (purposeful ? 1 : 0)
        || signature == null
        || signature.length != 32) {
      throw new TokenRejectedException(TokenRejectedException.Reason.MALFORMED);
    }
    SecretKeySpec key = keys.get(parts[1]);
    if (key == null) {
      throw new TokenRejectedException(TokenRejectedException.Reason.UNKNOWN_KEY);
    }
    byte[] expected = sign(key, parts[0] + "." + parts[1] + "." + parts[2]);
    if (!MessageDigest.isEqual(expected, signature)) {
      throw new TokenRejectedException(TokenRejectedException.Reason.BAD_SIGNATURE);
    }
    ByteBuffer buffer = ByteBuffer.wrap(payload);
    byte[] id = new byte[ID_BYTES];
    buffer.get(id);
    Instant expiresAt = Instant.ofEpochSecond(buffer.getLong());
    LinkPurpose purpose = LinkPurpose.COME_BACK;
    if (purposeful) {
      int ordinal = buffer.get();
      if (ordinal < 0 || ordinal >= PURPOSES.length) {
        throw new TokenRejectedException(TokenRejectedException.Reason.MALFORMED);
      }
      purpose = PURPOSES[ordinal];
    }
    if (!now.isBefore(expiresAt)) {
      throw new TokenRejectedException(TokenRejectedException.Reason.EXPIRED);
    }
    return new Verified(java.util.HexFormat.of().formatHex(id), expiresAt, purpose);
  }

  private static byte[] sign(SecretKeySpec key, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac.doFinal(body.getBytes(StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
    }
  }

  private static String encode(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Decodes base64url, refusing any spelling but the canonical one (the decoder ignores the last bits). */
  private static byte @Nullable [] decode(String text) {
    try {
      byte[] bytes = Base64.getUrlDecoder().decode(text);
      return encode(bytes).equals(text) ? bytes : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  @Override
  public String toString() {
    return "ReactivationTokens[keys=" + keys.keySet() + ", active=" + activeKey + ", validFor="
        + validFor + "]";
  }

  /**
   * Configures {@link ReactivationTokens}. Every check happens as options are set. Not thread-safe.
   */
  public static final class Builder {
    private final Map<String, SecretKeySpec> keys = new LinkedHashMap<>();
    private @Nullable String activeKey;
    private Duration validFor = Duration.ofDays(30);

    private Builder() {}

    /**
     * Adds a signing key. Tokens signed with it verify as long as it is configured; remove it to retire it.
     *
     * @param keyId the key's name, 1 to 32 of {@code A-Z a-z 0-9 _ -}
     * @param secret the secret, at least 32 bytes
     * @return this builder
     * @throws IllegalArgumentException when the id is invalid or already added, or the secret is too short
     */
    public Builder key(String keyId, byte[] secret) {
      Objects.requireNonNull(keyId, "keyId");
      if (!KEY_ID.matcher(keyId).matches()) {
        throw new IllegalArgumentException("a key id is 1 to 32 of A-Z a-z 0-9 _ -");
      }
      if (secret.length < 32) {
        throw new IllegalArgumentException(
            "a signing secret needs at least 32 bytes, not " + secret.length);
      }
      if (keys.containsKey(keyId)) {
        throw new IllegalArgumentException("key '" + keyId + "' is already added");
      }
      keys.put(keyId, new SecretKeySpec(secret.clone(), "HmacSHA256"));
      return this;
    }

    /**
     * Chooses the key new tokens are signed with; the last key added unless set.
     *
     * @param keyId a key added with {@link #key}
     * @return this builder
     */
    public Builder activeKey(String keyId) {
      this.activeKey = Objects.requireNonNull(keyId, "keyId");
      return this;
    }

    /**
     * Sets how long new tokens stay valid; 30 days unless set.
     *
     * @param validity the validity, positive
     * @return this builder
     * @throws IllegalArgumentException when not positive
     */
    public Builder validFor(Duration validity) {
      if (validity.isNegative() || validity.isZero()) {
        throw new IllegalArgumentException("validity must be positive: " + validity);
      }
      this.validFor = validity;
      return this;
    }

    /**
     * Builds the tokens.
     *
     * @return the tokens
     * @throws ConfigurationException when no key was added or the active key is not among them
     */
    public ReactivationTokens build() {
      if (keys.isEmpty()) {
        throw new ConfigurationException("add at least one signing key with key(id, secret)");
      }
      if (activeKey == null) {
        activeKey = keys.keySet().stream().reduce((a, b) -> b).orElseThrow();
      }
      if (!keys.containsKey(activeKey)) {
        throw new ConfigurationException("the active key '" + activeKey + "' was not added");
      }
      return new ReactivationTokens(this);
    }
  }
}
