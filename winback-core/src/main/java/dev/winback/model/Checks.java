package dev.winback.model;

import dev.winback.InvalidInputException;
import dev.winback.Problem;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Collects every problem of one value before failing, so a caller learns all that is wrong at once; the checks
 * apply the {@link Limits}. Not thread-safe (use one per check).
 */
final class Checks {
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+$");
  private static final Pattern PHONE = Pattern.compile("^\\+?[0-9][0-9 ()./-]{4,23}$");

  private final String subject;
  private final List<Problem> problems = new ArrayList<>();

  private Checks(String subject) {
    this.subject = subject;
  }

  /** Starts collecting the problems of a value of type {@code subject}. */
  static Checks of(String subject) {
    return new Checks(subject);
  }

  /** Records a problem unless the condition holds. */
  Checks require(boolean ok, String path, String message) {
    if (!ok) {
      problems.add(new Problem(path, message));
    }
    return this;
  }

  /** Records a problem if the text is blank. */
  Checks notBlank(String text, String path) {
    return require(!text.isBlank(), path, "must not be blank");
  }

  // ------------------------------------------------------------------------------------------------ texts

  /** An id: not blank, at most {@link Limits#MAX_ID_LENGTH}, one line, no unpaired surrogate. */
  Checks id(String id, String path) {
    return notBlank(id, path).text(id, Limits.MAX_ID_LENGTH, false, path);
  }

  /** A plan id: as an id, at most {@link Limits#MAX_PLAN_ID_LENGTH}. */
  Checks planId(String id, String path) {
    return notBlank(id, path).text(id, Limits.MAX_PLAN_ID_LENGTH, false, path);
  }

  /** A name or label: at most {@link Limits#MAX_NAME_LENGTH}, one line, no unpaired surrogate. */
  Checks name(String name, String path) {
    return text(name, Limits.MAX_NAME_LENGTH, false, path);
  }

  /** An optional name. */
  Checks name(Optional<String> name, String path) {
    name.ifPresent(n -> name(n, path));
    return this;
  }

  /** Names, each checked at its index. */
  Checks names(Collection<String> names, String path) {
    items(names.size(), path);
    int i = 0;
    for (String name : names) {
      name(name, path + "[" + i++ + "]");
    }
    return this;
  }

  /** A text that may span lines: at most {@code maxLength}, no other control character, no unpaired surrogate. */
  Checks text(String text, int maxLength, String path) {
    return text(text, maxLength, true, path);
  }

  /** An optional text that may span lines. */
  Checks text(Optional<String> text, int maxLength, String path) {
    text.ifPresent(t -> text(t, maxLength, true, path));
    return this;
  }

  private Checks text(String text, int maxLength, boolean lineBreaks, String path) {
    require(text.length() <= maxLength, path, "must be at most " + maxLength + " characters long");
    boolean surrogate = false;
    boolean control = false;
    for (int i = 0, n = text.length(); i < n; i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < n
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        surrogate = true;
      } else if (Character.isISOControl(c)
          && !(lineBreaks && (c == '\t' || c == '\n' || c == '\r'))) {
        control = true;
      }
    }
    require(!surrogate, path, "must not contain an unpaired surrogate (a broken character)");
    return require(
        !control,
        path,
        lineBreaks
            ? "must not contain control characters other than tabs and line breaks"
            : "must not contain control characters or line breaks");
  }

  /**
   * The text with every unpaired surrogate and every control character other than tab, line feed and carriage
   * return replaced by U+FFFD; the text itself when it has none.
   */
  static String replaceUnstorable(String text) {
    StringBuilder clean = null;
    for (int i = 0, n = text.length(); i < n; i++) {
      char c = text.charAt(i);
      boolean pair =
          Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1));
      boolean bad = !pair
          && (Character.isSurrogate(c)
              || Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r');
      if (bad && clean == null) {
        clean = new StringBuilder(text.length()).append(text, 0, i);
      }
      if (clean != null) {
        clean.append(bad ? '\uFFFD' : c);
        if (pair) {
          clean.append(text.charAt(i + 1));
        }
      }
      if (pair) {
        i++;
      }
    }
    return clean == null ? text : clean.toString();
  }

  // ------------------------------------------------------------------------------------------------ sizes

  /** A list, set or map a host fills: at most {@link Limits#MAX_ITEMS} items. */
  Checks items(int size, String path) {
    return require(
        size <= Limits.MAX_ITEMS, path, "must have at most " + Limits.MAX_ITEMS + " items");
  }

  /**
   * A map whose keys are names (not blank) and values descriptions, such as a customer's attributes. A value's
   * problems are named at {@code path.key}; a key's at {@code path}, since a broken key cannot name a path.
   */
  Checks attributes(Map<String, String> attributes, String path) {
    items(attributes.size(), path);
    for (Map.Entry<String, String> attribute : attributes.entrySet()) {
      String key = attribute.getKey();
      Checks keyChecks = Checks.of(subject).notBlank(key, path).name(key, path);
      for (Problem problem : keyChecks.problems) {
        Problem ofKeys = new Problem(path, "keys " + problem.message());
        if (!problems.contains(ofKeys)) {
          problems.add(ofKeys);
        }
      }
      text(
          attribute.getValue(),
          Limits.MAX_DESCRIPTION_LENGTH,
          keyChecks.problems.isEmpty() ? path + "." + key : path);
    }
    return this;
  }

  // ------------------------------------------------------------------------------------------------ money

  /** An amount: at most {@link Limits#MAX_MONEY_SCALE} decimal places, less than {@link Limits#MONEY_BOUND}. */
  Checks money(BigDecimal amount, String path) {
    return bounded(amount, path);
  }

  /** An optional amount. */
  Checks money(Optional<BigDecimal> amount, String path) {
    amount.ifPresent(a -> money(a, path));
    return this;
  }

  // ------------------------------------------------------------------------------------------------ times

  /** An instant between {@link Limits#EARLIEST} and {@link Limits#LATEST}. */
  Checks plausible(Instant at, String path) {
    return bounded(at, path);
  }

  /** An optional instant between {@link Limits#EARLIEST} and {@link Limits#LATEST}. */
  Checks plausible(Optional<Instant> at, String path) {
    at.ifPresent(a -> plausible(a, path));
    return this;
  }

  /** A date in the years 1900 to 9999. */
  Checks plausible(LocalDate date, String path) {
    return bounded(date, path);
  }

  /** A duration no longer than {@link Limits#LONGEST} either way. */
  Checks plausible(Duration duration, String path) {
    return bounded(duration, path);
  }

  /** A period no longer than 100 years either way. */
  Checks plausible(Period period, String path) {
    return bounded(period, path);
  }

  private Checks bounded(Object value, String path) {
    for (String problem : Limits.problemsOf(value)) {
      problems.add(new Problem(path, problem));
    }
    return this;
  }

  /** A duration that is positive and no longer than {@link Limits#LONGEST}. */
  Checks positive(Duration duration, String path) {
    return require(!duration.isNegative() && !duration.isZero(), path, "must be positive")
        .plausible(duration, path);
  }

  // ------------------------------------------------------------------------------------------------ results

  /** Every problem recorded so far. */
  List<Problem> problems() {
    return List.copyOf(problems);
  }

  /** Throws {@link InvalidInputException} naming every problem recorded, if any. */
  void throwIfAny() {
    if (!problems.isEmpty()) {
      throw new InvalidInputException(subject, problems);
    }
  }

  /** Tells whether a text looks like an e-mail address (one {@code @}, a dotted domain, no spaces). */
  static boolean isEmailAddress(String text) {
    return EMAIL.matcher(text).matches();
  }

  /** Tells whether a text looks like a phone number (digits with common separators, optional leading {@code +}). */
  static boolean isPhoneNumber(String text) {
    return PHONE.matcher(text).matches();
  }
}
