package dev.winback.model;

import dev.winback.InvalidInputException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;

/**
 * The bounds of everything WinBack accepts, in one place: the model's values check them when built, JSON reading
 * checks them when it reads, and the stores rely on them (every value within them can be written and read back by
 * {@code dev.winback.jdbc.JdbcPlanStore}, on PostgreSQL and on H2). Input beyond them fails with one
 * {@link InvalidInputException} that names every problem and its field path; only the texts a host gives to
 * describe an outcome (the reference or reason of a {@code StepResult}, the rule or reason of a
 * {@code ContactDecision}) are cut short instead, ending with {@link #TRUNCATION_MARKER}.
 *
 * <table>
 *   <caption>What each limit applies to</caption>
 *   <tr><th>limit</th><th>applies to</th></tr>
 *   <tr><td>{@link #MAX_ID_LENGTH}</td><td>customer ids, wherever they enter (values and the engine's methods)</td>
 *   </tr>
 *   <tr><td>{@link #MAX_PLAN_ID_LENGTH}</td><td>plan ids ({@code customerId@lostAt})</td></tr>
 *   <tr><td>{@link #MAX_NAME_LENGTH}</td><td>display names, segments, tags, products, competitors, playbook, rule,
 *   experiment and arm names, attribute keys, consent sources: one line each</td></tr>
 *   <tr><td>{@link #MAX_ADDRESS_LENGTH}</td><td>contact addresses (a postal address may span lines)</td></tr>
 *   <tr><td>{@link #MAX_DESCRIPTION_LENGTH}</td><td>rule rationales, attribute values, what a customer keeps and
 *   the come-back link of exit terms</td></tr>
 *   <tr><td>{@link #MAX_TEXT_LENGTH}</td><td>the customer's own words (feedback text, verbatim reasons) and step
 *   messages</td></tr>
 *   <tr><td>{@link #MAX_PLAN_RATIONALE_LENGTH}</td><td>a plan's rationale, which the engine composes from a rule's
 *   rationale, name and condition</td></tr>
 *   <tr><td>{@link #MAX_RESULT_TEXT_LENGTH}</td><td>a host's outcome texts: cut short, never refused</td></tr>
 *   <tr><td>{@link #MAX_DETAIL_LENGTH}</td><td>a step's outcome and a journal event's detail: cut short, never
 *   refused</td></tr>
 *   <tr><td>{@link #MAX_ITEMS}</td><td>every list, set and map a host fills</td></tr>
 *   <tr><td>{@link #MAX_MONEY_SCALE}, {@link #MONEY_BOUND}</td><td>every amount (revenue, budgets, thresholds,
 *   offer values)</td></tr>
 *   <tr><td>{@link #EARLIEST}, {@link #LATEST}</td><td>every instant and date</td></tr>
 *   <tr><td>{@link #LONGEST}</td><td>every duration and period (offsets, windows, validity, backoff, retention)
 *   </td></tr>
 *   <tr><td>{@code MAX_JSON_*}</td><td>every JSON document read</td></tr>
 * </table>
 *
 * <p>Lengths count UTF-16 code units ({@link String#length()}): a character outside the Basic Multilingual Plane,
 * such as most emoji, counts two. Ids, names and texts must not contain unpaired surrogates (they cannot be encoded
 * in UTF-8, and PostgreSQL would store them as {@code ?}) nor control characters; only texts that may span lines
 * (addresses, descriptions, the customer's words, messages) may hold tabs, line feeds and carriage returns. Ids and
 * names must not be blank where they identify something (customer, plan, rule and playbook ids and names, attribute
 * keys).
 */
public final class Limits {
  /** The longest customer id: 255 UTF-16 code units. */
  public static final int MAX_ID_LENGTH = 255;

  /** The longest plan id: 320 UTF-16 code units, room for a customer id, {@code @} and an instant. */
  public static final int MAX_PLAN_ID_LENGTH = 320;

  /** The longest name or label (one line): 200 UTF-16 code units. */
  public static final int MAX_NAME_LENGTH = 200;

  /** The longest contact address: 500 UTF-16 code units. */
  public static final int MAX_ADDRESS_LENGTH = 500;

  /** The longest description (a rule's rationale, an attribute value, an item of exit terms): 2,000. */
  public static final int MAX_DESCRIPTION_LENGTH = 2_000;

  /** The longest text of the customer's own words or of a step's message: 10,000 UTF-16 code units. */
  public static final int MAX_TEXT_LENGTH = 10_000;

  /** The longest rationale of a plan: 50,000 UTF-16 code units (a rule's rationale, name and condition fit). */
  public static final int MAX_PLAN_RATIONALE_LENGTH = 50_000;

  /**
   * The longest outcome text a host's strategy or contact policy may give (a reference, a reason, a rule name): 1,000
   * UTF-16 code units; longer ones are cut short with {@link #TRUNCATION_MARKER}.
   */
  public static final int MAX_RESULT_TEXT_LENGTH = 1_000;

  /**
   * The longest outcome of a step and detail of a journal event: 2,000 UTF-16 code units; longer ones are cut short
   * with {@link #TRUNCATION_MARKER}. A journal event then always fits the store's 8,000-character journal column.
   */
  public static final int MAX_DETAIL_LENGTH = 2_000;

  /** What ends a text that was cut short. */
  public static final String TRUNCATION_MARKER = "…[truncated]";

  /** The most items of any list, set or map a host fills (contact points, tags, attributes, reasons, rules...). */
  public static final int MAX_ITEMS = 100;

  /**
   * The most decimal places of an amount: 4. {@code new BigDecimal(0.1)} (a binary fraction, 55 places) is refused;
   * write {@code new BigDecimal("0.1")} or {@code BigDecimal.valueOf(0.1)}. A negative scale ({@code 1E+3}, as
   * {@link BigDecimal#stripTrailingZeros()} may give) is refused too.
   */
  public static final int MAX_MONEY_SCALE = 4;

  /** Every amount must be less than this in magnitude: 10<sup>15</sup>. */
  public static final BigDecimal MONEY_BOUND = BigDecimal.TEN.pow(15);

  /** The earliest instant WinBack accepts: the start of 1900. */
  public static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");

  /**
   * The latest instant WinBack accepts: the last microsecond of 9999 (the databases keep microseconds, and a time
   * rounded up to them must stay within 9999).
   */
  public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

  /** The longest duration or period WinBack accepts, either way: 100 years of 365.25 days. */
  public static final Duration LONGEST = Duration.ofDays(36_525);

  /** The longest JSON document WinBack reads: 1,000,000 characters. */
  public static final int MAX_JSON_DOCUMENT_LENGTH = 1_000_000;

  /** The deepest nesting of a JSON document WinBack reads: 32 levels. */
  public static final int MAX_JSON_DEPTH = 32;

  /** The longest string in a JSON document WinBack reads: 100,000 characters, above every text limit. */
  public static final int MAX_JSON_STRING_LENGTH = 100_000;

  /** The longest number in a JSON document WinBack reads: 50 characters, above every amount within the limits. */
  public static final int MAX_JSON_NUMBER_LENGTH = 50;

  private Limits() {}

  /**
   * Checks an id given to the engine, e.g. the customer id of a lookup.
   *
   * @param path the argument's name, e.g. {@code customerId}
   * @param id the id
   * @return the id
   * @throws InvalidInputException when it is blank, longer than {@link #MAX_ID_LENGTH}, or holds a control
   *     character or an unpaired surrogate
   */
  public static String requireValidId(String path, String id) {
    Checks.of(path).id(id, path).throwIfAny();
    return id;
  }

  /**
   * Checks a name or label given to the engine, e.g. the source of a consent change.
   *
   * @param path the argument's name, e.g. {@code source}
   * @param name the name
   * @return the name
   * @throws InvalidInputException when it is longer than {@link #MAX_NAME_LENGTH}, or holds a control character
   *     or an unpaired surrogate
   */
  public static String requireValidName(String path, String name) {
    Checks.of(path).name(name, path).throwIfAny();
    return name;
  }

  /**
   * What is wrong with a value of a bounded type, whatever field holds it: an instant outside {@link #EARLIEST} to
   * {@link #LATEST}, a date outside the years 1900 to 9999, a duration or period longer than {@link #LONGEST} either
   * way, an amount ({@link BigDecimal}) with more than {@link #MAX_MONEY_SCALE} decimal places, a negative scale
   * (JSON writes amounts in plain digits, so {@code 1E+3} would read back as {@code 1000}, a different value to
   * {@link BigDecimal#equals(Object)}) or not less than {@link #MONEY_BOUND} in magnitude. JSON reading applies this to every such value it reads.
   *
   * @param value the value
   * @return every problem, in words that never repeat the value; empty when it is within bounds or of another type
   */
  public static List<String> problemsOf(Object value) {
    List<String> problems = new ArrayList<>(2);
    if (value instanceof Instant at) {
      if (at.isBefore(EARLIEST) || at.isAfter(LATEST)) {
        problems.add(YEARS);
      }
    } else if (value instanceof LocalDate date) {
      if (date.getYear() < 1900 || date.getYear() > 9999) {
        problems.add(YEARS);
      }
    } else if (value instanceof Duration duration) {
      if (duration.abs().compareTo(LONGEST) > 0) {
        problems.add(CENTURY);
      }
    } else if (value instanceof Period period) {
      if (Math.abs(period.toTotalMonths()) > 1200
          || Math.abs((long) period.getDays()) > LONGEST.toDays()) {
        problems.add(CENTURY);
      }
    } else if (value instanceof BigDecimal amount) {
      if (amount.scale() > MAX_MONEY_SCALE) {
        problems.add(
            "must have at most " + MAX_MONEY_SCALE
                + " decimal places (make amounts from text or BigDecimal.valueOf, never new BigDecimal(double))");
      } else if (amount.scale() < 0) {
        problems.add(
            "must not have a negative scale (write 1000, not 1E+3; see BigDecimal.setScale)");
      }
      if (amount.abs().compareTo(MONEY_BOUND) >= 0) {
        problems.add("must be less than 10^15 in magnitude");
      }
    }
    return problems;
  }

  private static final String YEARS = "must lie between the years 1900 and 9999";
  private static final String CENTURY = "must not be longer than 100 years";

  /**
   * A text made fit to store: every unpaired surrogate and every control character other than tab, line feed and
   * carriage return replaced by U+FFFD, and, when still longer than {@code maxLength}, cut short to end with
   * {@link #TRUNCATION_MARKER} (never between the two halves of a surrogate pair).
   *
   * @param text the text
   * @param maxLength the longest result, at least the marker's length
   * @return the text itself when it was fit already
   */
  public static String truncate(String text, int maxLength) {
    if (maxLength < TRUNCATION_MARKER.length()) {
      throw new IllegalArgumentException("maxLength must leave room for the marker: " + maxLength);
    }
    String clean = Checks.replaceUnstorable(text);
    if (clean.length() <= maxLength) {
      return clean;
    }
    int cut = maxLength - TRUNCATION_MARKER.length();
    if (cut > 0 && Character.isHighSurrogate(clean.charAt(cut - 1))) {
      cut--;
    }
    return clean.substring(0, cut) + TRUNCATION_MARKER;
  }
}
