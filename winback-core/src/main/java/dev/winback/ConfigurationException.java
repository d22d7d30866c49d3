package dev.winback;

/**
 * A {@link WinBack} builder was used wrongly: an option set twice, a step kind the playbook uses with no strategy
 * registered for it. Raised at build time; fix the wiring code.
 */
public final class ConfigurationException extends WinBackException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what is wrong with the configuration and how to fix it
   */
  public ConfigurationException(String message) {
    super(message);
  }
}
