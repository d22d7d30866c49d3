package dev.winback;

/**
 * Root of every exception WinBack throws. Each subtype names the failure and says what to do about it.
 *
 * <p>Unchecked: WinBack failures are either programming errors or bad input, which callers handle at the
 * boundary where the input came in.
 */
public abstract class WinBackException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message that must not contain personal data.
   *
   * @param message what went wrong and what to do about it
   */
  protected WinBackException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a cause.
   *
   * @param message what went wrong and what to do about it
   * @param cause the underlying failure
   */
  protected WinBackException(String message, Throwable cause) {
    super(message, cause);
  }
}
