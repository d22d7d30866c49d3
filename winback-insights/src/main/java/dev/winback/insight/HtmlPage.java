package dev.winback.insight;

import java.util.List;
import java.util.Locale;

/**
 * Renders an {@link InsightReport} as one self-contained HTML page: styles inline, charts as inline SVG, no network
 * and no script.
 */
final class HtmlPage {
  static final String[] COLOURS = {"#1b6ca8", "#d1495b", "#edae49", "#00798c", "#66a182", "#8d6a9f"
  };

  private final InsightReport report;

  HtmlPage(InsightReport report) {
    this.report = report;
  }

  String render() {
    StringBuilder html = new StringBuilder(32_768);
    html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>")
        .append(escape(report.title()))
        .append("</title><style>")
        .append(
            "body{font:15px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#222;margin:0;")
        .append(
            "background:#f6f7f9}main{max-width:1200px;margin:0 auto;padding:24px 32px;box-sizing:border-box}")
        .append(
            "h1{font-size:26px;margin:0 0 4px}h2{font-size:19px;margin:28px 0 10px;border-bottom:1px solid #ddd;")
        .append(
            "padding-bottom:4px}section{background:#fff;border-radius:8px;padding:4px 20px 16px;margin:16px 0;")
        .append(
            "box-shadow:0 1px 2px rgba(0,0,0,.08)}table{border-collapse:collapse;width:100%;margin:8px 0}")
        .append(
            "th,td{text-align:left;padding:5px 8px;border-bottom:1px solid #eee;font-variant-numeric:tabular-nums}")
        .append(
            "th{background:#fafafa;font-weight:600}td.n{text-align:right}svg{width:100%;height:auto;display:block}")
        .append(".muted{color:#666}.grid{display:grid;grid-template-columns:1fr 1fr;gap:16px}")
        .append(
            ".charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(440px,100%),1fr));gap:16px}")
        .append(".alert{color:#a4161a;font-weight:600}.kpi{display:flex;gap:16px;flex-wrap:wrap}")
        .append(
            ".kpi div{background:#eef3f8;border-radius:6px;padding:8px 14px}.kpi b{display:block;font-size:20px}")
        .append("</style></head><body><main>\n");
    html.append("<h1>")
        .append(escape(report.title()))
        .append("</h1><p class=\"muted\">Generated ")
        .append(report.generatedAt())
        .append(". Rates show 95% Wilson intervals.</p>\n");
    funnel(html);
    rates(html);
    TrendSection.render(html, report.rootCauses());
    experiments(html);
    ModelSection.render(html, report.models());
    html.append("</main></body></html>\n");
    return html.toString();
  }

  private void funnel(StringBuilder html) {
    Outcomes.Funnel f = report.outcomes().funnel();
    html.append("<section id=\"funnel\"><h2>Win-back funnel</h2>");
    long[] values = {f.started(), f.contacted(), f.answered(), f.wonBack()};
    String[] labels = {"Plans started", "Contacted", "Answered", "Won back"};
    int width = 1000;
    int row = 44;
    html.append("<svg class=\"chart\" viewBox=\"0 0 ")
        .append(width)
        .append(' ')
        .append(row * 4 + 10)
        .append("\" role=\"img\" aria-label=\"Win-back funnel\"><title>Win-back funnel</title>");
    for (int i = 0; i < 4; i++) {
      double share = f.started() == 0 ? 0 : (double) values[i] / f.started();
      int bar = (int) Math.round(share * (width - 360));
      int y = i * row + 5;
      html.append("<text x=\"0\" y=\"")
          .append(y + 24)
          .append("\" font-size=\"16\">")
          .append(labels[i])
          .append("</text><rect x=\"170\" y=\"")
          .append(y)
          .append("\" width=\"")
          .append(Math.max(bar, 2))
          .append("\" height=\"34\" rx=\"4\" fill=\"")
          .append(COLOURS[i])
          .append("\"></rect><text x=\"")
          .append(180 + Math.max(bar, 2))
          .append("\" y=\"")
          .append(y + 24)
          .append("\" font-size=\"16\">")
          .append(values[i])
          .append(" (")
          .append(percent(share))
          .append(")</text>");
    }
    html.append(
            "</svg><p>Plans started leaves out plans suppressed before any contact and customers held out")
        .append(" by an experiment.</p>");
    Outcomes.TimeToWinBack t = report.outcomes().timeToWinBack();
    html.append("<div class=\"kpi\"><div>Median time to win back<b>")
        .append(number(t.medianDays()))
        .append(" days</b></div><div>Mean<b>")
        .append(number(t.meanDays()))
        .append(" days</b></div><div>")
        .append("90th percentile<b>")
        .append(number(t.p90Days()))
        .append(" days</b></div>");
    for (Outcomes.Money money : report.outcomes().money()) {
      html.append("<div>Revenue recovered<b>")
          .append(money.revenueRecovered().toPlainString())
          .append(' ')
          .append(money.currency())
          .append("</b></div><div>Incentive cost<b>")
          .append(money.incentiveCost().toPlainString())
          .append(' ')
          .append(money.currency())
          .append("</b></div><div>Return on incentives<b>")
          .append(money.roi().map(r -> number(r * 100) + "%").orElse("n/a"))
          .append("</b></div>");
    }
    html.append("</div></section>\n");
  }

  private void rates(StringBuilder html) {
    html.append("<section id=\"rates\"><h2>Win-back rate by reason for leaving</h2>");
    List<Rate> byReason =
        report.outcomes().rates().getOrDefault(Outcomes.Dimension.EXIT_CATEGORY, List.of());
    rateChart(html, byReason, "Win-back rate by exit category with 95% intervals");
    rateTable(html, byReason, "Exit category");
    html.append("<div class=\"grid\">");
    for (Outcomes.Dimension dimension : List.of(
        Outcomes.Dimension.RULE,
        Outcomes.Dimension.STEP_KIND,
        Outcomes.Dimension.CHANNEL,
        Outcomes.Dimension.INCENTIVE,
        Outcomes.Dimension.VALUE_TIER,
        Outcomes.Dimension.CHURN_SIGNAL)) {
      html.append("<div>");
      rateTable(
          html,
          report.outcomes().rates().getOrDefault(dimension, List.of()),
          label(dimension.name()));
      html.append("</div>");
    }
    html.append("</div></section>\n");
  }

  private static void rateChart(StringBuilder html, List<Rate> rates, String label) {
    int width = 1000;
    int row = 30;
    int left = 230;
    int plot = width - left - 90;
    int height = Math.max(rates.size(), 1) * row + 40;
    html.append("<svg class=\"chart\" viewBox=\"0 0 ")
        .append(width)
        .append(' ')
        .append(height)
        .append("\" role=\"img\" aria-label=\"")
        .append(escape(label))
        .append("\"><title>")
        .append(escape(label))
        .append("</title>");
    for (int tick = 0; tick <= 100; tick += 25) {
      int x = left + plot * tick / 100;
      html.append("<line x1=\"")
          .append(x)
          .append("\" y1=\"0\" x2=\"")
          .append(x)
          .append("\" y2=\"")
          .append(height - 22)
          .append("\" stroke=\"#e3e3e3\"></line><text x=\"")
          .append(x)
          .append("\" y=\"")
          .append(height - 6)
          .append("\" font-size=\"13\" text-anchor=\"middle\">")
          .append(tick)
          .append("%</text>");
    }
    for (int i = 0; i < rates.size(); i++) {
      Rate rate = rates.get(i);
      int y = i * row + 6;
      int bar = (int) Math.round(rate.rate() * plot);
      int lo = left + (int) Math.round(rate.interval().lower() * plot);
      int hi = left + (int) Math.round(rate.interval().upper() * plot);
      html.append("<text x=\"")
          .append(left - 8)
          .append("\" y=\"")
          .append(y + 16)
          .append("\" font-size=\"14\" text-anchor=\"end\">")
          .append(escape(label(rate.group())))
          .append("</text>")
          .append("<rect class=\"bar\" x=\"")
          .append(left)
          .append("\" y=\"")
          .append(y)
          .append("\" width=\"")
          .append(Math.max(bar, 1))
          .append("\" height=\"20\" fill=\"#1b6ca8\"></rect>")
          .append("<line class=\"ci\" x1=\"")
          .append(lo)
          .append("\" y1=\"")
          .append(y + 10)
          .append("\" x2=\"")
          .append(hi)
          .append("\" y2=\"")
          .append(y + 10)
          .append("\" stroke=\"#222\" stroke-width=\"2\"></line>")
          .append("<text x=\"")
          .append(left + plot + 8)
          .append("\" y=\"")
          .append(y + 16)
          .append("\" font-size=\"13\">")
          .append(percent(rate.rate()))
          .append(" of ")
          .append(rate.trials())
          .append("</text>");
    }
    html.append("</svg>");
  }

  private static void rateTable(StringBuilder html, List<Rate> rates, String heading) {
    html.append("<table><thead><tr><th>")
        .append(escape(heading))
        .append(
            "</th><th>Won back</th><th>Of</th><th>Rate</th><th>95% interval</th></tr></thead><tbody>");
    for (Rate rate : rates) {
      html.append("<tr><td>")
          .append(escape(label(rate.group())))
          .append("</td><td class=\"n\">")
          .append(rate.successes())
          .append("</td><td class=\"n\">")
          .append(rate.trials())
          .append("</td><td class=\"n\">")
          .append(percent(rate.rate()))
          .append("</td><td class=\"n\">")
          .append(percent(rate.interval().lower()))
          .append(" to ")
          .append(percent(rate.interval().upper()))
          .append("</td></tr>");
    }
    if (rates.isEmpty()) {
      html.append("<tr><td colspan=\"5\" class=\"muted\">no plans yet</td></tr>");
    }
    html.append("</tbody></table>");
  }

  private void experiments(StringBuilder html) {
    html.append("<section id=\"experiments\"><h2>Experiments</h2>");
    if (report.experiments().isEmpty()) {
      html.append("<p class=\"muted\">no experiments</p>");
    }
    for (ExperimentResults results : report.experiments()) {
      html.append("<h3>").append(escape(results.experiment())).append("</h3>");
      rateTable(html, results.arms(), "Arm");
      html.append("<table><thead><tr><th>Arm vs ")
          .append(escape(results.control()))
          .append(
              "</th><th>Uplift</th><th>95% interval</th><th>p-value</th><th>Verdict</th></tr></thead><tbody>");
      for (ExperimentResults.Comparison c : results.comparisons()) {
        html.append("<tr><td>")
            .append(escape(c.arm()))
            .append("</td><td class=\"n\">")
            .append(number(c.uplift() * 100))
            .append(" pts</td><td class=\"n\">")
            .append(number(c.interval().lower() * 100))
            .append(" to ")
            .append(number(c.interval().upper() * 100))
            .append(" pts</td><td class=\"n\">")
            .append(String.format(Locale.ROOT, "%.4f", c.pValue()))
            .append("</td><td>")
            .append(
                c.verdict() == ExperimentResults.Verdict.NOT_ENOUGH_DATA
                    ? "not enough data"
                    : label(c.verdict().name()))
            .append("</td></tr>");
      }
      html.append("</tbody></table>");
    }
    html.append("</section>\n");
  }

  static String label(String constant) {
    String words = constant.toLowerCase(Locale.ROOT).replace('_', ' ');
    return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  static String percent(double share) {
    return String.format(Locale.ROOT, "%.1f%%", share * 100);
  }

  private static String number(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }

  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
