package dev.winback.model;

/** What a plan does when a step fails for good. */
public enum FailureAction {
  /** Record the failure and go on with the next steps. */
  CONTINUE,
  /** Stop the plan ({@link PlanStatus#HALTED}) and cancel its remaining steps. */
  HALT
}
