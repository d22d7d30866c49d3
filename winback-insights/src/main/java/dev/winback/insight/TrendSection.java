package dev.winback.insight;

import dev.winback.model.ExitCategory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The root-cause section of the {@link InsightReport} HTML page: the share of each reason for leaving per period as
 * an inline SVG line chart, and the table of alerts.
 */
final class TrendSection {
  private TrendSection() {}

  static void render(StringBuilder html, RootCauses rootCauses) {
    List<RootCauses.PeriodShares> periods = rootCauses.periods();
    html.append("<section id=\"trend\"><h2>Why customers leave, by ")
        .append(rootCauses.granularity().name().toLowerCase(Locale.ROOT))
        .append("</h2>");
    Map<ExitCategory, Long> totals = new EnumMap<>(ExitCategory.class);
    periods.forEach(p -> p.counts().forEach((c, n) -> totals.merge(c, n, Long::sum)));
    List<ExitCategory> top = totals.entrySet().stream()
        .sorted(Map.Entry.<ExitCategory, Long>comparingByValue(Comparator.reverseOrder()))
        .limit(HtmlPage.COLOURS.length)
        .map(Map.Entry::getKey)
        .toList();
    int width = 1000;
    int height = 300;
    int left = 50;
    int plotWidth = width - left - 200;
    int plotHeight = height - 50;
    html.append("<svg class=\"chart\" viewBox=\"0 0 ")
        .append(width)
        .append(' ')
        .append(height)
        .append("\" role=\"img\" aria-label=\"Share of each exit category per period\">")
        .append("<title>Share of each exit category per period</title>");
    for (int tick = 0; tick <= 100; tick += 25) {
      int y = 10 + plotHeight - plotHeight * tick / 100;
      html.append("<line x1=\"")
          .append(left)
          .append("\" y1=\"")
          .append(y)
          .append("\" x2=\"")
          .append(left + plotWidth)
          .append("\" y2=\"")
          .append(y)
          .append("\" stroke=\"#e3e3e3\"></line><text x=\"")
          .append(left - 6)
          .append("\" y=\"")
          .append(y + 4)
          .append("\" font-size=\"12\" text-anchor=\"end\">")
          .append(tick)
          .append("%</text>");
    }
    int n = periods.size();
    for (int c = 0; c < top.size(); c++) {
      ExitCategory category = top.get(c);
      List<String> points = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        int x = left + (n == 1 ? plotWidth / 2 : plotWidth * i / (n - 1));
        int y = 10 + plotHeight - (int) Math.round(periods.get(i).share(category) * plotHeight);
        points.add(x + "," + y);
      }
      html.append("<polyline class=\"trend\" fill=\"none\" stroke-width=\"2.5\" stroke=\"")
          .append(HtmlPage.COLOURS[c])
          .append("\" points=\"")
          .append(String.join(" ", points))
          .append("\"></polyline>")
          .append("<rect x=\"")
          .append(left + plotWidth + 20)
          .append("\" y=\"")
          .append(14 + c * 24)
          .append("\" width=\"14\" height=\"14\" fill=\"")
          .append(HtmlPage.COLOURS[c])
          .append("\"></rect><text x=\"")
          .append(left + plotWidth + 40)
          .append("\" y=\"")
          .append(26 + c * 24)
          .append("\" font-size=\"13\">")
          .append(HtmlPage.escape(HtmlPage.label(category.name())))
          .append("</text>");
    }
    if (n > 0) {
      html.append("<text x=\"")
          .append(left)
          .append("\" y=\"")
          .append(height - 8)
          .append("\" font-size=\"12\">")
          .append(periods.get(0).start())
          .append("</text><text x=\"")
          .append(left + plotWidth)
          .append("\" y=\"")
          .append(height - 8)
          .append("\" font-size=\"12\" text-anchor=\"end\">")
          .append(periods.get(n - 1).start())
          .append("</text>");
    }
    html.append(
            "</svg><table><thead><tr><th>Period</th><th>Category</th><th>Share</th><th>Baseline</th>")
        .append("<th>p-value</th><th>What customers said</th></tr></thead><tbody>");
    for (RootCauses.Alert alert : rootCauses.alerts()) {
      html.append("<tr class=\"alert\"><td>")
          .append(alert.period())
          .append("</td><td>")
          .append(HtmlPage.escape(HtmlPage.label(alert.category().name())))
          .append("</td><td class=\"n\">")
          .append(HtmlPage.percent(alert.share()))
          .append("</td><td class=\"n\">")
          .append(HtmlPage.percent(alert.baselineShare()))
          .append("</td><td class=\"n\">")
          .append(String.format(Locale.ROOT, "%.4f", alert.pValue()))
          .append("</td><td>");
      alert
          .examples()
          .forEach(example ->
              html.append("&ldquo;").append(HtmlPage.escape(example)).append("&rdquo; "));
      html.append("</td></tr>");
    }
    if (rootCauses.alerts().isEmpty()) {
      html.append(
          "<tr><td colspan=\"6\" class=\"muted\">no reason for leaving is rising significantly</td></tr>");
    }
    html.append(
            "</tbody></table><p class=\"muted\">Alert: one-sided pooled two-proportion z-test of a period's share")
        .append(" against the preceding periods.</p></section>\n");
  }
}
