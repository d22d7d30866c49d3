package dev.winback.insight;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.winback.WinBackJson;
import dev.winback.lapse.ModelDiagnostics;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The insights in a form people read: a JSON export, and a self-contained HTML page (no network, no script, charts
 * as inline SVG) with the win-back funnel, rates by reason with their intervals, the root-cause trend with its
 * alerts, the experiment results, and for each lapse model given how well it fits (holdout by frequency, tracking,
 * probability alive). Laid out for a screen 1,280 pixels wide.
 *
 * @param title the report's title
 * @param generatedAt when it was made
 * @param outcomes what win-back achieved
 * @param rootCauses why customers leave, over time
 * @param experiments the experiments' results
 * @param models the lapse models' diagnostics, in the order given
 */
public record InsightReport(
    String title,
    Instant generatedAt,
    Outcomes outcomes,
    RootCauses rootCauses,
    List<ExperimentResults> experiments,
    List<ModelDiagnostics> models) {

  /**
   * Checks every part is present.
   *
   * @param title the title
   * @param generatedAt when it was made
   * @param outcomes the outcomes
   * @param rootCauses the root causes
   * @param experiments the experiments
   * @param models the lapse models' diagnostics
   */
  public InsightReport {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(generatedAt, "generatedAt");
    Objects.requireNonNull(outcomes, "outcomes");
    Objects.requireNonNull(rootCauses, "rootCauses");
    experiments = List.copyOf(experiments);
    models = List.copyOf(models);
  }

  /**
   * A report without lapse models.
   *
   * @param title the title
   * @param generatedAt when it was made
   * @param outcomes the outcomes
   * @param rootCauses the root causes
   * @param experiments the experiments
   */
  public InsightReport(
      String title,
      Instant generatedAt,
      Outcomes outcomes,
      RootCauses rootCauses,
      List<ExperimentResults> experiments) {
    this(title, generatedAt, outcomes, rootCauses, experiments, List.of());
  }

  /**
   * This report with the diagnostics of lapse models added to it.
   *
   * @param diagnostics each model's diagnostics, from {@link ModelDiagnostics#of}
   * @return a new report
   */
  public InsightReport withModels(List<ModelDiagnostics> diagnostics) {
    List<ModelDiagnostics> all = new java.util.ArrayList<>(models);
    all.addAll(diagnostics);
    return new InsightReport(title, generatedAt, outcomes, rootCauses, experiments, all);
  }

  /**
   * The report as JSON.
   *
   * @return the JSON document
   */
  public String toJson() {
    try {
      return WinBackJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the report", e);
    }
  }

  /**
   * The report as one self-contained HTML page.
   *
   * @return the HTML
   */
  public String toHtml() {
    return new HtmlPage(this).render();
  }
}
