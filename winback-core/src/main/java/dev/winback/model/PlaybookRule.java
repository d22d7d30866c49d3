package dev.winback.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import org.immutables.value.Value;

/** One rule of a playbook: a name, when it applies, why (for people), and the steps it plans. */
@Value.Immutable
@JsonSerialize(as = ImmutablePlaybookRule.class)
@JsonDeserialize(as = ImmutablePlaybookRule.class)
public abstract class PlaybookRule {

  /** Only the generated implementation extends this type: build values with {@link #builder()}. */
  PlaybookRule() {}

  /**
   * The rule's name, unique in its playbook.
   *
   * @return the name
   */
  public abstract String name();

  /**
   * When the rule applies; everyone unless set.
   *
   * @return the condition
   */
  @Value.Default
  public RuleCondition when() {
    return RuleCondition.everyone();
  }

  /**
   * Why this plan suits the customers it matches, in plain words; copied into each plan's rationale.
   *
   * @return the rationale
   */
  public abstract String rationale();

  /**
   * The steps the rule plans, in the order they should happen at equal times.
   *
   * @return the step templates
   */
  public abstract List<StepTemplate> steps();

  /**
   * Starts building a rule.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link PlaybookRule}; not thread-safe. */
  public static final class Builder extends ImmutablePlaybookRule.Builder {}

  @Value.Check
  void check() {
    Checks.of("PlaybookRule")
        .notBlank(name(), "name")
        .name(name(), "name")
        .notBlank(rationale(), "rationale")
        .text(rationale(), Limits.MAX_DESCRIPTION_LENGTH, "rationale")
        .require(!steps().isEmpty(), "steps", "must not be empty")
        .items(steps().size(), "steps")
        .throwIfAny();
  }
}
