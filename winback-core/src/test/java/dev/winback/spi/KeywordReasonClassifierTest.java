package dev.winback.spi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.winback.model.ExitCategory;
import java.util.Locale;
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
      Just because                                           | UNKNOWN
      """)
  void classifiesWhatCustomersSay(String text, ExitCategory expected) {
    assertThat(classifier.classify(text, Locale.ENGLISH)).isEqualTo(expected);
  }
}
