package dev.winback.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * When a playbook rule applies: every part that is set must match (an empty set matches anything). A condition with
 * nothing set matches every customer.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableRuleCondition.class)
@JsonDeserialize(as = ImmutableRuleCondition.class)
public abstract class RuleCondition {

  /** Only the generated implementation extends this type: build values with {@link #builder()}. */
  RuleCondition() {}

  /**
   * The primary exit categories the rule is for.
   *
   * @return the categories, empty for any
   */
  public abstract Set<ExitCategory> exitCategories();

  /**
   * The churn signals the rule is for.
   *
   * @return the signals, empty for any
   */
  public abstract Set<ChurnSignal> churnSignals();

  /**
   * The value tiers the rule is for.
   *
   * @return the tiers, empty for any
   */
  public abstract Set<ValueTier> valueTiers();

  /**
   * The customer segments the rule is for.
   *
   * @return the segments, empty for any
   */
  public abstract Set<String> segments();

  /**
   * Whether the rule is only for customers we wronged ({@code true}) or only for the others ({@code false}).
   *
   * @return the required fault, empty for either
   */
  public abstract Optional<Boolean> faultWasOurs();

  /**
   * Tells whether a customer meets the condition.
   *
   * @param customer the customer
   * @param tier the customer's value tier under the playbook's thresholds
   * @return true when every part that is set matches
   */
  public boolean matches(LostCustomer customer, ValueTier tier) {
    return (exitCategoryBits() == 0
            || (exitCategoryBits() & 1 << customer.primaryCategory().ordinal()) != 0)
        && (churnSignalBits() == 0
            || (churnSignalBits() & 1 << customer.churnSignal().ordinal()) != 0)
        && (valueTierBits() == 0 || (valueTierBits() & 1 << tier.ordinal()) != 0)
        && (segments().isEmpty()
            || customer.segment().isPresent()
                && segments().contains(customer.segment().get()))
        && (faultWasOurs().isEmpty() || faultWasOurs().get() == customer.faultWasOurs());
  }

  /** The exit categories as bits by ordinal, so matching a customer allocates nothing. */
  @Value.Derived
  @Value.Auxiliary
  @JsonIgnore
  int exitCategoryBits() {
    return bits(exitCategories());
  }

  /** The churn signals as bits by ordinal. */
  @Value.Derived
  @Value.Auxiliary
  @JsonIgnore
  int churnSignalBits() {
    return bits(churnSignals());
  }

  /** The value tiers as bits by ordinal. */
  @Value.Derived
  @Value.Auxiliary
  @JsonIgnore
  int valueTierBits() {
    return bits(valueTiers());
  }

  private static int bits(Set<? extends Enum<?>> values) {
    int bits = 0;
    for (Enum<?> value : values) {
      bits |= 1 << value.ordinal();
    }
    return bits;
  }

  /**
   * Tells whether the condition matches every customer.
   *
   * @return true when nothing is set
   */
  public boolean matchesEveryone() {
    return exitCategories().isEmpty()
        && churnSignals().isEmpty()
        && valueTiers().isEmpty()
        && segments().isEmpty()
        && faultWasOurs().isEmpty();
  }

  /**
   * Describes the condition in words, for a plan's rationale.
   *
   * @return e.g. {@code exit category in [PRICE], value tier in [HIGH]}
   */
  public String describe() {
    List<String> parts = new ArrayList<>();
    if (!exitCategories().isEmpty()) {
      parts.add("exit category in " + exitCategories());
    }
    if (!churnSignals().isEmpty()) {
      parts.add("churn signal in " + churnSignals());
    }
    if (!valueTiers().isEmpty()) {
      parts.add("value tier in " + valueTiers());
    }
    if (!segments().isEmpty()) {
      parts.add("segment in " + segments());
    }
    faultWasOurs()
        .ifPresent(ours -> parts.add(ours ? "the fault was ours" : "the fault was not ours"));
    return parts.isEmpty() ? "every customer" : String.join(", ", parts);
  }

  /**
   * A condition that matches every customer.
   *
   * @return the condition
   */
  public static RuleCondition everyone() {
    return builder().build();
  }

  /**
   * A condition on the primary exit category.
   *
   * @param categories the categories
   * @return the condition
   */
  public static RuleCondition exitCategoryIn(ExitCategory... categories) {
    return builder().addExitCategories(categories).build();
  }

  /**
   * A condition that the fault was ours.
   *
   * @return the condition
   */
  public static RuleCondition ourFault() {
    return builder().faultWasOurs(true).build();
  }

  /**
   * Starts building a condition.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link RuleCondition}; not thread-safe. */
  public static final class Builder extends ImmutableRuleCondition.Builder {}

  @Value.Check
  void check() {
    Checks.of("RuleCondition").names(segments(), "segments").throwIfAny();
  }
}
