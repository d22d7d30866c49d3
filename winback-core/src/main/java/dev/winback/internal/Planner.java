package dev.winback.internal;

import dev.winback.model.Channel;
import dev.winback.model.ExitCategory;
import dev.winback.model.ExitReason;
import dev.winback.model.LostCustomer;
import dev.winback.model.NewArrangement;
import dev.winback.model.PlanStatus;
import dev.winback.model.PlanStep;
import dev.winback.model.Playbook;
import dev.winback.model.PlaybookRule;
import dev.winback.model.ReasonCap;
import dev.winback.model.StepAnchor;
import dev.winback.model.StepKind;
import dev.winback.model.StepStatus;
import dev.winback.model.StepTemplate;
import dev.winback.model.ValueTier;
import dev.winback.model.WinBackPlan;
import dev.winback.model.WithoutFeedback;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Chooses a plan for a lost customer from a playbook: the first matching rule, its step templates turned into
 * dated steps on consented channels, each offer sized to what the customer is worth ({@link OfferFit}; a step whose
 * offer is not worth making stays in the plan as skipped, with the reason). Stateless and thread-safe. Not API.
 */
public final class Planner {
  /** Name recorded as the rule of a plan that must not contact the customer at all. */
  public static final String DO_NOT_CONTACT_RULE = "do-not-contact";

  /** The categories whose customers nobody contacts, in the order their reason is named. */
  private static final ExitCategory[] IRREVERSIBLE = java.util.Arrays.stream(ExitCategory.values())
      .filter(ExitCategory::irreversible)
      .toArray(ExitCategory[]::new);

  /** The local time of day a step anchored to a contract end is due. */
  private static final LocalTime CONTRACT_END_TIME = LocalTime.of(10, 0);

  private final Playbook playbook;
  /** The zone that times a customer without one of their own. */
  private final ZoneId defaultZone;
  /** Per rule: when its feedback request goes out, from the plan's start; the rationale per value tier. */
  private final Map<PlaybookRule, RuleFacts> facts = new IdentityHashMap<>();
  /** Whether any rule's condition looks at the value tier; if none does, choosing a rule need not compute it. */
  private final boolean rulesUseTiers;

  private final PlaybookRule[] rules;
  /** The exit categories that restrict contact (those with a reason cap), one bit per category ordinal. */
  private final int restrictingBits;

  /** What the planner works out once per rule instead of once per plan. */
  private record RuleFacts(
      Duration feedbackAskedAfter, boolean asks, Map<ValueTier, String> rationales) {}

  /**
   * Creates a planner for a playbook that times customers without a time zone in UTC.
   *
   * @param playbook the playbook
   */
  public Planner(Playbook playbook) {
    this(playbook, ZoneId.of("UTC"));
  }

  /**
   * Creates a planner for a playbook.
   *
   * @param playbook the playbook
   * @param defaultZone the zone that times customers without a time zone of their own
   */
  public Planner(Playbook playbook, ZoneId defaultZone) {
    this.playbook = playbook;
    this.defaultZone = defaultZone;
    this.rules = playbook.rules().toArray(new PlaybookRule[0]);
    this.rulesUseTiers =
        playbook.rules().stream().anyMatch(rule -> !rule.when().valueTiers().isEmpty());
    int restricting = 0;
    for (ReasonCap cap : playbook.contactRules().reasonCaps()) {
      restricting |= 1 << cap.reason().ordinal();
    }
    this.restrictingBits = restricting;
    for (PlaybookRule rule : playbook.rules()) {
      facts.put(rule, factsOf(rule));
    }
  }

  private static RuleFacts factsOf(PlaybookRule rule) {
    Map<ValueTier, String> rationales = new EnumMap<>(ValueTier.class);
    for (ValueTier tier : ValueTier.values()) {
      rationales.put(tier, rationale(rule, tier));
    }
    Duration asked = null;
    boolean asks = false;
    for (StepTemplate t : rule.steps()) {
      asks |= t.kind() == StepKind.FEEDBACK_REQUEST;
      if (t.kind() == StepKind.FEEDBACK_REQUEST
          && t.anchor() == StepAnchor.PLAN_START
          && (asked == null || t.offset().compareTo(asked) < 0)) {
        asked = t.offset();
      }
    }
    return new RuleFacts(asked == null ? Duration.ZERO : asked, asks, rationales);
  }

  private RuleFacts factsFor(PlaybookRule rule) {
    RuleFacts known = facts.get(rule);
    return known != null ? known : factsOf(rule);
  }

  /**
   * The id of the plan for a customer's loss: the same loss always gets the same id.
   *
   * @param customer the customer
   * @return the plan id
   */
  public static String planId(LostCustomer customer) {
    return customer.id() + "@" + customer.lostAt();
  }

  /**
   * Why a customer must not be contacted at all, if that is so.
   *
   * @param customer the customer
   * @return the reason, in words safe to log
   */
  public static Optional<String> whyNotContact(LostCustomer customer) {
    if (customer.suppression().isPresent()) {
      return Optional.of("the customer is suppressed (" + customer.suppression().get() + ")");
    }
    for (ExitCategory category : IRREVERSIBLE) {
      if (customer.leftBecauseOf(category)) {
        return Optional.of(
            category == ExitCategory.DECEASED
                ? "the customer is deceased"
                : "the customer's reason forbids contact (" + category + ")");
      }
    }
    if (!customer.consentsToAnyChannel()) {
      return Optional.of("the customer has consented to no channel");
    }
    return Optional.empty();
  }

  /**
   * The customer as the rules see them: a reason that restricts contact (one the playbook's contact rules cap) is
   * their primary reason wherever it stands among their reasons, so that whatever else we learn, a plan chosen for a
   * restricting reason stays one: such a reason can only restrict.
   *
   * @param customer the customer
   * @return the customer, or a copy with their first restricting reason moved to the front
   */
  LostCustomer restrictingFirst(LostCustomer customer) {
    if (restrictingBits == 0
        || (restrictingBits & 1 << customer.primaryCategory().ordinal()) != 0) {
      return customer;
    }
    List<ExitReason> reasons = customer.exitReasons();
    for (int i = 1; i < reasons.size(); i++) {
      if ((restrictingBits & 1 << reasons.get(i).category().ordinal()) != 0) {
        List<ExitReason> reordered = new ArrayList<>(reasons);
        reordered.add(0, reordered.remove(i));
        return LostCustomer.builder().from(customer).exitReasons(reordered).build();
      }
    }
    return customer;
  }

  /**
   * The first rule of the playbook that matches a customer, judged with a reason that restricts contact (one the
   * playbook's contact rules cap, such as too many messages) as their primary reason wherever it stands.
   *
   * @param customer the customer
   * @return the rule (the playbook's last rule matches everyone)
   */
  public PlaybookRule ruleFor(LostCustomer customer) {
    ValueTier tier = rulesUseTiers ? playbook.valueTiers().tierOf(customer) : ValueTier.UNKNOWN;
    LostCustomer deciding = restrictingFirst(customer);
    for (PlaybookRule rule : rules) {
      if (rule.when().matches(deciding, tier)) {
        return rule;
      }
    }
    throw new IllegalStateException(
        "playbook '" + playbook.name() + "' has no rule for every customer");
  }

  /**
   * Chooses the plan for a customer, starting now.
   *
   * @param customer the customer
   * @param now the start of the plan
   * @return the plan, version 0; already ended as {@link PlanStatus#SUPPRESSED} when the customer must not be
   *     contacted
   */
  public WinBackPlan plan(LostCustomer customer, Instant now) {
    Optional<String> blocked = whyNotContact(customer);
    if (blocked.isPresent()) {
      return WinBackPlan.builder()
          .id(planId(customer))
          .customer(customer)
          .playbook(playbook.name())
          .startedAt(now)
          .rule(DO_NOT_CONTACT_RULE)
          .rationale("No contact at all: " + blocked.get() + ".")
          .status(PlanStatus.SUPPRESSED)
          .endedAt(now)
          .build();
    }
    return plan(customer, now, ruleFor(customer));
  }

  /**
   * The plan a rule makes for a customer, starting now; for callers that chose the rule themselves.
   *
   * @param customer the customer, who may be contacted
   * @param now the start of the plan
   * @param rule the rule
   * @return the plan, version 0
   */
  public WinBackPlan plan(LostCustomer customer, Instant now, PlaybookRule rule) {
    ValueTier tier = playbook.valueTiers().tierOf(customer);
    Optional<Instant> answered = customer.answeredAt();
    List<PlanStep> steps = steps(rule, customer, tier, now, now, answered, List.of(), 0);
    WinBackPlan.Builder plan = WinBackPlan.builder()
        .id(planId(customer))
        .customer(customer)
        .playbook(playbook.name())
        .startedAt(now)
        .rule(rule.name())
        .rationale(java.util.Objects.requireNonNull(factsFor(rule).rationales().get(tier)))
        .feedbackReceivedAt(answered)
        .addAllSteps(steps);
    if (steps.isEmpty()) {
      plan.status(PlanStatus.UNRESPONSIVE).endedAt(now);
    }
    return plan.build();
  }

  /**
   * The rationale recorded for a rule's plan.
   *
   * @param rule the rule
   * @param tier the customer's value tier
   * @return the rationale
   */
  public static String rationale(PlaybookRule rule, ValueTier tier) {
    return rule.rationale() + ". Chosen by rule '" + rule.name() + "' because "
        + rule.when().describe() + "; value tier " + tier + ".";
  }

  /**
   * Turns a rule's templates into dated steps for what we know of the customer. Once they told us why they left, no
   * step asks again and the thank-you for their feedback counts from their answer; until then, a thank-you for
   * feedback (a {@link StepKind#THANK_YOU} anchored to {@link StepAnchor#FEEDBACK}) becomes what the playbook's
   * {@link Playbook#withoutFeedback()} says: one gentle reminder of the question (a
   * {@link StepKind#FEEDBACK_REQUEST} anchored to the feedback, in a rule that asks), or nothing.
   *
   * @param rule the rule
   * @param customer the customer
   * @param tier the customer's value tier
   * @param start the plan's start
   * @param notBefore the earliest due time for a new step
   * @param feedbackAt when the customer told us why they left, if they have
   * @param handled steps already done, running or due that must not be planned again (by kind; a question by kind
   *     and anchor, so that an ask does not stand for its reminder)
   * @param firstIndex the index of the first new step
   * @return the steps, ordered by due time, indexed from {@code firstIndex}
   */
  public List<PlanStep> steps(
      PlaybookRule rule,
      LostCustomer customer,
      ValueTier tier,
      Instant start,
      Instant notBefore,
      Optional<Instant> feedbackAt,
      Collection<PlanStep> handled,
      int firstIndex) {
    RuleFacts ruleFacts = factsFor(rule);
    Instant feedbackAnchor = feedbackAt.orElseGet(() -> start.plus(ruleFacts.feedbackAskedAfter()));
    Optional<LocalDate> contractEnds =
        customer.newArrangement().flatMap(NewArrangement::contractEnds);
    List<PlanStep.Builder> planned = new ArrayList<>(rule.steps().size());
    List<Instant> dues = new ArrayList<>(rule.steps().size());
    boolean reminded = false;
    for (StepTemplate template : rule.steps()) {
      StepKind kind = template.kind();
      boolean reminder = false;
      if (kind == StepKind.FEEDBACK_REQUEST && feedbackAt.isPresent()) {
        continue; // ask only what we do not know
      }
      if (kind == StepKind.THANK_YOU
          && template.anchor() == StepAnchor.FEEDBACK
          && feedbackAt.isEmpty()) {
        if (!ruleFacts.asks()
            || reminded
            || playbook.withoutFeedback() != WithoutFeedback.ONE_REMINDER) {
          continue; // thank only those who answered
        }
        kind = StepKind.FEEDBACK_REQUEST;
        reminder = true;
        reminded = true;
      }
      if (handledAlready(handled, kind, template.anchor())
          || template.minimumTier().isPresent()
              && !tier.isAtLeast(template.minimumTier().get())) {
        continue;
      }
      Optional<Instant> due = dueAt(
          template, start, feedbackAnchor, contractEnds, customer.timeZone().orElse(defaultZone));
      Optional<Channel> channel = StepChannels.channelFor(template, customer);
      if (due.isEmpty() || channel.isEmpty()) {
        continue;
      }
      Instant at = due.get().isBefore(notBefore) ? notBefore : due.get();
      PlanStep.Builder step = PlanStep.builder()
          .kind(kind)
          .channel(channel.get())
          .dueAt(at)
          .anchor(template.anchor())
          .offset(template.offset());
      if (!reminder) {
        step.message(template.message());
        if (template.offer().isPresent()) {
          OfferFit.Fitted fitted = OfferFit.fit(
              template.offer().get().makeFor(at, customer), customer, playbook.offerSizing());
          if (fitted.offer().isPresent()) {
            step.offer(fitted.offer().get());
          } else { // kept in the plan as skipped, so that the journal says why no offer was made
            step.status(StepStatus.SKIPPED).completedAt(notBefore).outcome(fitted.detail());
          }
        }
      }
      insertByDue(planned, dues, step, at);
    }
    List<PlanStep> steps = new ArrayList<>(planned.size());
    for (int i = 0; i < planned.size(); i++) {
      steps.add(planned.get(i).index(firstIndex + i).build());
    }
    return steps;
  }

  /** Whether a step of a kind was handled: any of the kind, or for a question, one with the same anchor. */
  private static boolean handledAlready(
      Collection<PlanStep> handled, StepKind kind, StepAnchor anchor) {
    for (PlanStep step : handled) {
      if (step.kind() == kind && (kind != StepKind.FEEDBACK_REQUEST || step.anchor() == anchor)) {
        return true;
      }
    }
    return false;
  }

  private static void insertByDue(
      List<PlanStep.Builder> planned, List<Instant> dues, PlanStep.Builder step, Instant at) {
    int position = planned.size();
    while (position > 0 && dues.get(position - 1).isAfter(at)) {
      position--;
    }
    planned.add(position, step);
    dues.add(position, at);
  }

  private static Optional<Instant> dueAt(
      StepTemplate template,
      Instant start,
      Instant feedbackAnchor,
      Optional<LocalDate> contractEnds,
      ZoneId zone) {
    return switch (template.anchor()) {
      case PLAN_START -> Optional.of(start.plus(template.offset()));
      case FEEDBACK -> Optional.of(feedbackAnchor.plus(template.offset()));
      case CONTRACT_END ->
        contractEnds.isPresent()
            ? Optional.of(contractEnds
                .get()
                .atTime(CONTRACT_END_TIME)
                .atZone(zone)
                .toInstant()
                .plus(template.offset()))
            : template.fallbackOffset().map(start::plus);
    };
  }
}
