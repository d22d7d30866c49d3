package dev.winback.web;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Protects the pages' forms against cross-site request forgery, in three layers: a form token that is an HMAC of
 * a random nonce, the link's token, the page and the time it was shown; the nonce in a {@code SameSite=Strict},
 * {@code HttpOnly} cookie, so that only a browser that loaded the form can send it back; and the browser's own
 * word about where the request comes from ({@code Sec-Fetch-Site}, {@code Origin}). A form token lasts
 * {@link #VALID_FOR}. Thread-safe.
 */
final class Csrf {
  static final String COOKIE = "winback_form";
  static final String FIELD = "form_token";
  static final Duration VALID_FOR = Duration.ofHours(2);

  private static final Pattern NONCE = Pattern.compile("[A-Za-z0-9_-]{22}");
  private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();

  private final SecretKeySpec key;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  Csrf(byte[] secret, Clock clock) {
    this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
    this.clock = clock;
  }

  /** The nonce a browser already holds, when it is well formed, or a fresh one. */
  String nonceFor(Forms cookies) {
    return cookies.get(COOKIE).filter(n -> NONCE.matcher(n).matches()).orElseGet(this::freshNonce);
  }

  /** The {@code Set-Cookie} value that gives the browser its nonce, for the pages under the base path. */
  static String cookie(String nonce, String basePath) {
    return COOKIE + "=" + nonce + "; Path=" + basePath + "; Max-Age=" + VALID_FOR.toSeconds()
        + "; HttpOnly; Secure; SameSite=Strict";
  }

  /** The form token for a page showing a link, bound to the browser's nonce and to the time it is shown. */
  String formToken(String nonce, String page, String linkToken) {
    long issued = clock.instant().getEpochSecond();
    return issued + "." + mac(issued, nonce, page, linkToken);
  }

  /**
   * Tells whether a form sent back is genuine: the browser's nonce, the form token made for it, this page and this
   * link, not older than {@link #VALID_FOR}, and a browser that says it comes from this site.
   */
  boolean accepts(WebRequest request, Forms cookies, Forms form, String page, String linkToken) {
    if (!sameOrigin(request)) {
      return false;
    }
    Optional<String> nonce = cookies.get(COOKIE).filter(n -> NONCE.matcher(n).matches());
    Optional<String> token = form.get(FIELD);
    if (nonce.isEmpty() || token.isEmpty()) {
      return false;
    }
    int dot = token.get().indexOf('.');
    if (dot <= 0) {
      return false;
    }
    long issued;
    try {
      issued = Long.parseLong(token.get().substring(0, dot));
    } catch (NumberFormatException e) {
      return false;
    }
    Instant now = clock.instant();
    Instant shown = Instant.ofEpochSecond(issued);
    if (shown.isAfter(now.plusSeconds(60)) || shown.plus(VALID_FOR).isBefore(now)) {
      return false;
    }
    byte[] expected = mac(issued, nonce.get(), page, linkToken).getBytes(StandardCharsets.US_ASCII);
    byte[] actual = token.get().substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, actual);
  }

  /**
   * Tells whether the browser says the request comes from this site. {@code Sec-Fetch-Site} must be
   * {@code same-origin} when sent; an {@code Origin} must name this host, except {@code null}, which browsers send
   * for a form posted from a page with {@code Referrer-Policy: no-referrer}, as these pages are.
   */
  static boolean sameOrigin(WebRequest request) {
    Optional<String> site = request.header("Sec-Fetch-Site");
    if (site.isPresent() && !site.get().equals("same-origin")) {
      return false;
    }
    Optional<String> origin = request.header("Origin");
    if (origin.isEmpty() || origin.get().equals("null")) {
      return true;
    }
    Optional<String> host = request.header("Host");
    if (host.isEmpty()) {
      return false;
    }
    String withoutScheme = origin.get().replaceFirst("^https?://", "");
    return withoutScheme.equalsIgnoreCase(host.get());
  }

  private String freshNonce() {
    byte[] bytes = new byte[16];
    random.nextBytes(bytes);
    return BASE64.encodeToString(bytes);
  }

  private String mac(long issued, String nonce, String page, String linkToken) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      String message =
          "winback-web form\n" + issued + "\n" + nonce + "\n" + page + "\n" + linkToken;
      return BASE64.encodeToString(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}
