package dev.winback.classifier;

import static org.assertj.core.api.Assertions.assertThat;

import dev.winback.model.ExitCategory;
import dev.winback.spi.ReasonClassifier;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The stock classifier on the evaluation corpus: the tables go to the test log, the whole corpus must be at least
 * 90% correct with at most 1% harmful misclassifications, and the held-out part is reported on its own.
 * {@code -Dwinback.classifier.mistakes=true} also prints the mistakes on the tuning part (never the held-out part).
 */
class ReasonCorpusEvaluationTest {
  private static final List<ReasonCorpus.Row> ROWS = ReasonCorpus.rows();

  @Test
  void theCorpusIsLargeEnoughInEveryLanguage() {
    Map<String, Long> perLanguage = ROWS.stream()
        .collect(Collectors.groupingBy(ReasonCorpus.Row::language, Collectors.counting()));

    assertThat(ROWS).hasSizeGreaterThanOrEqualTo(1000);
    assertThat(perLanguage).containsOnlyKeys("en", "de", "fr", "es");
    assertThat(perLanguage.values()).allSatisfy(n -> assertThat(n).isGreaterThanOrEqualTo(150));
    assertThat(ROWS.stream().filter(ReasonCorpus.Row::heldOut)).hasSizeGreaterThanOrEqualTo(200);
    assertThat(ROWS.stream().map(ReasonCorpus.Row::category).distinct())
        .containsExactlyInAnyOrder(ExitCategory.values());
  }

  @Test
  void harmIsDefinedByWhatTheStandardPlaybookDoes() {
    assertThat(Evaluation.harmful(ExitCategory.STAFF_ATTITUDE, ExitCategory.MOVED))
        .isTrue();
    assertThat(Evaluation.harmful(ExitCategory.PRICE, ExitCategory.NO_LONGER_NEEDED))
        .isTrue();
    assertThat(Evaluation.harmful(ExitCategory.DECEASED, ExitCategory.PRODUCT_QUALITY))
        .isTrue();
    assertThat(Evaluation.harmful(ExitCategory.SERVICE_FAILURE, ExitCategory.PRODUCT_QUALITY))
        .isFalse();
    assertThat(Evaluation.harmful(ExitCategory.PRICE, ExitCategory.COMPETITOR_OFFER))
        .isFalse();
    assertThat(Evaluation.harmful(ExitCategory.UNKNOWN, ExitCategory.PRICE)).isFalse();
  }

  @Test
  void theStockClassifierIsRightOnNineInTenAndHarmfulOnAtMostOneInAHundred() {
    ReasonClassifier classifier = ReasonClassifier.keywords();
    Evaluation all = Evaluation.of(ROWS, classifier);
    Evaluation tuning = Evaluation.of(ROWS, classifier, row -> !row.heldOut());
    Evaluation heldOut = Evaluation.of(ROWS, classifier, ReasonCorpus.Row::heldOut);

    System.out.println(all.table("Stock classifier, whole corpus"));
    System.out.println(tuning.table("Stock classifier, tuning part"));
    System.out.println(heldOut.table("Stock classifier, held-out part (never tuned on)"));
    if (Boolean.getBoolean("winback.classifier.mistakes")) {
      tuning.mistakes.forEach(System.out::println);
    }

    assertThat(all.accuracy()).as("share correct").isGreaterThanOrEqualTo(0.90);
    assertThat(all.harmfulShare()).as("share harmful").isLessThanOrEqualTo(0.01);
  }
}
