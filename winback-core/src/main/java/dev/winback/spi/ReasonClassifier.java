package dev.winback.spi;

import dev.winback.model.ExitCategory;
import java.util.Locale;

/**
 * Turns a customer's own words about why they left into an {@link ExitCategory}. Must be thread-safe.
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
   * The default classifier: English keyword rules for every category, checked in a fixed order of precedence
   * (e.g. "a competitor offered a better price" is {@link ExitCategory#COMPETITOR_OFFER}, not price).
   *
   * @return the classifier
   */
  static ReasonClassifier keywords() {
    return KeywordReasonClassifier.INSTANCE;
  }
}
