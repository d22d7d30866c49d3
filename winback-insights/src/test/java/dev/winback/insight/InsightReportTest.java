package dev.winback.insight;

import static org.assertj.core.api.Assertions.assertThat;

import dev.winback.WinBackJson;
import org.junit.jupiter.api.Test;

class InsightReportTest {
  private final InsightReport report = ReportFixture.report();

  @Test
  void theJsonExportCarriesEverySection() throws Exception {
    String json = report.toJson();

    var tree = WinBackJson.mapper().readTree(json);
    assertThat(tree.path("outcomes").path("funnel").path("started").asLong())
        .isEqualTo(report.outcomes().funnel().started())
        .isBetween(170L, 215L); // 240 less a 20% holdout
    assertThat(tree.path("outcomes").path("rates").path("EXIT_CATEGORY").isArray())
        .isTrue();
    assertThat(tree.path("rootCauses").path("alerts").get(0).path("category").asText())
        .isEqualTo("SERVICE_FAILURE");
    assertThat(tree.path("experiments")
            .get(0)
            .path("comparisons")
            .get(0)
            .path("verdict")
            .asText())
        .isNotEmpty();
  }

  @Test
  void theHtmlIsSelfContained() {
    String html = report.toHtml();

    assertThat(html)
        .startsWith("<!DOCTYPE html>")
        .contains("<svg")
        .contains("<table")
        .contains("id=\"funnel\"")
        .contains("id=\"rates\"")
        .contains("id=\"trend\"")
        .contains("id=\"experiments\"")
        .doesNotContain("<script")
        .doesNotContain("http://")
        .doesNotContain("https://")
        .doesNotContain("<link");
  }

  @Test
  void customersWordsAreEscapedAndAnonymous() {
    String html = report.toHtml();

    assertThat(html)
        .contains("Third &lt;b&gt;outage&lt;/b&gt; this month, reach me at [e-mail]")
        .doesNotContain("<b>outage</b>")
        .doesNotContain("x@y.com");
  }
}
