package dev.winback.model;

import dev.winback.InvalidInputException;
import dev.winback.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Collects every problem of one value before failing, so a caller learns all that is wrong at once. Not API; not
 * thread-safe (use one per check).
 */
final class Checks {
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

  /** The earliest instant WinBack accepts: 1900-01-01. */
  public static final java.time.Instant EARLIEST = java.time.Instant.parse("1900-01-01T00:00:00Z");

  /** The latest instant WinBack accepts: the end of 9999. */
  public static final java.time.Instant LATEST = java.time.Instant.parse("9999-12-31T23:59:59Z");

  /** The longest span WinBack accepts for an offset, a validity or a window: 100 years. */
  public static final java.time.Duration LONGEST = java.time.Duration.ofDays(36_525);

  /**
   * Records a problem unless an instant lies between 1900 and 9999.
   *
   * @param at the instant
   * @param path the field path
   * @return this collector
   */
  public Checks plausible(java.time.Instant at, String path) {
    return require(!at.isBefore(EARLIEST) && !at.isAfter(LATEST), path, "must lie between the years 1900 and 9999");
  }

  /**
   * Records a problem unless a date lies between 1900 and 9999.
   *
   * @param date the date
   * @param path the field path
   * @return this collector
   */
  public Checks plausible(java.time.LocalDate date, String path) {
    return require(date.getYear() >= 1900 && date.getYear() <= 9999, path, "must lie between the years 1900 and 9999");
  }

  /**
   * Records a problem if a duration is longer than 100 years either way.
   *
   * @param duration the duration
   * @param path the field path
   * @return this collector
   */
  public Checks plausible(java.time.Duration duration, String path) {
    return require(duration.abs().compareTo(LONGEST) <= 0, path, "must not be longer than 100 years");
  }

  /**
   * Records a problem if a period is longer than 100 years or negative.
   *
   * @param period the period
   * @param path the field path
   * @return this collector
   */
  public Checks plausible(java.time.Period period, String path) {
    return require(Math.abs(period.toTotalMonths()) <= 1200 && Math.abs(period.getDays()) <= 36_525, path,
        "must not be longer than 100 years");
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
