package dev.winback.console;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.util.ClassUtils;

/**
 * Spring Security's own CSRF token, when the application uses Spring Security with its CSRF protection on: the
 * console's forms carry it beside the console's token, so that Spring Security lets them through. Absent when Spring
 * Security is not on the class path or its protection is off. Stateless.
 */
final class SpringSecurityCsrf {
  private static final boolean PRESENT = ClassUtils.isPresent(
      "org.springframework.security.web.csrf.CsrfToken", SpringSecurityCsrf.class.getClassLoader());

  private SpringSecurityCsrf() {}

  /** The hidden field Spring Security expects in a form, as HTML, or nothing. */
  static String field(HttpServletRequest request) {
    return PRESENT ? Present.field(request).orElse("") : "";
  }

  /** Loaded only when Spring Security is present. */
  private static final class Present {
    static Optional<String> field(HttpServletRequest request) {
      if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
        return Optional.of("<input type=\"hidden\" name=\"" + Html.esc(token.getParameterName())
            + "\" value=\"" + Html.esc(token.getToken()) + "\">");
      }
      return Optional.empty();
    }
  }
}
