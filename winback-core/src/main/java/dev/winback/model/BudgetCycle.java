package dev.winback.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.math.BigDecimal;
import java.time.Month;
import java.util.Optional;
import org.immutables.value.Value;

/** When a business customer plans its spending, and how much it has, so a second-chance ask can be timed to it. */
@Value.Immutable
@JsonSerialize(as = ImmutableBudgetCycle.class)
@JsonDeserialize(as = ImmutableBudgetCycle.class)
public abstract class BudgetCycle {

  /** Only the generated implementation extends this type: build values with {@link #builder()}. */
  BudgetCycle() {}

  /**
   * The first month of their budget year.
   *
   * @return the month
   */
  public abstract Month budgetYearStarts();

  /**
   * Their yearly budget for what we sell, in the customer's value currency, if known.
   *
   * @return the budget, not negative
   */
  public abstract Optional<BigDecimal> annualBudget();

  /**
   * Starts building a budget cycle.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link BudgetCycle}; not thread-safe. */
  public static final class Builder extends ImmutableBudgetCycle.Builder {}

  @Value.Check
  void check() {
    Checks.of("BudgetCycle")
        .money(annualBudget(), "annualBudget")
        .require(
            annualBudget().map(b -> b.signum() >= 0).orElse(true),
            "annualBudget",
            "must not be negative")
        .throwIfAny();
  }
}
