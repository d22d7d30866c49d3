package dev.winback.insight;

import dev.winback.lapse.ModelDiagnostics;
import dev.winback.lapse.Tracking;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The lapse-model section of the {@link InsightReport} HTML page: per model, inline SVG charts of its predictions
 * for the holdout against what happened by calibration frequency, the cohort's tracking (cumulative and
 * incremental) against the model's expectation, and the distribution of the probability of being alive.
 */
final class ModelSection {
  private static final String ACTUAL = "#1b6ca8";
  private static final String MODEL = "#d1495b";
  private static final int WIDTH = 560;
  private static final int HEIGHT = 300;
  private static final int LEFT = 56;
  private static final int TOP = 34;
  private static final int PLOT_WIDTH = WIDTH - LEFT - 16;
  private static final int PLOT_HEIGHT = HEIGHT - TOP - 46;

  private ModelSection() {}

  static void render(StringBuilder html, List<ModelDiagnostics> models) {
    for (ModelDiagnostics model : models) {
      String name = HtmlPage.escape(model.model());
      html.append("<section class=\"model\"><h2>How well the ")
          .append(name)
          .append(" model fits</h2><div class=\"charts\">");
      calibration(html, model);
      alive(html, model);
      model.tracking().ifPresent(tracking -> {
        lines(
            html,
            name + ": cumulative repeat purchases, actual and expected",
            "period",
            tracking.periods(),
            tracking.actualCumulative(),
            model.expectedCumulative());
        lines(
            html,
            name + ": repeat purchases per period, actual and expected",
            "period",
            tracking.periods(),
            tracking.actualIncremental(),
            model.expectedIncremental());
      });
      html.append("</div>");
      table(html, model);
      html.append("</section>\n");
    }
  }

  private static void calibration(StringBuilder html, ModelDiagnostics model) {
    List<ModelDiagnostics.FrequencyRow> rows = model.calibration();
    double[] x = new double[rows.size()];
    double[] actual = new double[rows.size()];
    double[] predicted = new double[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      x[i] = i;
      actual[i] = rows.get(i).actual();
      predicted[i] = rows.get(i).predicted();
    }
    lines(
        html,
        HtmlPage.escape(model.model())
            + ": mean holdout purchases by calibration frequency, actual and predicted",
        "purchases in the calibration period",
        x,
        actual,
        predicted,
        rows.isEmpty() ? "" : rows.get(0).frequency(),
        rows.isEmpty() ? "" : rows.get(rows.size() - 1).frequency());
  }

  private static void alive(StringBuilder html, ModelDiagnostics model) {
    int[] counts = model.aliveHistogram();
    int max = 1;
    for (int count : counts) {
      max = Math.max(max, count);
    }
    String title = HtmlPage.escape(model.model()) + ": customers by probability of being alive";
    open(html, title);
    axes(html, max, "probability of being alive (tenths)");
    int slot = PLOT_WIDTH / counts.length;
    for (int i = 0; i < counts.length; i++) {
      int h = (int) Math.round((double) counts[i] / max * PLOT_HEIGHT);
      html.append("<rect class=\"model-bar\" x=\"")
          .append(LEFT + i * slot + 4)
          .append("\" y=\"")
          .append(TOP + PLOT_HEIGHT - h)
          .append("\" width=\"")
          .append(slot - 8)
          .append("\" height=\"")
          .append(Math.max(h, 1))
          .append("\" fill=\"")
          .append(ACTUAL)
          .append("\"><title>")
          .append(String.format(
              Locale.ROOT, "%.1f to %.1f: %d customers", i / 10.0, (i + 1) / 10.0, counts[i]))
          .append("</title></rect>");
    }
    html.append("</svg>");
  }

  /** A chart of two series over the same x values: what happened (solid) and what the model says (dashed). */
  private static void lines(
      StringBuilder html,
      String title,
      String xLabel,
      double[] x,
      double[] actual,
      double[] model) {
    lines(
        html,
        title,
        xLabel,
        x,
        actual,
        model,
        number(x.length == 0 ? 0 : x[0]),
        number(x.length == 0 ? 0 : x[x.length - 1]));
  }

  private static String number(double value) {
    return value == Math.rint(value)
        ? Long.toString((long) value)
        : String.format(Locale.ROOT, "%.1f", value);
  }

  private static void xTick(StringBuilder html, int x, String label) {
    html.append("<text x=\"")
        .append(x)
        .append("\" y=\"")
        .append(TOP + PLOT_HEIGHT + 16)
        .append("\" font-size=\"12\" text-anchor=\"middle\">")
        .append(HtmlPage.escape(label))
        .append("</text>");
  }

  private static void lines(
      StringBuilder html,
      String title,
      String xLabel,
      double[] x,
      double[] actual,
      double[] model,
      String first,
      String last) {
    double max = 1e-9;
    for (int i = 0; i < x.length; i++) {
      max = Math.max(max, Math.max(actual[i], model[i]));
    }
    open(html, title);
    axes(html, max, xLabel);
    if (x.length > 0) {
      xTick(html, LEFT, first);
      xTick(html, LEFT + PLOT_WIDTH, last);
    }
    polyline(html, x, actual, max, ACTUAL, "");
    polyline(html, x, model, max, MODEL, " stroke-dasharray=\"6 4\"");
    legend(html);
    html.append("</svg>");
  }

  private static void polyline(
      StringBuilder html, double[] x, double[] y, double max, String colour, String style) {
    double last = x.length == 0 ? 1 : x[x.length - 1];
    double first = x.length == 0 ? 0 : x[0];
    double span = last - first <= 0 ? 1 : last - first;
    List<String> points = new ArrayList<>(x.length);
    for (int i = 0; i < x.length; i++) {
      double px = LEFT + (x[i] - first) / span * PLOT_WIDTH;
      double py = TOP + PLOT_HEIGHT - (Double.isFinite(y[i]) ? y[i] : 0) / max * PLOT_HEIGHT;
      points.add(String.format(Locale.ROOT, "%.1f,%.1f", px, py));
    }
    html.append("<polyline class=\"model-line\" fill=\"none\" stroke-width=\"2.5\" stroke=\"")
        .append(colour)
        .append('"')
        .append(style)
        .append(" points=\"")
        .append(String.join(" ", points))
        .append("\"></polyline>");
  }

  private static void open(StringBuilder html, String title) {
    html.append("<svg class=\"chart\" viewBox=\"0 0 ")
        .append(WIDTH)
        .append(' ')
        .append(HEIGHT)
        .append("\" role=\"img\" aria-label=\"")
        .append(title)
        .append("\"><title>")
        .append(title)
        .append("</title>");
  }

  private static void axes(StringBuilder html, double max, String xLabel) {
    for (int tick = 0; tick <= 4; tick++) {
      int y = TOP + PLOT_HEIGHT - PLOT_HEIGHT * tick / 4;
      html.append("<line x1=\"")
          .append(LEFT)
          .append("\" y1=\"")
          .append(y)
          .append("\" x2=\"")
          .append(LEFT + PLOT_WIDTH)
          .append("\" y2=\"")
          .append(y)
          .append("\" stroke=\"#e3e3e3\"></line><text x=\"")
          .append(LEFT - 6)
          .append("\" y=\"")
          .append(y + 4)
          .append("\" font-size=\"12\" text-anchor=\"end\">")
          .append(tickLabel(max * tick / 4))
          .append("</text>");
    }
    html.append("<text x=\"")
        .append(LEFT + PLOT_WIDTH / 2)
        .append("\" y=\"")
        .append(HEIGHT - 8)
        .append("\" font-size=\"12\" text-anchor=\"middle\">")
        .append(HtmlPage.escape(xLabel))
        .append("</text>");
  }

  private static void legend(StringBuilder html) {
    html.append("<line x1=\"")
        .append(LEFT + 8)
        .append("\" y1=\"14\" x2=\"")
        .append(LEFT + 32)
        .append("\" y2=\"14\" stroke=\"")
        .append(ACTUAL)
        .append("\" stroke-width=\"2.5\"></line><text x=\"")
        .append(LEFT + 38)
        .append("\" y=\"18\" font-size=\"12\">actual</text><line x1=\"")
        .append(LEFT + 100)
        .append("\" y1=\"14\" x2=\"")
        .append(LEFT + 124)
        .append("\" y2=\"14\" stroke=\"")
        .append(MODEL)
        .append("\" stroke-width=\"2.5\" stroke-dasharray=\"6 4\"></line><text x=\"")
        .append(LEFT + 130)
        .append("\" y=\"18\" font-size=\"12\">model</text>");
  }

  private static String tickLabel(double value) {
    return value >= 10
        ? String.format(Locale.ROOT, "%.0f", value)
        : String.format(Locale.ROOT, "%.2f", value);
  }

  private static void table(StringBuilder html, ModelDiagnostics model) {
    html.append("<table><thead><tr><th>Calibration purchases</th><th>Customers</th>")
        .append("<th>Holdout purchases (mean)</th><th>Predicted (mean)</th></tr></thead><tbody>");
    for (ModelDiagnostics.FrequencyRow row : model.calibration()) {
      html.append("<tr><td>")
          .append(HtmlPage.escape(row.frequency()))
          .append("</td><td class=\"n\">")
          .append(row.customers())
          .append("</td><td class=\"n\">")
          .append(String.format(Locale.ROOT, "%.3f", row.actual()))
          .append("</td><td class=\"n\">")
          .append(String.format(Locale.ROOT, "%.3f", row.predicted()))
          .append("</td></tr>");
    }
    html.append("</tbody></table>");
    model
        .tracking()
        .map(Tracking::unit)
        .ifPresent(unit -> html.append("<p class=\"muted\">A period is ")
            .append(HtmlPage.escape(unit.toString()))
            .append(".</p>"));
  }
}
