package dev.winback.model;

/** What happened, in a {@link JournalEvent}. */
public enum EventType {
  /** A plan was chosen and started. */
  PLAN_STARTED,
  /** The plan changed course, e.g. after feedback showed the fault was ours. */
  PLAN_REVISED,
  /** A step was carried out by the host's strategy. */
  STEP_DONE,
  /**
   * A step went out inside another step's message (a thank-you with the offer inside): done, but not a contact of
   * its own, so caps do not count it.
   */
  STEP_CARRIED,
  /** A step was skipped, with the reason. */
  STEP_SKIPPED,
  /** A step's strategy failed and the step will be retried. */
  STEP_RETRY_SCHEDULED,
  /** A step failed for good. */
  STEP_FAILED,
  /** A step claimed by a runner that stopped was handed to another runner, to run again. */
  STEP_RECOVERED,
  /** A step was cancelled because the plan ended. */
  STEP_CANCELLED,
  /** A step's due time moved. */
  STEP_RESCHEDULED,
  /** A contact rule moved a step to a later time (a cap, quiet hours); the detail names the rule. */
  STEP_DELAYED,
  /** A contact rule moved a step to another channel (consent, preferred channel); the detail names the rule. */
  STEP_REROUTED,
  /** The customer told us why they left. */
  FEEDBACK_RECORDED,
  /**
   * The customer's words suggest an irreversible category (deceased, legal hold, do not contact) that only a person
   * may confirm; the detail names the category. Nothing about contact changes until the host confirms it.
   */
  REASON_SUGGESTED,
  /** The customer answered. */
  RESPONSE_RECORDED,
  /** A consent changed; the detail says which, from what to what, and its source (proof of consent). */
  CONSENT_CHANGED,
  /** A reactivation token was issued for the customer. */
  TOKEN_ISSUED,
  /** A reactivation token was redeemed: the customer came back through their link. */
  TOKEN_REDEEMED,
  /** The customer's personal data was erased; what remains is anonymous. */
  DATA_ERASED,
  /** The plan ended; the detail says how. */
  PLAN_ENDED,
  /**
   * The plan was taken out of the due order because WinBack could not go on with it; the detail names the cause by
   * its type only (never personal data).
   */
  PLAN_QUARANTINED,
  /**
   * An operator acted on the plan from outside the customer's own actions (paused, resumed, ended it, retried a
   * step, opted the customer out or suppressed them); the detail names the operator and the action.
   */
  OPERATOR_ACTION,
  /**
   * An offer was sized to what the customer is worth, when planned or right before the send; the detail gives the
   * offer's worth, the cap and its basis.
   */
  OFFER_SIZED
}
