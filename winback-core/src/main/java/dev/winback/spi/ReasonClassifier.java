package dev.winback.spi;

import dev.winback.model.ExitCategory;
import dev.winback.model.ReasonClassification;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Turns a customer's own words about why they left into an {@link ExitCategory}. Must be thread-safe.
 *
 * <p>Whatever a classifier answers, the engine never takes an irreversible category ({@link ExitCategory#DECEASED},
 * {@link ExitCategory#LEGAL_HOLD}, {@link ExitCategory#DO_NOT_CONTACT}) from free text: it journals it as a
 * suggestion for a person to confirm and records the reason as {@link ExitCategory#UNKNOWN} when it was the main
 * one. Only the host sets such a category (on the {@code Feedback} or {@code ExitReason}, or with
 * {@code WinBack.suppress}).
 */
@FunctionalInterface
public interface ReasonClassifier {

  /**
   * Classifies free text.
   *
   * @param text what the customer said
   * @param locale the customer's language
   * @return the category, {@link ExitCategory#UNKNOWN} when the text does not say
   */
  ExitCategory classify(String text, Locale locale);

  /**
   * Classifies free text with everything the classifier can tell: the main reason, the others it found and how sure
   * it is. The engine calls this method; by default it wraps {@link #classify(String, Locale)}, certain of any
   * category but UNKNOWN.
   *
   * @param text what the customer said
   * @param locale the customer's language
   * @return the classification
   */
  default ReasonClassification classification(String text, Locale locale) {
    return ReasonClassification.of(classify(text, locale));
  }

  /**
   * The default classifier: phrase rules for every category in English, German, French and Spanish (the language
   * from the locale, or detected from the text when the locale is not one of these or does not fit the text), with
   * negation ("not the price") and contrast ("the staff were lovely, but ...") read clause by clause. It answers
   * UNKNOWN when it is unsure rather than guess.
   *
   * @return the classifier
   */
  static ReasonClassifier keywords() {
    return KeywordReasonClassifier.INSTANCE;
  }

  /**
   * A classifier that asks an external one (a model behind a network call, say) and falls back to another when the
   * external one takes longer than a timeout, throws or returns null. The external classifier runs on a small pool
   * of daemon threads (at most four calls at once; beyond that the fallback answers at once), so one that hangs and
   * ignores interrupts cannot hold up the engine or leak threads without bound.
   *
   * @param external the classifier to ask first
   * @param timeout how long to wait for it
   * @param fallback the classifier that answers when the external one does not, e.g. {@link #keywords()}
   * @return the classifier
   * @throws IllegalArgumentException when the timeout is not positive
   */
  static ReasonClassifier withTimeout(
      ReasonClassifier external, Duration timeout, ReasonClassifier fallback) {
    Objects.requireNonNull(external, "external");
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(fallback, "fallback");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive, was " + timeout);
    }
    return new TimeLimitedReasonClassifier(external, timeout, fallback);
  }
}
