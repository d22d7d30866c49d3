package dev.winback;

import dev.winback.internal.ContactPlanning;
import dev.winback.internal.Planner;
import dev.winback.model.ContactRules;
import dev.winback.model.FrequencyCap;
import dev.winback.model.LostCustomer;
import dev.winback.model.NewArrangement;
import dev.winback.model.PlanStatus;
import dev.winback.model.PlanStep;
import dev.winback.model.Playbook;
import dev.winback.model.PlaybookRule;
import dev.winback.model.ReasonCap;
import dev.winback.model.StepKind;
import dev.winback.model.StepStatus;
import dev.winback.model.WinBackPlan;
import dev.winback.spi.ContactPolicy;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Checks plans and playbooks against what the articles WinBack comes from say works: ask why before offering an
 * incentive, apologise first when the fault was ours, follow up after putting things right (no hit-and-run), never
 * contact after an opt-out, keep to the caps, let customers leave gracefully with a way back, never blame them, and
 * time the second-chance ask to their contract end.
 *
 * <p>A playbook is checked through the plans it makes for a range of typical customers (every exit category, value
 * tier and contract-end case), so a rule is judged by what it does for the customers who actually reach it.
 * Stateless and thread-safe; all methods are static.
 */
public final class PlanLint {
  private static final Instant SAMPLE_START = Instant.parse("2026-01-05T12:00:00Z");
  private static final String NO_WAY_BACK = "no-way-back";

  private PlanLint() {}

  /** How bad a finding is. */
  public enum Severity {
    /** The plan or playbook breaks a rule; a playbook with such a finding cannot be loaded. */
    ERROR,
    /** Worth a look; the playbook still loads. */
    WARNING
  }

  /**
   * One thing the linter found.
   *
   * @param severity how bad it is
   * @param rule the rule's short name, e.g. {@code no-apology}
   * @param where the rule or step concerned, e.g. {@code rules[1] 'price' for a customer who left over PRICE}
   * @param explanation what is wrong and why it matters, in plain words
   */
  public record Finding(Severity severity, String rule, String where, String explanation) {
    /**
     * Checks every part is present.
     *
     * @param severity how bad it is
     * @param rule the rule's short name
     * @param where the rule or step concerned
     * @param explanation what is wrong
     */
    public Finding {
      Objects.requireNonNull(severity, "severity");
      Objects.requireNonNull(rule, "rule");
      Objects.requireNonNull(where, "where");
      Objects.requireNonNull(explanation, "explanation");
    }

    @Override
    public String toString() {
      return severity + " " + rule + " at " + where + ": " + explanation;
    }
  }

  /**
   * A playbook loaded from JSON with the warnings the linter found.
   *
   * @param playbook the playbook
   * @param warnings the warning-level findings
   */
  public record LintedPlaybook(Playbook playbook, List<Finding> warnings) {}

  /**
   * Loads a playbook from JSON and lints it.
   *
   * @param json the playbook as JSON
   * @return the playbook and its warnings
   * @throws InvalidPlaybookException when the JSON is invalid or the linter finds an error
   */
  public static LintedPlaybook load(String json) {
    Playbook playbook;
    try {
      playbook = WinBackJson.read(json, Playbook.class);
    } catch (InvalidPlaybookException e) {
      throw e;
    } catch (InvalidInputException e) {
      throw new InvalidPlaybookException(e.problems());
    }
    return new LintedPlaybook(playbook, requireNoErrors(playbook));
  }

  /**
   * Lints a playbook and fails on errors.
   *
   * @param playbook the playbook
   * @return the warnings
   * @throws InvalidPlaybookException naming every error-level finding
   */
  public static List<Finding> requireNoErrors(Playbook playbook) {
    return requireNoErrors(playbook, false);
  }

  /**
   * Lints a playbook for an engine and fails on errors.
   *
   * @param playbook the playbook
   * @param comeBackLinks whether the engine gives every goodbye a come-back link (it has reactivation tokens), so
   *     that no goodbye lacks a way back
   * @return the warnings
   * @throws InvalidPlaybookException naming every error-level finding
   */
  static List<Finding> requireNoErrors(Playbook playbook, boolean comeBackLinks) {
    List<Finding> findings = check(playbook);
    if (comeBackLinks) {
      findings = findings.stream().filter(f -> !f.rule().equals(NO_WAY_BACK)).toList();
    }
    List<Problem> errors = new ArrayList<>();
    List<Finding> warnings = new ArrayList<>();
    for (Finding finding : findings) {
      if (finding.severity() == Severity.ERROR) {
        errors.add(new Problem(finding.where(), finding.rule() + ": " + finding.explanation()));
      } else {
        warnings.add(finding);
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidPlaybookException(errors);
    }
    return List.copyOf(warnings);
  }

  /**
   * Lints a playbook: its templates' wording, and the plans it makes for typical customers.
   *
   * @param playbook the playbook
   * @return every finding, each once per rule
   */
  public static List<Finding> check(Playbook playbook) {
    Map<String, Finding> findings = new LinkedHashMap<>();
    for (int i = 0; i < playbook.rules().size(); i++) {
      PlaybookRule rule = playbook.rules().get(i);
      String where = "rules[" + i + "] '" + rule.name() + "'";
      for (int j = 0; j < rule.steps().size(); j++) {
        for (Finding finding : LintWording.of(rule.steps().get(j), where + ".steps[" + j + "]")) {
          findings.putIfAbsent(finding.where() + finding.rule(), finding);
        }
      }
    }
    Planner planner = new Planner(playbook);
    for (LostCustomer customer : LintSamples.of(playbook, SAMPLE_START)) {
      if (Planner.whyNotContact(customer).isPresent()) {
        continue;
      }
      PlaybookRule rule = planner.ruleFor(customer);
      WinBackPlan plan = ContactPlanning.apply(
              planner.plan(customer, SAMPLE_START, rule),
              ContactPolicy.standard(),
              playbook.contactRules(),
              List.of(),
              Optional.empty(),
              SAMPLE_START)
          .plan();
      String where = "rules[" + playbook.rules().indexOf(rule) + "] '" + rule.name() + "'";
      for (Finding finding :
          checkSteps(plan, playbook.contactRules(), where, LintSamples.describe(customer))) {
        findings.putIfAbsent(where + finding.rule(), finding);
      }
      if (playbook.exitTerms().comeBackLink().isEmpty()
          && plan.steps().stream()
              .anyMatch(
                  s -> s.kind() == StepKind.GRACEFUL_GOODBYE && s.status() != StepStatus.SKIPPED)) {
        findings.putIfAbsent(
            where + NO_WAY_BACK,
            new Finding(
                Severity.WARNING,
                NO_WAY_BACK,
                where,
                "the goodbye carries no way back; configure reactivationTokens(...) on the engine so that every "
                    + "goodbye and second-chance ask gets a fresh come-back link, or set the playbook's "
                    + "exitTerms.comeBackLink"));
      }
    }
    return List.copyOf(findings.values());
  }

  /**
   * Lints a plan under the default contact rules.
   *
   * @param plan the plan
   * @return every finding
   */
  public static List<Finding> check(WinBackPlan plan) {
    return check(plan, ContactRules.defaults());
  }

  /**
   * Lints a plan under a playbook's contact rules.
   *
   * @param plan the plan
   * @param rules the contact rules the plan must keep
   * @return every finding
   */
  public static List<Finding> check(WinBackPlan plan, ContactRules rules) {
    List<Finding> findings = new ArrayList<>();
    for (PlanStep step : plan.steps()) {
      findings.addAll(LintWording.of(step, "steps[" + step.index() + "]"));
    }
    findings.addAll(checkSteps(plan, rules, "plan " + plan.id(), ""));
    return findings;
  }

  private static List<Finding> checkSteps(
      WinBackPlan plan, ContactRules rules, String where, String forWhom) {
    List<Finding> findings = new ArrayList<>();
    LostCustomer customer = plan.customer();
    List<PlanStep> contacts = new ArrayList<>();
    for (PlanStep step : plan.steps()) {
      if (step.status() != StepStatus.SKIPPED
          && step.status() != StepStatus.CANCELLED
          && step.status() != StepStatus.FAILED) {
        contacts.add(step);
      }
    }
    if (contacts.isEmpty()) {
      return findings;
    }
    boolean toldUs =
        plan.feedbackReceivedAt().isPresent() || customer.answeredAt().isPresent();
    int firstAsk = indexOf(contacts, StepKind.FEEDBACK_REQUEST);
    int firstIncentive = -1;
    for (int i = 0; i < contacts.size(); i++) {
      if (contacts.get(i).kind() == StepKind.INCENTIVE_OFFER) {
        firstIncentive = i;
        break;
      }
    }
    if (firstIncentive >= 0 && !toldUs && (firstAsk < 0 || firstAsk > firstIncentive)) {
      findings.add(
          new Finding(
              Severity.ERROR,
              "incentive-before-asking",
              where + forWhom,
              "an incentive is offered before asking why they left; ask first, then thank them and offer"));
    }
    if (customer.faultWasOurs() && contacts.get(0).kind() != StepKind.APOLOGY) {
      findings.add(new Finding(
          Severity.ERROR,
          "no-apology",
          where + forWhom,
          indexOf(contacts, StepKind.APOLOGY) < 0
              ? "the fault was ours but nobody says sorry; apologise first and take responsibility"
              : "the fault was ours but the apology is not the first contact; apologise first"));
    }
    int apology = indexOf(contacts, StepKind.APOLOGY);
    if (apology >= 0
        && contacts.subList(apology + 1, contacts.size()).stream()
            .noneMatch(s -> s.kind() == StepKind.FOLLOW_UP)) {
      findings.add(new Finding(
          Severity.WARNING,
          "hit-and-run",
          where + forWhom,
          "an apology with no follow-up after it; check that the problem stays fixed"));
    }
    if (plan.status() == PlanStatus.OPTED_OUT && plan.endedAt().isPresent()) {
      for (PlanStep step : contacts) {
        if (step.status() == StepStatus.DONE
            && step.completedAt().orElseThrow().isAfter(plan.endedAt().get())) {
          findings.add(new Finding(
              Severity.ERROR,
              "contact-after-opt-out",
              where + " steps[" + step.index() + "]",
              "a step was sent after the customer opted out"));
        }
      }
    }
    if (plan.status().isActive()
        && !customer.consentsToAnyChannel()
        && contacts.stream().anyMatch(s -> s.status() == StepStatus.PENDING)) {
      findings.add(new Finding(
          Severity.ERROR,
          "contact-after-opt-out",
          where + forWhom,
          "steps are still planned for a customer who consents to no contact"));
    }
    findings.addAll(caps(contacts, customer, rules, where + forWhom));
    if (indexOf(contacts, StepKind.GRACEFUL_GOODBYE) < 0) {
      findings.add(new Finding(
          Severity.WARNING,
          "no-goodbye",
          where + forWhom,
          "no graceful goodbye; tell them what they keep and how to come back"));
    }
    Optional<LocalDate> contractEnds =
        customer.newArrangement().flatMap(NewArrangement::contractEnds);
    if (contractEnds.isPresent()) {
      Instant end = contractEnds
          .get()
          .atStartOfDay(customer.timeZone().orElse(ZoneOffset.UTC))
          .toInstant()
          .plus(Duration.ofDays(1));
      for (PlanStep step : contacts) {
        Instant at = step.completedAt().orElse(step.dueAt());
        if (step.kind() == StepKind.SECOND_CHANCE_ASK
            && (at.isAfter(end) || at.isBefore(end.minus(Duration.ofDays(91))))) {
          findings.add(new Finding(
              Severity.WARNING,
              "second-chance-off-contract",
              where + forWhom,
              "the second-chance ask is not timed to the customer's known contract end ("
                  + contractEnds.get() + "); ask in the three months before it"));
        }
      }
    }
    return findings;
  }

  private static List<Finding> caps(
      List<PlanStep> contacts, LostCustomer customer, ContactRules rules, String where) {
    List<Finding> findings = new ArrayList<>();
    List<FrequencyCap> caps = new ArrayList<>(rules.caps());
    for (ReasonCap reasonCap : rules.reasonCaps()) {
      if (customer.leftBecauseOf(reasonCap.reason())) {
        caps.add(reasonCap.cap());
      }
    }
    List<Instant> times = new ArrayList<>(contacts.size());
    Optional<PlanStep> lead = Optional.empty();
    for (PlanStep step : contacts) {
      Instant at = step.completedAt().orElse(step.dueAt());
      boolean rides = lead.isPresent()
          && !rules.combineWithin().isZero()
          && step.channel() == lead.get().channel()
          && !at.isAfter(
              lead.get().completedAt().orElse(lead.get().dueAt()).plus(rules.combineWithin()));
      if (!rides) { // a step riding in the lead's message is no contact of its own
        lead = Optional.of(step);
        times.add(at);
      }
    }
    times.sort(null);
    for (FrequencyCap cap : caps) {
      for (int i = 0; i < times.size(); i++) {
        int inWindow = 0;
        for (int j = 0; j <= i; j++) {
          if (times.get(j).isAfter(times.get(i).minus(cap.window()))) {
            inWindow++;
          }
        }
        if (inWindow > cap.maxContacts()) {
          findings.add(new Finding(
              Severity.ERROR,
              "cap-exceeded",
              where,
              inWindow + " contacts within " + cap.window().toDays() + " days, more than the "
                  + cap.maxContacts() + " the contact rules allow"));
          break;
        }
      }
    }
    return findings;
  }

  private static int indexOf(List<PlanStep> steps, StepKind kind) {
    for (int i = 0; i < steps.size(); i++) {
      if (steps.get(i).kind() == kind) {
        return i;
      }
    }
    return -1;
  }
}
