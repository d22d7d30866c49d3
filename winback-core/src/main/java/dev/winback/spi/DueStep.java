package dev.winback.spi;

import java.time.Instant;
import java.util.Objects;

/**
 * A step that is due to run, as a {@link PlanStore} reports it.
 *
 * @param planId the plan
 * @param stepIndex the step's index in the plan
 * @param dueAt when it became due
 */
public record DueStep(String planId, int stepIndex, Instant dueAt) {
  /** Checks every part is present. */
  public DueStep {
    Objects.requireNonNull(planId, "planId");
    Objects.requireNonNull(dueAt, "dueAt");
  }
}
