package dev.winback.examples;

import dev.winback.WinBack;
import dev.winback.model.EventType;
import dev.winback.model.JournalEvent;
import dev.winback.model.LostCustomer;
import dev.winback.model.WinBackPlan;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The demo's printed output: a customer's timeline, the summary table and one example of each contact rule at
 * work.
 */
final class DemoPrinter {
  private DemoPrinter() {}

  static void timeline(PrintStream out, LostCustomer customer, WinBack winBack) {
    WinBackPlan plan = winBack.plan(customer.id()).orElseThrow();
    out.printf(
        "%s  %-9s %-22s left: %-18s value: %-6s -> %s (rule '%s')%n",
        customer.id(),
        customer.segment().orElse("-"),
        customer.churnSignal(),
        plan.customer().primaryCategory(),
        winBack.playbook().valueTiers().tierOf(customer),
        plan.status(),
        plan.rule());
    for (JournalEvent event : winBack.history(customer.id())) {
      if (event.type() == EventType.STEP_CANCELLED || event.type() == EventType.STEP_RESCHEDULED) {
        continue;
      }
      long day = Duration.between(WinBackDemo.START, event.at()).toDays();
      String detail = event.type() == EventType.PLAN_STARTED
          ? event.detail().replaceFirst(": .*", "")
          : event.detail();
      out.printf("    day %3d  %-20s %s%n", day, event.type(), detail);
    }
    out.println();
  }

  static void summary(PrintStream out, WinBackDemo.Summary summary) {
    out.println("Summary");
    out.printf(
        "  lost customers       %3d  (one turns up again under a new id: %d plans)%n",
        summary.customers(), summary.plans());
    out.printf(
        "  plans started        %3d  (leaving out %d suppressed before any contact)%n",
        summary.plans() - summary.suppressed(), summary.suppressed());
    StringBuilder channels = new StringBuilder();
    summary
        .byChannel()
        .forEach((channel, count) -> channels
            .append(channels.length() == 0 ? "" : ", ")
            .append(channel.name().toLowerCase(Locale.ROOT).replace("email", "e-mail"))
            .append(' ')
            .append(count));
    int messages =
        summary.byChannel().values().stream().mapToInt(Integer::intValue).sum();
    out.printf(
        "  messages sent        %3d  (by channel: %s; account-manager tasks among them: %d)%n",
        messages, channels, summary.accountManagerTasks());
    out.printf(
        "  steps they carried   %3d  (steps due together on one channel go as one message)%n",
        summary.stepsSent());
    out.printf("  steps skipped        %3d%n", summary.stepsSkipped());
    out.printf("  won back             %3d%n", summary.wonBack());
    out.printf("  declined             %3d%n", summary.declined());
    out.printf("  opted out            %3d%n", summary.optedOut());
    out.printf("  unresponsive         %3d%n", summary.unresponsive());
    out.printf(
        "  still active         %3d  (second-chance asks still to come)%n", summary.active());
  }

  static void contactRules(PrintStream out, List<LostCustomer> customers, WinBack winBack) {
    out.println(
        "Contact rules at work (one example of each; every decision is in the customer's journal)");
    for (EventType type :
        List.of(EventType.STEP_DELAYED, EventType.STEP_REROUTED, EventType.STEP_SKIPPED)) {
      customers.stream()
          .flatMap(c -> winBack.history(c.id()).stream())
          .filter(e -> e.type() == type && e.detail().contains("by rule"))
          .findFirst()
          .ifPresent(e -> out.printf(
              "  %-13s %s %s%n",
              type.name().substring(5).toLowerCase(Locale.ROOT) + ":", e.customerId(), e.detail()));
    }
    customers.stream()
        .map(c -> winBack.plan(c.id()).orElseThrow())
        .filter(p -> p.rationale().contains("suppression-list"))
        .findFirst()
        .ifPresent(
            p -> out.printf("  %-13s %s %s%n", "suppressed:", p.customer().id(), p.rationale()));
  }
}
