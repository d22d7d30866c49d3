package dev.winback.insight;

import static org.assertj.core.api.Assertions.assertThat;

import dev.winback.lapse.ModelDiagnostics;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Each lapse model in the report gets its charts (holdout by frequency, P(alive), tracking) and its table. */
class ModelSectionTest {
  private final ModelDiagnostics diagnostics = ReportFixture.diagnostics("BG/NBD <fitted>");

  @Test
  void aModelWithTrackingGetsFourLabelledChartsAndItsFrequencyTable() {
    String html = ReportFixture.report().withModels(List.of(diagnostics)).toHtml();
    String section = html.substring(html.indexOf("<section class=\"model\">"));

    assertThat(count(section, "<svg class=\"chart\"")).isEqualTo(4);
    assertThat(count(section, "role=\"img\" aria-label=\"BG/NBD &lt;fitted&gt;: "))
        .isEqualTo(4);
    assertThat(section)
        .contains("<title>BG/NBD &lt;fitted&gt;: cumulative repeat purchases, actual and expected")
        .contains("repeat purchases per period, actual and expected")
        .contains("customers by probability of being alive")
        .contains("mean holdout purchases by calibration frequency")
        .doesNotContain("<fitted>")
        .doesNotContain("<script");
    assertThat(count(section, "<polyline class=\"model-line\"")).isEqualTo(6);
    assertThat(count(section, "<rect class=\"model-bar\"")).isEqualTo(10);
    assertThat(count(section, "<tr><td>")).isEqualTo(diagnostics.calibration().size());
    assertThat(section).contains("A period is PT168H.");
  }

  @Test
  void thePlottedPointsFollowTheNumbers() {
    String html = ReportFixture.report().withModels(List.of(diagnostics)).toHtml();
    Matcher lines = Pattern.compile("<polyline class=\"model-line\"[^>]*points=\"([^\"]*)\"")
        .matcher(html);
    int plotted = 0;
    while (lines.find()) {
      String[] points = lines.group(1).split(" ");
      plotted++;
      for (String point : points) {
        String[] xy = point.split(",");
        assertThat(Double.parseDouble(xy[0])).isBetween(56.0, 544.0);
        assertThat(Double.parseDouble(xy[1])).isBetween(34.0, 254.0);
      }
    }
    assertThat(plotted).isEqualTo(6);
    double[] cumulative = diagnostics.expectedCumulative();
    for (int k = 1; k < cumulative.length; k++) {
      assertThat(cumulative[k]).isGreaterThanOrEqualTo(cumulative[k - 1]);
    }
  }

  @Test
  void aModelWithoutTrackingGetsTwoChartsAndTheJsonCarriesTheDiagnostics() {
    ModelDiagnostics untracked = new ModelDiagnostics(
        "NBD",
        diagnostics.calibration(),
        java.util.Optional.empty(),
        new double[0],
        diagnostics.aliveHistogram());
    InsightReport report = ReportFixture.report().withModels(List.of(untracked));

    String html = report.toHtml();

    assertThat(count(
            html.substring(html.indexOf("<section class=\"model\">")), "<svg class=\"chart\""))
        .isEqualTo(2);
    assertThat(report.toJson())
        .contains("\"models\"")
        .contains("\"aliveHistogram\"")
        .contains("\"NBD\"");
    assertThat(ReportFixture.report().toHtml()).doesNotContain("<section class=\"model\">");
  }

  private static int count(String text, String part) {
    int found = 0;
    for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
      found++;
    }
    return found;
  }
}
