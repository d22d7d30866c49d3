package dev.winback.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.winback.InvalidPlaybookException;
import dev.winback.Problem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.immutables.value.Value;

/**
 * The rules that choose a win-back plan for each lost customer: the first rule whose condition matches decides.
 * Defined in Java with the builder, loaded from JSON with {@code PlanLint.load(json)} (which also lints it) or
 * {@code WinBackJson.read(json, Playbook.class)}, or taken ready-made from {@link #standard()}, which encodes what
 * works in winning customers back. The engine lints its playbook when it is built.
 *
 * <p>A playbook is checked when built: an invalid one fails at once with an {@link InvalidPlaybookException}
 * listing every problem, never later while plans run.
 */
@Value.Immutable
@JsonSerialize(as = ImmutablePlaybook.class)
@JsonDeserialize(as = ImmutablePlaybook.class)
public abstract class Playbook {

  /** Only the generated implementation extends this type: build values with {@link #builder()}. */
  Playbook() {}

  /**
   * The playbook's name, recorded in every plan it chooses.
   *
   * @return the name
   */
  public abstract String name();

  /**
   * The rules, in order: the first that matches a customer chooses the plan. The last must match everyone.
   *
   * @return the rules
   */
  public abstract List<PlaybookRule> rules();

  /**
   * The thresholds for value tiers.
   *
   * @return the tiers
   */
  @Value.Default
  public ValueTiers valueTiers() {
    return ValueTiers.defaults();
  }

  /**
   * The limits on contacting customers: caps, reason-aware caps and quiet hours.
   *
   * @return the contact rules, {@link ContactRules#defaults()} unless set
   */
  @Value.Default
  public ContactRules contactRules() {
    return ContactRules.defaults();
  }

  /**
   * How offers are sized to what each customer is worth: the cap as a share of their worth, the revenue horizon, the
   * smallest offer worth making.
   *
   * @return the sizing, {@link OfferSizing#defaults()} unless set
   */
  @Value.Default
  public OfferSizing offerSizing() {
    return OfferSizing.defaults();
  }

  /**
   * What customers keep after leaving, unless a customer has terms of their own.
   *
   * @return the exit terms, {@link ExitTerms#defaults()} unless set
   */
  @Value.Default
  public ExitTerms exitTerms() {
    return ExitTerms.defaults();
  }

  /**
   * How many times a step's strategy is tried before the step fails; 3 unless set.
   *
   * @return the maximum attempts, at least 1
   */
  @Value.Default
  public int maxAttempts() {
    return 3;
  }

  /**
   * The wait before the first retry; each further retry waits twice as long. One hour unless set.
   *
   * @return the initial backoff
   */
  @Value.Default
  public Duration retryBackoff() {
    return Duration.ofHours(1);
  }

  /**
   * What a plan does when one of its steps fails for good.
   *
   * @return the action, {@link FailureAction#CONTINUE} unless set
   */
  @Value.Default
  public FailureAction onStepFailure() {
    return FailureAction.CONTINUE;
  }

  /**
   * What happens in place of a thank-you for feedback when the customer has not answered by the time it is planned:
   * a thank-you for feedback goes only to those who told us why they left.
   *
   * @return {@link WithoutFeedback#ONE_REMINDER} unless set
   */
  @Value.Default
  public WithoutFeedback withoutFeedback() {
    return WithoutFeedback.ONE_REMINDER;
  }

  /**
   * The playbook that encodes what works, with a thank-you three weeks after the customer's feedback.
   *
   * @return the standard playbook
   */
  public static Playbook standard() {
    return StandardPlaybook.create(Duration.ofDays(21));
  }

  /**
   * The standard playbook with a different wait between the customer's feedback and the personal thank-you.
   *
   * @param thankYouAfterFeedback how long after the feedback to thank them, at least one day
   * @return the standard playbook
   * @throws InvalidPlaybookException when the wait is shorter than a day
   */
  public static Playbook standard(Duration thankYouAfterFeedback) {
    return StandardPlaybook.create(thankYouAfterFeedback);
  }

  /**
   * Starts building a playbook.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Playbook}; not thread-safe. */
  public static final class Builder extends ImmutablePlaybook.Builder {}

  @Value.Check
  void check() {
    List<Problem> problems = new ArrayList<>(Checks.of("Playbook")
        .notBlank(name(), "name")
        .name(name(), "name")
        .items(rules().size(), "rules")
        .require(
            !retryBackoff().isNegative() && !retryBackoff().isZero(),
            "retryBackoff",
            "must be positive")
        .problems());
    if (rules().isEmpty()) {
      problems.add(
          new Problem("rules", "must not be empty: add at least a rule that matches everyone"));
    }
    Set<String> names = new HashSet<>();
    String catchAll = null;
    for (int i = 0; i < rules().size(); i++) {
      PlaybookRule rule = rules().get(i);
      if (!names.add(rule.name())) {
        problems.add(new Problem(
            "rules[" + i + "].name", "duplicates an earlier rule's name '" + rule.name() + "'"));
      }
      if (catchAll != null) {
        problems.add(new Problem(
            "rules[" + i + "]",
            "can never match: rule '" + catchAll + "' before it matches every customer"));
      } else if (rule.when().matchesEveryone()) {
        catchAll = rule.name();
      }
    }
    if (!rules().isEmpty() && !rules().get(rules().size() - 1).when().matchesEveryone()) {
      problems.add(
          new Problem(
              "rules[" + (rules().size() - 1) + "].when",
              "the last rule must match every customer, so that no lost customer is left without a plan"));
    }
    if (maxAttempts() < 1) {
      problems.add(new Problem("maxAttempts", "must be at least 1"));
    }
    if (retryBackoff().compareTo(java.time.Duration.ofDays(30)) > 0) {
      problems.add(new Problem("retryBackoff", "must not be longer than 30 days"));
    }
    if (maxAttempts() > 20) {
      problems.add(new Problem("maxAttempts", "must be at most 20"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidPlaybookException(problems);
    }
  }
}
