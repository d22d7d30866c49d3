package dev.winback.console;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Protects the console's actions against cross-site request forgery without a session: every form carries a token
 * that is an HMAC, under a secret of the application, of the operator's name, the customer the form acts on and the
 * hour it was made, which another site cannot compute; it is accepted for that operator and customer only, for
 * {@link #VALID_HOURS} hours. Every action also needs a browser that says it comes from this site ({@code
 * Sec-Fetch-Site}, {@code Origin}). Independent of Spring Security's own CSRF protection, so it holds whether that
 * is on or off. Thread-safe.
 */
final class ActionTokens {
  /** The form field that carries the token. */
  static final String FIELD = "action_token";

  /** How long a form's token is accepted: a working day, and the page is open again after that. */
  static final long VALID_HOURS = 12;

  private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();

  private final SecretKeySpec key;
  private final Clock clock;

  private ActionTokens(byte[] secret, Clock clock) {
    this.key = new SecretKeySpec(secret, "HmacSHA256");
    this.clock = clock;
  }

  /** Tokens signed with the configured secret, or with a random one when none is configured. */
  static ActionTokens of(ConsoleProperties properties) {
    return of(properties, Clock.systemUTC());
  }

  /** Tokens signed with the configured secret (or a random one), dated by {@code clock}. */
  static ActionTokens of(ConsoleProperties properties, Clock clock) {
    if (properties.actionSecret().isEmpty()) {
      byte[] secret = new byte[32];
      new SecureRandom().nextBytes(secret);
      return new ActionTokens(secret, clock);
    }
    return new ActionTokens(properties.actionSecret().getBytes(StandardCharsets.UTF_8), clock);
  }

  /** The token of the forms an operator gets for acting on one customer, made now. */
  String tokenFor(String operatorName, String customerId) {
    long hour = Math.floorDiv(clock.instant().getEpochSecond(), 3600);
    return hour + "." + mac(operatorName, customerId, hour);
  }

  private String mac(String operatorName, String customerId, long hour) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return BASE64.encodeToString(
          mac.doFinal(("winback-console-action\n" + operatorName + "\n" + customerId + "\n" + hour)
              .getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("every Java runtime has HmacSHA256", e);
    }
  }

  /**
   * Tells whether an action's request is genuine: a token made for this operator and this customer within the last
   * {@link #VALID_HOURS} hours, and a browser that does not say it comes from another site.
   */
  boolean accepts(HttpServletRequest request, String operatorName, String customerId) {
    String sent = request.getParameter(FIELD);
    if (sent == null || !sameSite(request)) {
      return false;
    }
    int dot = sent.indexOf('.');
    long hour;
    try {
      hour = Long.parseLong(sent.substring(0, Math.max(dot, 0)));
    } catch (NumberFormatException e) {
      return false;
    }
    long now = Math.floorDiv(clock.instant().getEpochSecond(), 3600);
    if (hour > now || now - hour >= VALID_HOURS) {
      return false;
    }
    return MessageDigest.isEqual(
        sent.substring(dot + 1).getBytes(StandardCharsets.UTF_8),
        mac(operatorName, customerId, hour).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * A browser sends {@code Sec-Fetch-Site} and {@code Origin} with a form it posts. {@code Sec-Fetch-Site}, which the
   * browser computes itself and no page can set, decides when it is there: it must say {@code same-origin}. It holds
   * behind a reverse proxy too, where the address the browser used (in {@code Origin}) is not the one the servlet
   * container sees unless the application forwards the proxy's headers. An older browser that sends {@code Origin}
   * alone is judged by it; a client that sends neither (a script with the token) by the token alone.
   */
  static boolean sameSite(HttpServletRequest request) {
    String fetchSite = request.getHeader("Sec-Fetch-Site");
    if (fetchSite != null) {
      return fetchSite.equals("same-origin");
    }
    String origin = request.getHeader("Origin");
    return origin == null || origin(origin).equals(ownOrigin(request));
  }

  private static String ownOrigin(HttpServletRequest request) {
    return normal(request.getScheme(), request.getServerName(), request.getServerPort());
  }

  private static String origin(String header) {
    try {
      URI uri = new URI(header);
      if (uri.getScheme() == null || uri.getHost() == null) {
        return "none";
      }
      return normal(uri.getScheme(), uri.getHost(), uri.getPort());
    } catch (URISyntaxException e) {
      return "none";
    }
  }

  private static String normal(String scheme, String host, int port) {
    String s = scheme.toLowerCase(Locale.ROOT);
    int p = port >= 0 ? port : s.equals("https") ? 443 : 80;
    String h = host.toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    return s + "://" + h + ":" + p;
  }
}
