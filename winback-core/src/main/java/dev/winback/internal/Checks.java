package dev.winback.internal;

import dev.winback.InvalidInputException;
import dev.winback.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Collects every problem of one value before failing, so a caller learns all that is wrong at once. Not API; not
 * thread-safe (use one per check).
 */
public final class Checks {
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+$");
  private static final Pattern PHONE = Pattern.compile("^\\+?[0-9][0-9 ()./-]{4,23}$");

  private final String subject;
  private final List<Problem> problems = new ArrayList<>();

  private Checks(String subject) {
    this.subject = subject;
  }

  /**
   * Starts collecting problems of one value.
   *
   * @param subject the value's type name, used in the exception
   * @return a new collector
   */
  public static Checks of(String subject) {
    return new Checks(subject);
  }

  /**
   * Records a problem unless the condition holds.
   *
   * @param ok the condition that must hold
   * @param path the field path
   * @param message what is wrong when it does not hold
   * @return this collector
   */
  public Checks require(boolean ok, String path, String message) {
    if (!ok) {
      problems.add(new Problem(path, message));
    }
    return this;
  }

  /**
   * Records a problem if the text is blank.
   *
   * @param text the text to check
   * @param path the field path
   * @return this collector
   */
  public Checks notBlank(String text, String path) {
    return require(!text.isBlank(), path, "must not be blank");
  }

  /**
   * Throws {@link InvalidInputException} naming every problem recorded, if any.
   *
   * @throws InvalidInputException when at least one problem was recorded
   */
  public void throwIfAny() {
    if (!problems.isEmpty()) {
      throw new InvalidInputException(subject, problems);
    }
  }

  /**
   * Tells whether a text looks like an e-mail address (one {@code @}, a dotted domain, no spaces).
   *
   * @param text the text
   * @return true when it looks like an e-mail address
   */
  public static boolean isEmailAddress(String text) {
    return EMAIL.matcher(text).matches();
  }

  /**
   * Tells whether a text looks like a phone number (digits with common separators, optional leading {@code +}).
   *
   * @param text the text
   * @return true when it looks like a phone number
   */
  public static boolean isPhoneNumber(String text) {
    return PHONE.matcher(text).matches();
  }
}
