package dev.winback.classifier;

import dev.winback.WinBack;
import dev.winback.model.CustomerValue;
import dev.winback.model.ExitCategory;
import dev.winback.model.ExitReason;
import dev.winback.model.LostCustomer;
import dev.winback.model.PlanStatus;
import dev.winback.model.PlanStep;
import dev.winback.model.ReasonSource;
import dev.winback.model.StepKind;
import dev.winback.model.WinBackPlan;
import dev.winback.spi.ApologyStrategy;
import dev.winback.spi.FeedbackStrategy;
import dev.winback.spi.IncentiveStrategy;
import dev.winback.spi.ReEngagementStrategy;
import dev.winback.spi.ReasonClassifier;
import dev.winback.testing.Customers;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Scores a classifier on corpus rows: accuracy, precision and recall per category, accuracy per language, and
 * harmful misclassifications, judged by what the standard playbook would do with the wrong category.
 *
 * <p>A misclassification is harmful when the predicted category's plan holds an apology the true category's plan
 * does not (an apology for something we did not do), or an incentive offer the true plan does not (an offer to
 * someone who moved, no longer needs us, left over too many messages, ...), or suppresses a customer the true
 * plan would not (deceased, legal hold, do not contact). The plans come from {@code Playbook.standard()} itself,
 * for a customer of medium value with e-mail consent, so the definition follows the playbook if it changes.
 */
final class Evaluation {
  /** What the standard playbook does for a customer who left for one category. */
  record Treatment(boolean apology, boolean incentive, boolean suppressed) {}

  static final Map<ExitCategory, Treatment> STANDARD = standardTreatments();

  final int total;
  final int correct;
  final int harmful;
  final Map<ExitCategory, int[]> perCategory = new EnumMap<>(ExitCategory.class);
  final Map<String, int[]> perLanguage = new TreeMap<>();
  final List<String> mistakes = new ArrayList<>();

  private Evaluation(List<ReasonCorpus.Row> rows, ReasonClassifier classifier) {
    int right = 0;
    int harm = 0;
    for (ExitCategory c : ExitCategory.values()) {
      perCategory.put(c, new int[3]); // true positives, predicted, actual
    }
    for (ReasonCorpus.Row row : rows) {
      ExitCategory predicted = classifier.classify(row.text(), row.locale());
      boolean ok = predicted == row.category();
      boolean bad = harmful(predicted, row.category());
      right += ok ? 1 : 0;
      harm += bad ? 1 : 0;
      perCategory.get(predicted)[1]++;
      perCategory.get(row.category())[2]++;
      if (ok) {
        perCategory.get(predicted)[0]++;
      } else {
        mistakes.add((bad ? "HARMFUL " : "") + row.language() + " " + row.category() + " -> "
            + predicted + ": " + row.text());
      }
      int[] language = perLanguage.computeIfAbsent(row.language(), l -> new int[3]);
      language[0] += ok ? 1 : 0;
      language[1]++;
      language[2] += bad ? 1 : 0;
    }
    this.total = rows.size();
    this.correct = right;
    this.harmful = harm;
  }

  static Evaluation of(List<ReasonCorpus.Row> rows, ReasonClassifier classifier) {
    return new Evaluation(rows, classifier);
  }

  static Evaluation of(
      List<ReasonCorpus.Row> rows, ReasonClassifier classifier, Predicate<ReasonCorpus.Row> which) {
    return new Evaluation(rows.stream().filter(which).toList(), classifier);
  }

  double accuracy() {
    return total == 0 ? 0 : (double) correct / total;
  }

  double harmfulShare() {
    return total == 0 ? 0 : (double) harmful / total;
  }

  static boolean harmful(ExitCategory predicted, ExitCategory actual) {
    if (predicted == actual) {
      return false;
    }
    Treatment p = STANDARD.get(predicted);
    Treatment a = STANDARD.get(actual);
    return (p.apology() && !a.apology())
        || (p.incentive() && !a.incentive())
        || (p.suppressed() && !a.suppressed());
  }

  String table(String title) {
    StringBuilder out = new StringBuilder();
    out.append(String.format(
        Locale.ROOT,
        "%n%s: %d texts, %.1f%% correct, %d harmful (%.2f%%)%n",
        title,
        total,
        100 * accuracy(),
        harmful,
        100 * harmfulShare()));
    out.append(String.format(
        Locale.ROOT, "%-20s %9s %9s %9s%n", "category", "precision", "recall", "texts"));
    perCategory.forEach((category, n) -> {
      if (n[1] == 0 && n[2] == 0) {
        return;
      }
      out.append(String.format(
          Locale.ROOT,
          "%-20s %9s %9s %9d%n",
          category,
          n[1] == 0 ? "-" : String.format(Locale.ROOT, "%.2f", (double) n[0] / n[1]),
          n[2] == 0 ? "-" : String.format(Locale.ROOT, "%.2f", (double) n[0] / n[2]),
          n[2]));
    });
    out.append(String.format(
        Locale.ROOT, "%-20s %9s %9s %9s%n", "language", "correct", "harmful", "texts"));
    perLanguage.forEach((language, n) -> out.append(String.format(
        Locale.ROOT,
        "%-20s %8.1f%% %8.2f%% %9d%n",
        language,
        100.0 * n[0] / n[1],
        100.0 * n[2] / n[1],
        n[1])));
    return out.toString();
  }

  private static Map<ExitCategory, Treatment> standardTreatments() {
    Map<ExitCategory, Treatment> treatments = new EnumMap<>(ExitCategory.class);
    try (WinBack winBack = WinBack.builder()
        .feedback(FeedbackStrategy.none())
        .apology(ApologyStrategy.none())
        .incentives(IncentiveStrategy.none())
        .reEngagement(ReEngagementStrategy.none())
        .build()) {
      for (ExitCategory category : ExitCategory.values()) {
        LostCustomer.Builder customer = Customers.lost("c-" + category)
            .value(CustomerValue.of("79.00", "1896.00", "EUR"))
            .locale(Locale.ENGLISH);
        if (category != ExitCategory.UNKNOWN) {
          customer.addExitReason(ExitReason.of(category, ReasonSource.SURVEY, Customers.LOST_AT));
        }
        WinBackPlan plan = winBack.preview(customer.build());
        Set<StepKind> kinds = plan.steps().stream().map(PlanStep::kind).collect(Collectors.toSet());
        treatments.put(
            category,
            new Treatment(
                kinds.contains(StepKind.APOLOGY),
                kinds.contains(StepKind.INCENTIVE_OFFER),
                plan.status() == PlanStatus.SUPPRESSED));
      }
    }
    return treatments;
  }
}
