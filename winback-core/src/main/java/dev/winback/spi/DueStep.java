package dev.winback.spi;

import java.time.Instant;
import java.util.Objects;

/**
 * A step that is due to run, as a {@link PlanStore} reports it.
 *
 * @param planId the plan
 * @param stepIndex the step's index in the plan
 * @param dueAt when it became due
 * @param recovering true when the step was claimed by a runner whose lease expired (the node died): the step is
 *     still marked running and must run again, with the same idempotency key
 */
public record DueStep(String planId, int stepIndex, Instant dueAt, boolean recovering) {
  /**
   * Checks every part is present.
   *
   * @param planId the plan
   * @param stepIndex the step's index
   * @param dueAt when it became due
   * @param recovering whether it is being recovered from a dead runner
   */
  public DueStep {
    Objects.requireNonNull(planId, "planId");
    Objects.requireNonNull(dueAt, "dueAt");
  }

  /**
   * A step that is simply due.
   *
   * @param planId the plan
   * @param stepIndex the step's index
   * @param dueAt when it became due
   */
  public DueStep(String planId, int stepIndex, Instant dueAt) {
    this(planId, stepIndex, dueAt, false);
  }
}
