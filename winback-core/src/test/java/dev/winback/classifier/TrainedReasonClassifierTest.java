package dev.winback.classifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.winback.InvalidInputException;
import dev.winback.Problem;
import dev.winback.model.ExitCategory;
import dev.winback.model.LabelledReason;
import dev.winback.spi.ReasonClassifier;
import dev.winback.spi.TrainedReasonClassifier;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** A host trains naive Bayes on its own labelled answers, saves it as JSON and plugs it in. */
class TrainedReasonClassifierTest {
  private static final List<ReasonCorpus.Row> ROWS = ReasonCorpus.rows();
  private static final List<LabelledReason> TRAINING = ROWS.stream()
      .filter(row -> !row.heldOut())
      .map(ReasonCorpus.Row::labelled)
      .toList();

  @Test
  void learnsFromOnePartOfTheCorpusAndClassifiesTheRest() {
    TrainedReasonClassifier model = TrainedReasonClassifier.train(TRAINING);

    Evaluation heldOut = Evaluation.of(ROWS, model, ReasonCorpus.Row::heldOut);
    System.out.println(heldOut.table("Naive Bayes trained on the tuning part, held-out part"));

    double mostCommonShare = ROWS.stream()
            .filter(ReasonCorpus.Row::heldOut)
            .filter(row -> row.category() == ExitCategory.SERVICE_FAILURE)
            .count()
        / (double) heldOut.total;
    assertThat(heldOut.accuracy()).isGreaterThan(3 * mostCommonShare).isGreaterThan(0.6);
  }

  @Test
  void aSavedModelLoadsAndClassifiesExactlyAsBefore() {
    TrainedReasonClassifier model = TrainedReasonClassifier.train(TRAINING, 0.4);

    TrainedReasonClassifier loaded = TrainedReasonClassifier.fromJson(model.toJson());

    assertThat(loaded.minimumConfidence()).isEqualTo(0.4);
    for (ReasonCorpus.Row row : ROWS.subList(0, 200)) {
      assertThat(loaded.classification(row.text(), row.locale()))
          .isEqualTo(model.classification(row.text(), row.locale()));
    }
  }

  @Test
  void answersUnknownBelowItsMinimumConfidence() {
    TrainedReasonClassifier model = TrainedReasonClassifier.train(TRAINING, 0.99);

    assertThat(model.classification("hmm", Locale.ENGLISH).category())
        .isEqualTo(ExitCategory.UNKNOWN);
  }

  @Test
  void refusesADocumentThatIsNotAModelNamingEveryProblem() {
    InvalidInputException e = catchThrowableOfType(
        InvalidInputException.class,
        () -> TrainedReasonClassifier.fromJson(
            "{\"format\": \"other\", \"version\": 7, \"minimumConfidence\": 2, \"categories\": {\"PRICEY\": {}}}"));

    assertThat(e.problems())
        .extracting(Problem::toString)
        .containsExactlyInAnyOrder(
            "format: must be winback-reason-naive-bayes",
            "version: must be 1",
            "minimumConfidence: must be a number between 0 and 1",
            "categories.PRICEY: is not an exit category");
    assertThat(catchThrowableOfType(
            InvalidInputException.class, () -> TrainedReasonClassifier.fromJson("{")))
        .hasMessageContaining("is not JSON");
  }

  @Test
  void refusesToTrainOnNothing() {
    assertThat(catchThrowableOfType(
            InvalidInputException.class, () -> TrainedReasonClassifier.train(List.of())))
        .hasMessageContaining("examples: must not be empty");
  }

  @Test
  void plugsInBehindATimeoutWithTheStockClassifierAsFallback() {
    ReasonClassifier classifier = ReasonClassifier.withTimeout(
        TrainedReasonClassifier.train(TRAINING),
        java.time.Duration.ofSeconds(5),
        ReasonClassifier.keywords());

    assertThat(classifier.classify("Way too expensive for what it is", Locale.ENGLISH))
        .isEqualTo(ExitCategory.PRICE);
  }
}
