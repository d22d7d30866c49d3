package dev.winback.model;

import java.util.Locale;
import org.immutables.value.Value;

/**
 * One example for training a reason classifier: what a customer said, in which language, and the category a person
 * gave it. The words are personal data, masked in {@code toString()}.
 */
@Value.Immutable
public abstract class LabelledReason {

  /** Only the generated implementation extends this type: build values with {@link #of}. */
  LabelledReason() {}

  /**
   * What the customer said.
   *
   * @return the text
   */
  @Value.Redacted
  public abstract String text();

  /**
   * The language the customer wrote in.
   *
   * @return the locale
   */
  public abstract Locale locale();

  /**
   * The category a person gave the text.
   *
   * @return the category
   */
  public abstract ExitCategory category();

  /**
   * Creates an example.
   *
   * @param text what the customer said
   * @param locale the customer's language
   * @param category the category a person gave it
   * @return the example
   * @throws dev.winback.InvalidInputException when the text is blank or too long
   */
  public static LabelledReason of(String text, Locale locale, ExitCategory category) {
    return ImmutableLabelledReason.builder()
        .text(text)
        .locale(locale)
        .category(category)
        .build();
  }

  @Value.Check
  void check() {
    Checks.of("LabelledReason")
        .notBlank(text(), "text")
        .text(text(), Limits.MAX_TEXT_LENGTH, "text")
        .throwIfAny();
  }
}
