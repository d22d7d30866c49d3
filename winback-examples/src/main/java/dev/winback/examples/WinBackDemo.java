package dev.winback.examples;

import dev.winback.ManualClock;
import dev.winback.ReactivationTokens;
import dev.winback.WinBack;
import dev.winback.insight.InsightReport;
import dev.winback.insight.Outcomes;
import dev.winback.insight.RootCauses;
import dev.winback.insight.StoredPlans;
import dev.winback.model.Channel;
import dev.winback.model.CustomerResponse;
import dev.winback.model.EventType;
import dev.winback.model.ExitTerms;
import dev.winback.model.Feedback;
import dev.winback.model.JournalEvent;
import dev.winback.model.LostCustomer;
import dev.winback.model.PlanStatus;
import dev.winback.model.PlanStep;
import dev.winback.model.Playbook;
import dev.winback.model.ReasonSource;
import dev.winback.model.StepKind;
import dev.winback.model.StepStatus;
import dev.winback.model.WinBackPlan;
import dev.winback.spi.PlanStore;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A simulated win-back campaign: three dozen lost customers with varied reasons, values and channels run through
 * the standard playbook over 120 days on a manual clock, with customers who answer, come back (some through the
 * come-back link in their goodbye), decline or opt out.
 * Prints a timeline per customer and a summary. Run it with the README's command.
 */
public final class WinBackDemo {
  static final Instant START = Instant.parse("2026-01-05T09:00:00Z");
  static final int DAYS = 120;

  /**
   * What the campaign came to.
   *
   * @param customers the lost customers (people: one of them turns up again under a new id)
   * @param plans the plans started, one per customer id
   * @param suppressed plans suppressed before any contact (the report's funnel leaves them out)
   * @param stepsSent steps sent, as the plans record them
   * @param byChannel the messages and tasks the CRM produced, by the channel they really went on
   * @param accountManagerTasks how many of them were tasks for an account manager
   * @param stepsSkipped steps skipped by the contact rules
   * @param wonBack plans won back
   * @param declined plans declined
   * @param optedOut plans opted out
   * @param unresponsive plans that ran out
   * @param active plans still running
   * @param suppressedLater plans suppressed after a contact (e.g. the customer died)
   */
  public record Summary(
      int customers,
      int plans,
      int suppressed,
      int stepsSent,
      Map<Channel, Integer> byChannel,
      int accountManagerTasks,
      int stepsSkipped,
      int wonBack,
      int declined,
      int optedOut,
      int unresponsive,
      int active,
      int suppressedLater) {}

  /** The shop's page for coming back, to which every goodbye's come-back link points. */
  static final String COME_BACK_PAGE = "https://shop.example/come-back";

  /** A customer's reaction, due at a simulated time. */
  private record Reaction(Instant at, String customerId, Consumer<WinBack> action) {}

  private WinBackDemo() {}

  /**
   * Runs the demo and prints to standard output.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    run(System.out, Path.of("target"));
  }

  /**
   * Runs the demo.
   *
   * @param out where to print the timelines and the summary
   * @return the summary
   */
  public static Summary run(PrintStream out) {
    return run(out, null);
  }

  /**
   * Runs the demo and writes the insight report (HTML and JSON) to a folder.
   *
   * @param out where to print the timelines and the summary
   * @param reportDir the folder for the report, or null for none
   * @return the summary
   */
  public static Summary run(PrintStream out, @Nullable Path reportDir) {
    ManualClock clock = ManualClock.at(START);
    Playbook playbook = Playbook.builder()
        .from(Playbook.standard())
        .exitTerms(ExitTerms.builder().comeBackLink(COME_BACK_PAGE).build())
        .build();
    ExampleCrm crm = new ExampleCrm(playbook.valueTiers());
    PriorityQueue<Reaction> reactions = new PriorityQueue<>((a, b) -> a.at().compareTo(b.at()));
    Random random = new Random(42);

    PlanStore store = PlanStore.inMemory();
    WinBack winBack = WinBack.builder()
        .clock(clock)
        .store(store)
        .playbook(playbook)
        .feedback(crm)
        .apology(crm)
        .incentives(crm)
        .reEngagement(crm)
        .activities(crm)
        .reactivationTokens(ReactivationTokens.builder()
            .key("demo", "a demo secret of at least 32 bytes".getBytes(StandardCharsets.UTF_8))
            .build())
        .listener(event -> react(event, reactions, random, crm))
        .build();

    List<LostCustomer> customers = new ArrayList<>(customers());
    for (LostCustomer customer : customers) {
      winBack.start(customer);
    }
    // c05 opts out after the first message they get (the goodbye: their reason is on record, so no
    // question); ten days later the same person turns up in another system under a new id
    LostCustomer again = LostCustomer.builder()
        .from(customers.get(4))
        .id("c05-crm2")
        .lostAt(START.plus(Duration.ofDays(10)))
        .build();
    customers.add(again);
    reactions.add(new Reaction(again.lostAt(), again.id(), w -> w.start(again)));
    Instant end = START.plus(Duration.ofDays(DAYS));
    while (clock.instant().isBefore(end)) {
      while (!reactions.isEmpty() && !reactions.peek().at().isAfter(clock.instant())) {
        reactions.poll().action().accept(winBack);
      }
      winBack.runDue();
      clock.advance(Duration.ofHours(6));
    }

    out.println("WinBack demo: " + (customers.size() - 1) + " lost customers (" + customers.size()
        + " plans), standard playbook, " + DAYS + " simulated days from "
        + START.toString().substring(0, 10));
    out.println();
    for (LostCustomer customer : customers) {
      DemoPrinter.timeline(out, customer, winBack);
    }
    Summary summary = summarise(customers, winBack, crm);
    DemoPrinter.summary(out, summary);
    out.println();
    DemoPrinter.contactRules(out, customers, winBack);
    if (reportDir != null) {
      writeReport(out, store, playbook, clock.instant(), reportDir);
    }
    ExampleCrm cdnowCrm = new ExampleCrm(playbook.valueTiers());
    CdnowLapses.run(
        out,
        WinBack.builder()
            .playbook(playbook)
            .feedback(cdnowCrm)
            .apology(cdnowCrm)
            .incentives(cdnowCrm)
            .reEngagement(cdnowCrm),
        5);
    return summary;
  }

  private static void writeReport(
      PrintStream out, PlanStore store, Playbook playbook, Instant now, Path dir) {
    Iterable<WinBackPlan> plans = StoredPlans.in(store);
    InsightReport report = new InsightReport(
        "WinBack demo: 120 days of win-back",
        now,
        Outcomes.of(plans, playbook.valueTiers(), Period.ofMonths(12)),
        RootCauses.of(plans, RootCauses.Granularity.WEEK, 4, 0.01, 3),
        List.of());
    try {
      Files.createDirectories(dir);
      Path html = dir.resolve("winback-report.html").toAbsolutePath();
      Files.writeString(html, report.toHtml());
      Files.writeString(dir.resolve("winback-report.json"), report.toJson());
      out.println();
      out.println("Report written to " + html + " (and winback-report.json beside it)");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the report to " + dir, e);
    }
  }

  /** The simulated customers: how they answer what they receive. */
  private static void react(
      JournalEvent event, PriorityQueue<Reaction> reactions, Random random, ExampleCrm crm) {
    if (event.type() != EventType.STEP_DONE && event.type() != EventType.STEP_CARRIED) {
      return; // a step sent alone, or inside another step's message
    }
    String id = event.customerId();
    int n = Integer.parseInt(id.substring(1));
    StepKind kind = event.stepKind().orElseThrow();
    Instant at = event.at();
    if (kind == StepKind.FEEDBACK_REQUEST && n % 3 != 0) {
      String words = ANSWERS[n % ANSWERS.length];
      Instant answered = at.plus(Duration.ofDays(2 + n % 5));
      reactions.add(new Reaction(
          answered,
          id,
          w -> w.recordFeedback(
              id,
              Feedback.of(
                  words, n % 2 == 0 ? ReasonSource.SURVEY : ReasonSource.LETTER, answered))));
    }
    if (kind == StepKind.INCENTIVE_OFFER && random.nextInt(100) < 55) {
      reactions.add(new Reaction(at.plus(Duration.ofDays(3)), id, w -> w.markWonBack(id)));
    }
    if (kind == StepKind.FOLLOW_UP && random.nextInt(100) < 35) {
      reactions.add(new Reaction(at.plus(Duration.ofDays(1)), id, w -> w.markWonBack(id)));
    }
    if (kind == StepKind.GRACEFUL_GOODBYE && n % 10 == 7) {
      // follows the come-back link in the goodbye two days later
      crm.comeBackToken(id)
          .ifPresent(token ->
              reactions.add(new Reaction(at.plus(Duration.ofDays(2)), id, w -> w.redeem(token))));
    }
    if (kind == StepKind.GRACEFUL_GOODBYE && n % 11 == 4) {
      reactions.add(new Reaction(
          at.plus(Duration.ofDays(1)), id, w -> w.recordResponse(id, CustomerResponse.DECLINED)));
    }
    if ((kind == StepKind.FEEDBACK_REQUEST || kind == StepKind.GRACEFUL_GOODBYE) && n % 13 == 5) {
      reactions.add(new Reaction(at.plus(Duration.ofHours(12)), id, w -> w.optOut(id)));
    }
  }

  private static final String[] ANSWERS = {
    "Honestly, it was too expensive for what we used",
    "The support person was rude when we called about the invoice",
    "A competitor made us a better offer",
    "We no longer need it since we closed the shop",
    "Three outages in one month, and nobody told us",
    "Way too many emails, I got something every day",
    "You don't have the reporting feature our accountant needs",
    "We moved to a new city",
  };

  /** The customers' answers to the feedback requests (their own words: personal data). */
  static String[] answers() {
    return ANSWERS.clone();
  }

  /** The demo's lost customers (see {@link DemoCustomers}). */
  static List<LostCustomer> customers() {
    return DemoCustomers.all();
  }

  private static Summary summarise(List<LostCustomer> customers, WinBack winBack, ExampleCrm crm) {
    Map<PlanStatus, Integer> byStatus = new EnumMap<>(PlanStatus.class);
    int sent = 0;
    int skipped = 0;
    int suppressedBeforeContact = 0;
    for (LostCustomer customer : customers) {
      WinBackPlan plan = winBack.plan(customer.id()).orElseThrow();
      byStatus.merge(plan.status(), 1, Integer::sum);
      if (plan.status() == PlanStatus.SUPPRESSED
          && plan.steps().stream().noneMatch(s -> s.status() == StepStatus.DONE)) {
        suppressedBeforeContact++;
      }
      for (PlanStep step : plan.steps()) {
        sent += step.status() == StepStatus.DONE ? 1 : 0;
        skipped += step.status() == StepStatus.SKIPPED ? 1 : 0;
      }
    }
    int tasks = (int)
        crm.outbox().stream().filter(o -> o.who().equals("account manager")).count();
    Map<Channel, Integer> byChannel = new EnumMap<>(Channel.class);
    crm.outbox().forEach(o -> byChannel.merge(o.channel(), 1, Integer::sum));
    return new Summary(
        customers.size() - 1,
        customers.size(),
        suppressedBeforeContact,
        sent,
        java.util.Collections.unmodifiableMap(byChannel),
        tasks,
        skipped,
        byStatus.getOrDefault(PlanStatus.WON_BACK, 0),
        byStatus.getOrDefault(PlanStatus.DECLINED, 0),
        byStatus.getOrDefault(PlanStatus.OPTED_OUT, 0),
        byStatus.getOrDefault(PlanStatus.UNRESPONSIVE, 0),
        byStatus.getOrDefault(PlanStatus.ACTIVE, 0),
        byStatus.getOrDefault(PlanStatus.SUPPRESSED, 0) - suppressedBeforeContact);
  }
}
