package dev.winback.functional;

import static dev.winback.testing.Customers.LOST_AT;
import static dev.winback.testing.Customers.leftBecauseOf;
import static dev.winback.testing.Customers.lost;
import static org.assertj.core.api.Assertions.assertThat;

import dev.winback.ManualClock;
import dev.winback.WinBack;
import dev.winback.model.EventType;
import dev.winback.model.ExitCategory;
import dev.winback.model.Feedback;
import dev.winback.model.JournalEvent;
import dev.winback.model.PlanStatus;
import dev.winback.model.ReasonClassification;
import dev.winback.model.ReasonSource;
import dev.winback.model.Suppression;
import dev.winback.model.WinBackPlan;
import dev.winback.spi.ReasonClassifier;
import dev.winback.spi.SuppressionList;
import dev.winback.testing.Recorder;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Deceased, legal hold and do-not-contact stop all contact for good, so they come only from the host: free text, read
 * by the stock classifier or by any host classifier, can only suggest them for a person to confirm.
 */
class IrreversibleReasonsTest {
  private static final String WORDS =
      "Please close the account, the holder has died and our lawyer says so";

  private final ManualClock clock = ManualClock.at(LOST_AT);
  private final Recorder host = new Recorder();
  private final SuppressionList suppressions = SuppressionList.inMemory();

  private WinBack winBack(ReasonClassifier classifier) {
    return WinBack.builder()
        .clock(clock)
        .feedback(host)
        .apology(host)
        .incentives(host)
        .reEngagement(host)
        .suppressionList(suppressions)
        .reasonClassifier(classifier)
        .build();
  }

  private void runDays(WinBack winBack, int days) {
    for (int day = 0; day < days; day++) {
      winBack.runDue();
      clock.advance(Duration.ofDays(1));
    }
  }

  private static List<String> details(WinBack winBack, EventType type) {
    return winBack.history("c1").stream()
        .filter(event -> event.type() == type)
        .map(JournalEvent::detail)
        .toList();
  }

  @ParameterizedTest
  @EnumSource(names = {"DECEASED", "LEGAL_HOLD", "DO_NOT_CONTACT"})
  void aHostClassifierCannotStopContactFromFreeText(ExitCategory irreversible) {
    WinBack winBack = winBack((text, locale) -> irreversible);
    winBack.start(lost("c1").build());

    WinBackPlan plan =
        winBack.recordFeedback("c1", Feedback.of(WORDS, ReasonSource.SURVEY, clock.instant()));
    runDays(winBack, 30);

    assertThat(plan.status()).isEqualTo(PlanStatus.ACTIVE);
    assertThat(plan.customer().exitReasons())
        .extracting(r -> r.category())
        .containsExactly(ExitCategory.UNKNOWN);
    assertThat(suppressions.lookup(plan.customer())).isEmpty();
    assertThat(host.calls()).isNotEmpty();
    assertThat(details(winBack, EventType.REASON_SUGGESTED))
        .containsExactly("the customer's words suggest " + irreversible
            + ", which only a person may confirm (recordFeedback with the category, or suppress);"
            + " contact is unchanged until then");
  }

  @Test
  void theStockClassifierOnlySuggestsWhatItReadsAsIrreversible() {
    WinBack winBack = winBack(ReasonClassifier.keywords());
    winBack.start(lost("c1").build());

    WinBackPlan plan = winBack.recordFeedback(
        "c1",
        Feedback.of("My husband passed away last month", ReasonSource.LETTER, clock.instant()));

    assertThat(plan.status()).isEqualTo(PlanStatus.ACTIVE);
    assertThat(plan.customer().leftBecauseOf(ExitCategory.DECEASED)).isFalse();
    assertThat(details(winBack, EventType.REASON_SUGGESTED))
        .singleElement()
        .asString()
        .contains("DECEASED");
    assertThat(details(winBack, EventType.FEEDBACK_RECORDED))
        .singleElement()
        .asString()
        .startsWith("feedback via LETTER: UNKNOWN (read as en, confidence ")
        .doesNotContain("husband");
  }

  @Test
  void anIrreversibleReasonBesideTheMainOneIsSuggestedAndTheMainOneKept() {
    WinBack winBack = winBack(new ReasonClassifier() {
      @Override
      public ExitCategory classify(String text, Locale locale) {
        return ExitCategory.PRICE;
      }

      @Override
      public ReasonClassification classification(String text, Locale locale) {
        return ReasonClassification.builder()
            .category(ExitCategory.PRICE)
            .addOthers(ExitCategory.LEGAL_HOLD, ExitCategory.BUDGET_CUT)
            .confidence(0.8)
            .build();
      }
    });
    winBack.start(lost("c1").build());

    WinBackPlan plan =
        winBack.recordFeedback("c1", Feedback.of(WORDS, ReasonSource.SURVEY, clock.instant()));

    assertThat(plan.customer().exitReasons())
        .extracting(r -> r.category())
        .containsExactly(ExitCategory.PRICE);
    assertThat(details(winBack, EventType.FEEDBACK_RECORDED))
        .containsExactly("feedback via SURVEY: PRICE (read, confidence 0.80; also [BUDGET_CUT])");
    assertThat(details(winBack, EventType.REASON_SUGGESTED))
        .singleElement()
        .asString()
        .contains("LEGAL_HOLD");
  }

  @ParameterizedTest
  @EnumSource(names = {"DECEASED", "LEGAL_HOLD", "DO_NOT_CONTACT"})
  void theHostsOwnCategoryStopsAllContactAndSuppressesTheCustomer(ExitCategory irreversible) {
    WinBack winBack = winBack(ReasonClassifier.keywords());
    winBack.start(lost("c1").build());

    WinBackPlan plan = winBack.recordFeedback(
        "c1",
        Feedback.builder()
            .category(irreversible)
            .source(ReasonSource.CALL)
            .receivedAt(clock.instant())
            .build());
    runDays(winBack, 60);

    assertThat(plan.status()).isEqualTo(PlanStatus.SUPPRESSED);
    assertThat(host.calls()).isEmpty();
    assertThat(suppressions.lookup(plan.customer()))
        .contains(irreversible.suppression().orElseThrow());
  }

  @ParameterizedTest
  @EnumSource(names = {"DECEASED", "LEGAL_HOLD", "DO_NOT_CONTACT"})
  void theStandardPlaybookContactsNobodyWhoLeftForAnIrreversibleReason(ExitCategory irreversible) {
    WinBack winBack = winBack(ReasonClassifier.keywords());

    WinBackPlan plan = winBack.start(leftBecauseOf("c1", irreversible).build());
    runDays(winBack, 120);

    assertThat(plan.status()).isEqualTo(PlanStatus.SUPPRESSED);
    assertThat(plan.steps()).isEmpty();
    assertThat(host.calls()).isEmpty();
  }

  @Test
  void aClassifierThatThrowsOrAnswersNullLeavesTheReasonUnknown() {
    WinBack throwing = winBack((text, locale) -> {
      throw new IllegalStateException("model unavailable");
    });
    throwing.start(lost("c1").build());
    WinBackPlan plan =
        throwing.recordFeedback("c1", Feedback.of(WORDS, ReasonSource.SURVEY, clock.instant()));

    assertThat(plan.customer().exitReasons())
        .extracting(r -> r.category())
        .containsExactly(ExitCategory.UNKNOWN);
    assertThat(details(throwing, EventType.FEEDBACK_RECORDED))
        .containsExactly("feedback via SURVEY: UNKNOWN (the classifier failed)");
    assertThat(details(throwing, EventType.REASON_SUGGESTED)).isEmpty();
  }

  @Test
  void eachIrreversibleCategoryNamesItsSuppression() {
    assertThat(ExitCategory.DECEASED.suppression()).contains(Suppression.DECEASED);
    assertThat(ExitCategory.LEGAL_HOLD.suppression()).contains(Suppression.LEGAL_HOLD);
    assertThat(ExitCategory.DO_NOT_CONTACT.suppression()).contains(Suppression.DO_NOT_CONTACT);
    assertThat(ExitCategory.PRICE.irreversible()).isFalse();
  }
}
