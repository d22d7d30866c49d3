package dev.winback.console;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.Optional;

/**
 * Who is looking at the console and what they may do, read from the servlet request alone
 * ({@code getUserPrincipal()}, {@code isUserInRole(...)}), so that any authentication in front of the console (Spring
 * Security, the servlet container) works. An admin may act and sees personal data; a viewer reads with personal data
 * masked; an anonymous visitor, when the application opened the console to them, reads like a viewer.
 *
 * @param name the authenticated principal's name, absent for an anonymous visitor
 * @param admin whether the operator has the admin role
 */
record Operator(Optional<String> name, boolean admin) {

  /** What the request may see: a refusal (401, 403) or the operator. */
  sealed interface Access permits Granted, Refused {}

  /** The request may see the console as this operator. */
  record Granted(Operator operator) implements Access {}

  /**
   * The request is refused.
   *
   * @param status 401 when nobody is authenticated, 403 when the principal lacks a console role
   * @param why what the page says
   */
  record Refused(int status, String why) implements Access {}

  /** Reads the operator from the request: no principal is 401 unless anonymous reading is allowed. */
  static Access of(HttpServletRequest request, ConsoleProperties properties) {
    Principal principal = request.getUserPrincipal();
    if (principal == null) {
      return properties.allowAnonymous()
          ? new Granted(new Operator(Optional.empty(), false))
          : new Refused(401, "Sign in to see the WinBack console.");
    }
    boolean admin = request.isUserInRole(properties.adminRole());
    boolean viewer = admin || request.isUserInRole(properties.viewerRole());
    if (!viewer && !properties.allowAnonymous()) {
      return new Refused(
          403,
          "The WinBack console is for operators with the role " + properties.viewerRole() + " or "
              + properties.adminRole() + ".");
    }
    return new Granted(new Operator(Optional.of(principal.getName()), admin));
  }

  /** Whether the operator sees names, addresses and the customers' own words unmasked: admins only. */
  boolean seesPersonalData() {
    return admin;
  }

  /** The name journalled with an action; only an admin acts, and an admin is always authenticated. */
  String actingName() {
    return name.orElseThrow(() -> new IllegalStateException("an anonymous visitor cannot act"));
  }

  /** How the page header names the operator. */
  String describe() {
    return name.map(n -> n + (admin ? " (admin)" : " (read-only)")).orElse("anonymous (read-only)");
  }
}
