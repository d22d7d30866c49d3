package dev.winback.spi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.winback.model.ExitCategory;
import dev.winback.model.ReasonClassification;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeywordReasonClassifierTest {
  private final ReasonClassifier classifier = ReasonClassifier.keywords();

  @ParameterizedTest(name = "\"{0}\" is {1}")
  @CsvSource(delimiter = '|', textBlock = """
      It was simply too expensive for us                     | PRICE
      Your competitor made us a better offer                 | COMPETITOR_OFFER
      A rival offered a lower price, so we switched to them  | COMPETITOR_OFFER
      You don't have the reporting feature we need           | MISSING_FEATURE
      After the redesign I could not find anything           | PRODUCT_CHANGE
      The app kept crashing                                  | PRODUCT_QUALITY
      Three outages in a month and nobody told us            | SERVICE_FAILURE
      The support person was rude to me                      | STAFF_ATTITUDE
      Nobody ever called; we felt taken for granted          | FELT_UNAPPRECIATED
      Way too many emails, every single day                  | TOO_MANY_MESSAGES
      We no longer need a CRM                                | NO_LONGER_NEEDED
      We moved to another country                            | MOVED
      Our budget was cut for next year                       | BUDGET_CUT
      My mother passed away in March                         | DECEASED
      Our lawyer will contact you about the contract         | LEGAL_HOLD
      Never contact me again                                 | DO_NOT_CONTACT
      Just because                                           | UNKNOWN
      """)
  void classifiesWhatCustomersSay(String text, ExitCategory expected) {
    assertThat(classifier.classify(text, Locale.ENGLISH)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "\"{0}\" is {1}")
  @CsvSource(delimiter = '|', textBlock = """
      Your app died on me twice during checkout                                     | PRODUCT_QUALITY
      The price was fine, the staff were lovely, we just moved abroad               | MOVED
      I don't want to unsubscribe, I just found a cheaper competitor                | COMPETITOR_OFFER
      It's not the price, it's the outages                                          | SERVICE_FAILURE
      The staff were lovely, but the app never worked                               | PRODUCT_QUALITY
      Although the app works well, the price went up again                          | PRICE
      The support agents had no idea how their own product works                    | SERVICE_FAILURE
      Extra charges on every bill that nobody explained                             | SERVICE_FAILURE
      """)
  void readsNegationContrastAndTheComplaintsTheOldRulesMissed(String text, ExitCategory expected) {
    assertThat(classifier.classify(text, Locale.ENGLISH)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{1}: \"{0}\" is {2}")
  @CsvSource(delimiter = '|', textBlock = """
      Viel zu teuer geworden                                  | de | PRICE
      Ständige Netzausfälle und niemand hilft                 | de | SERVICE_FAILURE
      Wir sind nach Hamburg umgezogen                         | de | MOVED
      Trop cher pour ce que c'est                             | fr | PRICE
      Le conseiller était très désagréable                    | fr | STAFF_ATTITUDE
      Je suis passé chez un autre opérateur                   | fr | COMPETITOR_OFFER
      Demasiado caro para lo que ofrece                       | es | PRICE
      La aplicación se cuelga todo el rato                    | es | PRODUCT_QUALITY
      Ya no lo necesito                                       | es | NO_LONGER_NEEDED
      """)
  void readsGermanFrenchAndSpanish(String text, String language, ExitCategory expected) {
    assertThat(classifier.classify(text, Locale.forLanguageTag(language))).isEqualTo(expected);
  }

  @Test
  void detectsTheLanguageWhenTheLocaleIsWrongOrMissing() {
    ReasonClassification german = classifier.classification(
        "Die App stürzt ständig ab und der Support hilft nicht", Locale.ENGLISH);
    ReasonClassification french = classifier.classification("Je n'en ai plus besoin", Locale.ROOT);

    assertThat(german.language()).contains("de");
    assertThat(german.category()).isEqualTo(ExitCategory.PRODUCT_QUALITY);
    assertThat(french.language()).contains("fr");
    assertThat(french.category()).isEqualTo(ExitCategory.NO_LONGER_NEEDED);
  }

  @Test
  void namesTheOtherReasonsItFinds() {
    ReasonClassification read = classifier.classification(
        "Way too expensive, and your support never answered my emails", Locale.ENGLISH);

    assertThat(read.categories())
        .containsExactlyInAnyOrder(ExitCategory.PRICE, ExitCategory.SERVICE_FAILURE);
    assertThat(read.confidence()).isBetween(0.0, 1.0);
  }

  @Test
  void answersUnknownWithLowConfidenceRatherThanGuess() {
    ReasonClassification vague = classifier.classification("the staff", Locale.ENGLISH);
    ReasonClassification clear = classifier.classification("Far too expensive", Locale.ENGLISH);

    assertThat(vague.category()).isEqualTo(ExitCategory.UNKNOWN);
    assertThat(vague.confidence()).isLessThan(KeywordReasonClassifier.MINIMUM_CONFIDENCE);
    assertThat(clear.confidence()).isGreaterThan(vague.confidence());
  }

  @Test
  void aHostClassifierWithOnlyTheOldMethodIsCertainOfItsAnswer() {
    ReasonClassifier host = (text, locale) -> ExitCategory.PRICE;

    assertThat(host.classification("anything", Locale.ENGLISH))
        .isEqualTo(ReasonClassification.of(ExitCategory.PRICE));
    assertThat(ReasonClassification.of(ExitCategory.PRICE).confidence()).isEqualTo(1.0);
  }
}
