package dev.winback.model;

/** The moment a step's timing counts from. */
public enum StepAnchor {
  /** When the plan started. */
  PLAN_START,
  /** When the customer's feedback arrived (until then: when we asked for it). */
  FEEDBACK,
  /** The end date of the customer's new contract, when known. */
  CONTRACT_END
}
