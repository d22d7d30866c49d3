package dev.winback.model;

/** Where a plan step stands. */
public enum StepStatus {
  /** Waiting for its due time. */
  PENDING,
  /** Claimed by a runner and being carried out now. */
  RUNNING,
  /** Carried out: the host's strategy sent it. */
  DONE,
  /** Not carried out, on purpose (the strategy or a rule said so); the reason is recorded. */
  SKIPPED,
  /** Could not be carried out after every retry. */
  FAILED,
  /** Will never run because the plan ended first. */
  CANCELLED;

  /**
   * Tells whether the step is finished one way or another.
   *
   * @return true unless pending or running
   */
  public boolean isFinal() {
    return this != PENDING && this != RUNNING;
  }
}
