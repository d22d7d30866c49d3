package dev.winback.console;

import static dev.winback.console.Html.esc;

import dev.winback.insight.ExperimentResults;
import dev.winback.insight.InsightReport;
import dev.winback.insight.Outcomes;
import dev.winback.insight.Rate;
import dev.winback.insight.RootCauses;
import dev.winback.model.Backlog;
import dev.winback.model.ContactPoint;
import dev.winback.model.EventType;
import dev.winback.model.ExitReason;
import dev.winback.model.JournalEvent;
import dev.winback.model.PlanStatus;
import dev.winback.model.PlanStep;
import dev.winback.model.StepStatus;
import dev.winback.model.Suppression;
import dev.winback.model.WinBackPlan;
import dev.winback.spi.QuarantinedPlan;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The bodies of the console's pages, written from the engine's values with every value escaped and personal data
 * masked for operators who may not see it. Stateless.
 */
final class Pages {
  private Pages() {}

  /** The data a form needs besides its own fields: the console's token and Spring Security's, if any. */
  record FormTokens(String actionToken, String springSecurityField) {
    String hidden() {
      return "<input type=\"hidden\" name=\"" + ActionTokens.FIELD + "\" value=\""
          + esc(actionToken) + "\">" + springSecurityField;
    }
  }

  static String overview(
      String base,
      Map<PlanStatus, Long> counts,
      Backlog backlog,
      Instant now,
      List<JournalEvent> failures,
      List<QuarantinedPlan> quarantined,
      List<JournalEvent> actions,
      Operator operator) {
    StringBuilder html = new StringBuilder();
    html.append(lookup(base, ""));
    html.append("<h2>Plans by status</h2>\n<div class=\"cards\" id=\"funnel\">");
    for (PlanStatus status : PlanStatus.values()) {
      html.append("<div class=\"card\"><b>")
          .append(counts.getOrDefault(status, 0L))
          .append("</b>")
          .append(esc(words(status.name())))
          .append("</div>");
    }
    html.append("</div>\n<h2>Backlog</h2>\n<div class=\"cards\" id=\"backlog\">")
        .append("<div class=\"card\"><b>")
        .append(backlog.duePlans())
        .append("</b>plans due</div><div class=\"card\"><b>")
        .append(esc(Html.duration(backlog.lag(now))))
        .append("</b>lag of the oldest due step</div><div class=\"card\"><b>")
        .append(esc(backlog.oldestDue().map(Html::time).orElse("–")))
        .append("</b>oldest due</div></div>\n");
    html.append("<h2>Recent failures</h2>\n").append(failureTable(base, failures, operator));
    html.append("<p><a href=\"")
        .append(esc(base))
        .append("/failures\">All failures and quarantined plans</a></p>\n");
    html.append("<h2>Quarantined plans</h2>\n").append(quarantineTable(base, quarantined));
    html.append("<h2>Recent operator actions</h2>\n")
        .append(eventTable(base, actions, "actions", "No action yet.", operator));
    return html.toString();
  }

  static String failures(
      String base,
      List<JournalEvent> failures,
      List<QuarantinedPlan> quarantined,
      int pageSize,
      Operator operator) {
    StringBuilder html = new StringBuilder();
    html.append(
        "<p class=\"muted\">Failed steps and quarantined plans, newest first; the causes are redacted by the"
            + " engine.</p>\n");
    html.append("<h2>Failed steps</h2>\n").append(failureTable(base, failures, operator));
    html.append("<h2>Quarantined plans</h2>\n").append(quarantineTable(base, quarantined));
    if (quarantined.size() == pageSize) {
      html.append("<p><a href=\"")
          .append(esc(base))
          .append("/failures?after=")
          .append(esc(url(quarantined.get(quarantined.size() - 1).planId())))
          .append("\">More quarantined plans</a></p>\n");
    }
    return html.toString();
  }

  static String lookup(String base, String id) {
    return "<form class=\"search\" method=\"get\" action=\"" + esc(base)
        + "/customer\" role=\"search\">"
        + "<label for=\"id\">Customer id</label><input type=\"text\" id=\"id\" name=\"id\" value=\""
        + esc(id)
        + "\" required><button type=\"submit\">Look up</button></form>\n";
  }

  static String customer(
      String base,
      Operator operator,
      WinBackPlan plan,
      List<JournalEvent> journal,
      Optional<FormTokens> forms,
      Optional<String> notice,
      Optional<String> error) {
    StringBuilder html = new StringBuilder();
    html.append(lookup(base, plan.customer().id()));
    notice.ifPresent(n -> html.append("<p class=\"notice\" role=\"status\" id=\"notice\">")
        .append(esc(n))
        .append("</p>\n"));
    error.ifPresent(e -> html.append("<p class=\"error\" role=\"alert\" id=\"error\">")
        .append(esc(e))
        .append("</p>\n"));
    html.append("<h2>Plan</h2>\n<dl id=\"plan\">");
    item(html, "Customer", plan.customer().id());
    item(html, "Name", Masked.name(plan.customer().displayName(), operator));
    item(html, "Status", words(plan.status().name()) + (paused(plan) ? " (paused)" : ""));
    item(html, "Plan", plan.id());
    item(html, "Playbook", plan.playbook() + " · " + plan.rule());
    item(html, "Why", plan.rationale());
    item(html, "Started", Html.time(plan.startedAt()));
    item(html, "Ended", Html.time(plan.endedAt()));
    item(html, "Next due", Html.time(plan.nextDue()));
    plan.experiment()
        .ifPresent(e ->
            item(html, "Experiment", e + plan.arm().map(a -> " · " + a).orElse("")));
    for (ContactPoint point : plan.customer().contactPoints()) {
      item(
          html,
          words(point.channel().name()),
          Masked.address(point.address(), operator) + " · consent "
              + words(point.consent().name()));
    }
    for (ExitReason reason : plan.customer().exitReasons()) {
      item(
          html,
          "Reason",
          words(reason.category().name()) + " (" + words(reason.source().name()) + ")"
              + reason.verbatim().map(v -> ": " + Masked.words(v, operator)).orElse(""));
    }
    plan.customer().suppression().ifPresent(s -> item(html, "Suppression", words(s.name())));
    html.append("</dl>\n");
    if (!operator.seesPersonalData()) {
      html.append(
          "<p class=\"muted\">Names, addresses and the customer's own words are masked: only operators"
              + " with the admin role see them.</p>\n");
    }
    forms.ifPresent(f -> html.append(planActions(base, plan, f)));
    html.append(
        "<h2>Steps</h2>\n<div class=\"scroll\"><table id=\"steps\"><thead><tr><th>#</th><th>Step</th>"
            + "<th>Due</th><th>Status</th><th>Tries</th><th>Outcome</th></tr></thead><tbody>");
    for (PlanStep step : plan.steps()) {
      html.append("<tr><td>")
          .append(step.index())
          .append("</td><td>")
          .append(esc(words(step.kind().name()) + " · " + words(step.channel().name())))
          .append("</td><td>")
          .append(esc(Html.time(step.dueAt())))
          .append("</td><td>")
          .append(esc(words(step.status().name())));
      if (step.status() == StepStatus.FAILED && forms.isPresent()) {
        html.append(' ')
            .append(form(
                base,
                Action.RETRY,
                plan,
                forms.get(),
                "<input type=\"hidden\" name=\"step\"" + " value=\"" + step.index() + "\">",
                "retry-" + step.index()));
      }
      html.append("</td><td>")
          .append(step.attempts())
          .append("</td><td>")
          .append(esc(step.outcome().orElse("")))
          .append("</td></tr>");
    }
    html.append("</tbody></table></div>\n");
    html.append(
        "<h2>Journal</h2>\n<div class=\"scroll\"><table id=\"journal\"><thead><tr><th>When</th>"
            + "<th>What</th><th>Step</th><th>Detail</th></tr></thead><tbody>");
    for (JournalEvent event : journal) {
      html.append("<tr><td>")
          .append(esc(Html.time(event.at())))
          .append("</td><td>")
          .append(esc(words(event.type().name())))
          .append("</td><td>")
          .append(event.stepIndex().map(String::valueOf).orElse(""))
          .append("</td><td class=\"detail\">")
          .append(esc(detail(event, operator)))
          .append("</td></tr>");
    }
    html.append("</tbody></table></div>\n");
    return html.toString();
  }

  private static String planActions(String base, WinBackPlan plan, FormTokens forms) {
    StringBuilder html =
        new StringBuilder("<h2>Actions</h2>\n<div class=\"actions\" id=\"actions\">");
    html.append(form(base, Action.OPT_OUT, plan, forms, "", "opt-out"));
    StringBuilder reasons = new StringBuilder(
        "<label for=\"suppression\">Suppress as</label><select id=\"suppression\" name=\"suppression\">");
    for (Suppression suppression : Suppression.values()) {
      reasons
          .append("<option value=\"")
          .append(suppression.name())
          .append("\">")
          .append(esc(words(suppression.name())))
          .append("</option>");
    }
    reasons.append("</select>");
    html.append(form(base, Action.SUPPRESS, plan, forms, reasons.toString(), "suppress"));
    if (plan.status().isActive()) {
      html.append(
          paused(plan)
              ? form(base, Action.RESUME, plan, forms, "", "resume")
              : form(base, Action.PAUSE, plan, forms, "", "pause"));
      html.append(form(base, Action.END, plan, forms, "", "end"));
    }
    return html.append("</div>\n").toString();
  }

  private static String form(
      String base, Action action, WinBackPlan plan, FormTokens forms, String fields, String id) {
    return "<form class=\"inline\" method=\"post\" id=\"form-" + id + "\" action=\"" + esc(base)
        + "/actions/"
        + action.slug() + "\">" + forms.hidden()
        + "<input type=\"hidden\" name=\"customer\" value=\""
        + esc(plan.customer().id()) + "\">" + fields + "<button type=\"submit\" id=\"" + id + "\""
        + (action == Action.END || action == Action.OPT_OUT ? " class=\"danger\"" : "") + ">"
        + esc(action.label()) + "</button></form>";
  }

  static String report(String base, InsightReport report) {
    StringBuilder html = new StringBuilder();
    html.append("<p class=\"muted\">")
        .append(esc(report.title()))
        .append(", made ")
        .append(esc(Html.time(report.generatedAt())))
        .append(". <a href=\"")
        .append(esc(base))
        .append("/report/full\">The whole report</a> (laid out for a wide screen).</p>\n");
    Outcomes.Funnel funnel = report.outcomes().funnel();
    html.append("<h2>Funnel</h2>\n<div class=\"cards\" id=\"report-funnel\">");
    card(html, funnel.started(), "started");
    card(html, funnel.contacted(), "contacted");
    card(html, funnel.answered(), "answered");
    card(html, funnel.wonBack(), "won back");
    html.append(
        "</div>\n<h2>Won back by exit reason</h2>\n<div class=\"scroll\"><table id=\"rates\"><thead><tr>"
            + "<th>Reason</th><th>Won back</th><th>Of</th><th>Rate</th></tr></thead><tbody>");
    for (Rate rate :
        report.outcomes().rates().getOrDefault(Outcomes.Dimension.EXIT_CATEGORY, List.of())) {
      html.append("<tr><td>")
          .append(esc(words(rate.group())))
          .append("</td><td>")
          .append(rate.successes())
          .append("</td><td>")
          .append(rate.trials())
          .append("</td><td>")
          .append(esc(percent(rate.rate())))
          .append("</td></tr>");
    }
    html.append("</tbody></table></div>\n<h2>Root-cause alerts</h2>\n");
    List<RootCauses.Alert> alerts = report.rootCauses().alerts();
    if (alerts.isEmpty()) {
      html.append("<p>No exit reason rose significantly.</p>\n");
    } else {
      html.append("<ul id=\"alerts\">");
      for (RootCauses.Alert alert : alerts) {
        html.append("<li>")
            .append(esc(words(alert.category().name()) + " rose to " + percent(alert.share())
                + " in the period from " + alert.period() + " (baseline "
                + percent(alert.baselineShare()) + ")"))
            .append("</li>");
      }
      html.append("</ul>\n");
    }
    html.append("<h2>Experiments</h2>\n");
    if (report.experiments().isEmpty()) {
      html.append("<p>No experiment has enrolled customers.</p>\n");
    }
    for (ExperimentResults experiment : report.experiments()) {
      html.append("<h3>").append(esc(experiment.experiment())).append("</h3><ul>");
      for (Rate arm : experiment.arms()) {
        html.append("<li>")
            .append(esc(arm.group() + ": " + arm.successes() + " of " + arm.trials() + " won back ("
                + percent(arm.rate()) + ")"))
            .append("</li>");
      }
      for (ExperimentResults.Comparison comparison : experiment.comparisons()) {
        html.append("<li>")
            .append(esc(comparison.arm() + " against " + experiment.control() + ": "
                + words(comparison.verdict().name())))
            .append("</li>");
      }
      html.append("</ul>\n");
    }
    return html.toString();
  }

  static String noReport() {
    return "<p>There is no report: the console builds it from the application's PlanStore bean, and the"
        + " application context has none.</p>\n";
  }

  private static void card(StringBuilder html, long value, String label) {
    html.append("<div class=\"card\"><b>")
        .append(value)
        .append("</b>")
        .append(esc(label))
        .append("</div>");
  }

  private static String failureTable(String base, List<JournalEvent> failures, Operator operator) {
    return eventTable(base, failures, "failures", "No failed step.", operator);
  }

  private static String eventTable(
      String base, List<JournalEvent> failures, String id, String none, Operator operator) {
    if (failures.isEmpty()) {
      return "<p id=\"" + id + "\">" + esc(none) + "</p>\n";
    }
    StringBuilder html =
        new StringBuilder("<div class=\"scroll\"><table id=\"" + id + "\"><thead><tr><th>When</th>"
            + "<th>Customer</th><th>What</th><th>Detail</th></tr></thead><tbody>");
    for (JournalEvent event : failures) {
      html.append("<tr><td>")
          .append(esc(Html.time(event.at())))
          .append("</td><td>")
          .append(customerLink(base, event.customerId()))
          .append("</td><td>")
          .append(esc(words(event.type().name())
              + event.stepIndex().map(i -> " (step " + i + ")").orElse("")))
          .append("</td><td class=\"detail\">")
          .append(esc(detail(event, operator)))
          .append("</td></tr>");
    }
    return html.append("</tbody></table></div>\n").toString();
  }

  /** An event's detail as the operator may see it: the acting operator's name is personal data too. */
  private static String detail(JournalEvent event, Operator operator) {
    return event.type() == EventType.OPERATOR_ACTION
        ? Masked.operatorAction(event.detail(), operator)
        : event.detail();
  }

  private static String quarantineTable(String base, List<QuarantinedPlan> quarantined) {
    if (quarantined.isEmpty()) {
      return "<p id=\"quarantined\">No quarantined plan.</p>\n";
    }
    StringBuilder html =
        new StringBuilder("<div class=\"scroll\"><table id=\"quarantined\"><thead><tr>"
            + "<th>Since</th><th>Customer</th><th>Plan</th><th>Cause</th></tr></thead><tbody>");
    for (QuarantinedPlan plan : quarantined) {
      html.append("<tr><td>")
          .append(esc(Html.time(plan.at())))
          .append("</td><td>")
          .append(customerLink(base, plan.customerId()))
          .append("</td><td>")
          .append(esc(plan.planId()))
          .append("</td><td>")
          .append(esc(plan.reason()))
          .append("</td></tr>");
    }
    return html.append("</tbody></table></div>\n").toString();
  }

  private static String customerLink(String base, String customerId) {
    return "<a href=\"" + esc(base + "/customer?id=" + url(customerId)) + "\">" + esc(customerId)
        + "</a>";
  }

  private static void item(StringBuilder html, String term, String value) {
    html.append("<dt>").append(esc(term)).append("</dt><dd>").append(esc(value)).append("</dd>");
  }

  private static boolean paused(WinBackPlan plan) {
    return plan.paused();
  }

  static String url(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** An enum constant as words: {@code OPTED_OUT} is "Opted out". */
  static String words(String constant) {
    String words = constant.toLowerCase(Locale.ROOT).replace('_', ' ');
    return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  private static String percent(double share) {
    return String.format(Locale.ROOT, "%.1f %%", share * 100);
  }
}
