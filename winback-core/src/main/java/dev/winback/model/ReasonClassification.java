package dev.winback.model;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What a {@link dev.winback.spi.ReasonClassifier} read in a customer's words: the main reason, the other reasons it
 * found, how sure it is (0 to 1) and the language it read them in. A classifier that is unsure answers
 * {@link ExitCategory#UNKNOWN} rather than guess a category that would trigger an apology or an offer.
 */
@Value.Immutable
public abstract class ReasonClassification {

  /** Only the generated implementation extends this type: build values with {@link #builder()}. */
  ReasonClassification() {}

  /**
   * The main reason, {@link ExitCategory#UNKNOWN} when the words do not say clearly enough.
   *
   * @return the category
   */
  public abstract ExitCategory category();

  /**
   * The other reasons found in the words, most likely first; never the main one nor UNKNOWN.
   *
   * @return the other categories
   */
  public abstract List<ExitCategory> others();

  /**
   * How sure the classifier is of the main reason, from 0 (a guess) to 1 (certain).
   *
   * @return the confidence
   */
  public abstract double confidence();

  /**
   * The language the words were read in, as an ISO 639 code ({@code en}, {@code de}, ...), when known.
   *
   * @return the language
   */
  public abstract Optional<String> language();

  /**
   * Every category found, the main one first; empty when the main one is UNKNOWN and nothing else was found.
   *
   * @return the categories
   */
  public List<ExitCategory> categories() {
    LinkedHashSet<ExitCategory> all = new LinkedHashSet<>();
    if (category() != ExitCategory.UNKNOWN) {
      all.add(category());
    }
    all.addAll(others());
    return List.copyOf(all);
  }

  /**
   * A classification of one category: certain for a known category, zero confidence for UNKNOWN.
   *
   * @param category the category
   * @return the classification
   */
  public static ReasonClassification of(ExitCategory category) {
    return builder()
        .category(category)
        .confidence(category == ExitCategory.UNKNOWN ? 0 : 1)
        .build();
  }

  /**
   * Starts building a classification.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link ReasonClassification}; not thread-safe. */
  public static final class Builder extends ImmutableReasonClassification.Builder {}

  @Value.Check
  void check() {
    Checks.of("ReasonClassification")
        .require(confidence() >= 0 && confidence() <= 1, "confidence", "must be between 0 and 1")
        .require(
            !others().contains(category()) || category() == ExitCategory.UNKNOWN,
            "others",
            "must not repeat the main category")
        .require(!others().contains(ExitCategory.UNKNOWN), "others", "must not contain UNKNOWN")
        .require(
            new LinkedHashSet<>(others()).size() == others().size(),
            "others",
            "must not repeat a category")
        .name(language(), "language")
        .throwIfAny();
  }
}
