package dev.winback.console;

import dev.winback.ConfigurationException;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The operator console's settings, bound from {@code winback.console.*}. Immutable; each value is checked when it is
 * bound, and a wrong one stops the application with a {@link ConfigurationException} that names it.
 *
 * @param enabled whether the console is served at all (default true when the module is on the class path)
 * @param path where the console is served, e.g. {@code /winback} (the default): a slash and URL-safe segments, no
 *     trailing slash
 * @param viewerRole the role that may read the console with personal data masked (default {@code WINBACK_VIEWER})
 * @param adminRole the role that may also act on plans and sees personal data (default {@code WINBACK_ADMIN})
 * @param allowAnonymous whether a request without an authenticated principal may read the console, masked and
 *     without actions (default false: it gets 401)
 * @param actionSecret the secret the forms' anti-forgery tokens are signed with, at least 32 characters; the same
 *     on every instance of a cluster behind one address; empty (the default) for a random secret per start, which
 *     only invalidates forms that were open while the application restarted
 */
@ConfigurationProperties("winback.console")
public record ConsoleProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("/winback") String path,
    @DefaultValue("WINBACK_VIEWER") String viewerRole,
    @DefaultValue("WINBACK_ADMIN") String adminRole,
    @DefaultValue("false") boolean allowAnonymous,
    @DefaultValue("") String actionSecret) {

  private static final Pattern PATH = Pattern.compile("(/[A-Za-z0-9._~-]+)+");
  private static final Pattern ROLE = Pattern.compile("[A-Za-z0-9_.:-]+");

  /**
   * Checks the settings.
   *
   * @param enabled whether the console is served
   * @param path where it is served
   * @param viewerRole the viewer role
   * @param adminRole the admin role
   * @param allowAnonymous whether anonymous reading is allowed
   * @param actionSecret the secret for the forms' tokens, or empty
   * @throws ConfigurationException when the path or a role is malformed, the roles are the same, or the secret is
   *     shorter than 32 characters
   */
  public ConsoleProperties {
    if (!PATH.matcher(path).matches()) {
      throw new ConfigurationException(
          "winback.console.path must be like /winback (a slash, URL-safe segments,"
              + " no trailing slash), not " + path);
    }
    if (!ROLE.matcher(viewerRole).matches()) {
      throw new ConfigurationException(
          "winback.console.viewer-role must be a role name, not '" + viewerRole + "'");
    }
    if (!ROLE.matcher(adminRole).matches()) {
      throw new ConfigurationException(
          "winback.console.admin-role must be a role name, not '" + adminRole + "'");
    }
    if (viewerRole.equals(adminRole)) {
      throw new ConfigurationException(
          "winback.console.viewer-role and admin-role must differ: a viewer would be an admin");
    }
    if (!actionSecret.isEmpty() && actionSecret.length() < 32) {
      throw new ConfigurationException(
          "winback.console.action-secret must have at least 32 characters, or be left out for a random one");
    }
  }

  /** The settings' defaults, as an application that sets nothing gets them. */
  static ConsoleProperties defaults() {
    return new ConsoleProperties(true, "/winback", "WINBACK_VIEWER", "WINBACK_ADMIN", false, "");
  }

  /** Does not print the secret. */
  @Override
  public String toString() {
    return "ConsoleProperties[enabled=" + enabled + ", path=" + path + ", viewerRole=" + viewerRole
        + ", adminRole=" + adminRole + ", allowAnonymous=" + allowAnonymous + ", actionSecret="
        + (actionSecret.isEmpty() ? "random" : "set") + "]";
  }
}
