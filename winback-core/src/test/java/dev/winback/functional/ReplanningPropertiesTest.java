package dev.winback.functional;

import static dev.winback.testing.Customers.LOST_AT;
import static dev.winback.testing.Customers.lost;
import static dev.winback.testing.Customers.worth;
import static org.assertj.core.api.Assertions.assertThat;

import dev.winback.ManualClock;
import dev.winback.WinBack;
import dev.winback.model.ContactRules;
import dev.winback.model.ExitCategory;
import dev.winback.model.ExitReason;
import dev.winback.model.Feedback;
import dev.winback.model.FrequencyCap;
import dev.winback.model.LostCustomer;
import dev.winback.model.PlanStep;
import dev.winback.model.Playbook;
import dev.winback.model.ReasonCap;
import dev.winback.model.ReasonSource;
import dev.winback.model.StepKind;
import dev.winback.model.StepStatus;
import dev.winback.model.WinBackPlan;
import dev.winback.spi.StepContext;
import dev.winback.testing.Recorder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Over every pair of reasons, the one known when the plan starts and the one the customer's feedback gives, told by
 * the customer or only guessed at the start, with feedback arriving at several moments: the revised plan is the one
 * {@code start} would choose for what we now know, every contact keeps every cap (contacts made before the feedback
 * count), and a reason that restricts contact restricts from the moment it is known and is never loosened.
 */
class ReplanningPropertiesTest {
  private static final Set<StepKind> WHAT_TOO_MANY_MESSAGES_ALLOWS =
      Set.of(StepKind.APOLOGY, StepKind.FOLLOW_UP, StepKind.GRACEFUL_GOODBYE);
  private static final String TOO_MANY_MESSAGES_RULE = "left-over-too-many-messages";
  private static final ManualClock CLOCK = ManualClock.at(LOST_AT);
  private static final Recorder HOST = new Recorder();
  private static final WinBack ENGINE = engine(CLOCK, HOST);
  private static final AtomicInteger TRIES = new AtomicInteger();
  /** An engine at each plan's start, to ask what plan {@code start} would choose. */
  private static final ManualClock STARTING_CLOCK = ManualClock.at(LOST_AT);

  private static final WinBack STARTING = engine(STARTING_CLOCK, new Recorder());

  @Provide
  Arbitrary<ReasonSource> sources() {
    return Arbitraries.of(ReasonSource.SURVEY, ReasonSource.INFERRED);
  }

  @Provide
  Arbitrary<Integer> feedbackDays() {
    return Arbitraries.of(0, 4, 25);
  }

  @Property(generation = GenerationMode.EXHAUSTIVE, tries = 1200)
  void theRevisedPlanIsTheOneStartWouldChooseAndKeepsEveryCap(
      @ForAll ExitCategory atStart,
      @ForAll ExitCategory inFeedback,
      @ForAll("sources") ReasonSource startSource,
      @ForAll("feedbackDays") int feedbackDay) {
    // one engine for every try (building one lints its playbook): each try a new customer, lost now
    String id = "c" + TRIES.incrementAndGet();
    Instant lostAt = CLOCK.instant();
    LostCustomer.Builder customer = lost(id).lostAt(lostAt).value(worth("120"));
    if (atStart != ExitCategory.UNKNOWN) {
      customer.addExitReason(ExitReason.of(atStart, startSource, lostAt));
    }
    WinBackPlan started = ENGINE.start(customer.build());
    Instant feedbackAt = lostAt.plus(Duration.ofDays(feedbackDay)).plus(Duration.ofHours(3));
    runUntil(id, feedbackAt);

    WinBackPlan before = ENGINE.plan(id).orElseThrow();
    WinBackPlan revised = ENGINE.recordFeedback(
        id,
        Feedback.builder()
            .category(inFeedback)
            .source(ReasonSource.SURVEY)
            .receivedAt(feedbackAt)
            .build());
    runUntil(id, lostAt.plus(Duration.ofDays(200)));

    if (revised.status().isActive()) {
      STARTING_CLOCK.set(lostAt);
      WinBackPlan fresh = STARTING.preview(revised.customer());
      assertThat(revised.rule())
          .as("the rule start chooses for %s", revised.customer().exitReasons())
          .isEqualTo(fresh.rule());
      assertThat(kindsPlannedBy(revised, before))
          .as("the steps planned after the feedback")
          .containsExactlyInAnyOrderElementsOf(stillToDo(fresh, before));
    }
    boolean restrictedFromTheStart = atStart == ExitCategory.TOO_MANY_MESSAGES;
    if (restrictedFromTheStart
        && started.status().isActive()
        && revised.status().isActive()) {
      assertThat(revised.rule())
          .as("a restricting reason is never loosened")
          .isEqualTo(TOO_MANY_MESSAGES_RULE);
    }
    Optional<Instant> restrictedSince = restrictedFromTheStart
        ? Optional.of(lostAt)
        : inFeedback == ExitCategory.TOO_MANY_MESSAGES ? Optional.of(feedbackAt) : Optional.empty();
    List<StepContext> calls =
        HOST.calls().stream().filter(c -> c.customer().id().equals(id)).toList();
    List<Instant> contacts = calls.stream().map(StepContext::now).toList();
    for (StepContext call : calls) {
      assertThat(within(contacts, call.now(), Duration.ofDays(7)))
          .as("contacts in 7 days")
          .isLessThanOrEqualTo(3);
      assertThat(within(contacts, call.now(), Duration.ofDays(30)))
          .as("contacts in 30 days")
          .isLessThanOrEqualTo(6);
      if (restrictedSince.isPresent() && !call.now().isBefore(restrictedSince.get())) {
        assertThat(within(contacts, call.now(), Duration.ofDays(30)))
            .as(
                "contacts in the 30 days up to %s %s, counting those before the reason was known",
                call.step().kind(), call.now())
            .isEqualTo(1);
        assertThat(call.step().kind()).isIn(WHAT_TOO_MANY_MESSAGES_ALLOWS);
      }
    }
  }

  @AfterContainer
  static void everyCombinationWasTried() {
    int reasons = ExitCategory.values().length;
    assertThat(TRIES.get()).isEqualTo(reasons * reasons * 2 * 3);
  }

  /** The engine under test, with the standard caps written out so that the test states them. */
  private static WinBack engine(ManualClock clock, Recorder host) {
    return WinBack.builder()
        .clock(clock)
        .playbook(Playbook.builder()
            .from(Playbook.standard())
            .contactRules(ContactRules.builder()
                .addCaps(
                    FrequencyCap.of(3, Duration.ofDays(7)), FrequencyCap.of(6, Duration.ofDays(30)))
                .addReasonCaps(ReasonCap.builder()
                    .reason(ExitCategory.TOO_MANY_MESSAGES)
                    .cap(FrequencyCap.of(1, Duration.ofDays(30)))
                    .build())
                .build())
            .build())
        .feedback(host)
        .apology(host)
        .incentives(host)
        .reEngagement(host)
        .build();
  }

  /** Runs every step due up to a moment, moment by moment, as a runner would. */
  private static void runUntil(String id, Instant end) {
    for (int round = 0; round < 200; round++) {
      ENGINE.runDue();
      Optional<Instant> next = ENGINE.plan(id).flatMap(WinBackPlan::nextDue);
      if (next.isEmpty() || next.get().isAfter(end)) {
        break;
      }
      if (next.get().isAfter(CLOCK.instant())) {
        CLOCK.set(next.get());
      }
    }
    if (end.isAfter(CLOCK.instant())) {
      CLOCK.set(end);
    }
  }

  /** The kinds of the steps the revision added or kept pending. */
  private static List<StepKind> kindsPlannedBy(WinBackPlan revised, WinBackPlan before) {
    List<StepKind> kinds = new ArrayList<>();
    for (PlanStep step : revised.steps()) {
      boolean done = step.index() < before.steps().size()
          && before.step(step.index()).status() != StepStatus.PENDING;
      if (!done && step.status() != StepStatus.CANCELLED) {
        kinds.add(step.kind());
      }
    }
    return kinds;
  }

  /** The kinds of a fresh plan's steps that the plan so far has not handled yet. */
  private static List<StepKind> stillToDo(WinBackPlan fresh, WinBackPlan before) {
    List<StepKind> kinds = new ArrayList<>();
    for (PlanStep step : fresh.steps()) {
      boolean handled = before.steps().stream()
          .anyMatch(s -> s.status() != StepStatus.PENDING
              && s.status() != StepStatus.CANCELLED
              && s.kind() == step.kind()
              && (s.kind() != StepKind.FEEDBACK_REQUEST || s.anchor() == step.anchor()));
      if (!handled) {
        kinds.add(step.kind());
      }
    }
    return kinds;
  }

  private static long within(List<Instant> contacts, Instant at, Duration window) {
    return contacts.stream()
        .filter(c -> c.isAfter(at.minus(window)) && !c.isAfter(at))
        .count();
  }
}
