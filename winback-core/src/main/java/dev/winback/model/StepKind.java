package dev.winback.model;

/** What a plan step does for the customer. */
public enum StepKind {
  /** Ask why they left (survey, call or letter) and thank them for answering. */
  FEEDBACK_REQUEST,
  /** Say sorry and take responsibility, when the fault was ours. */
  APOLOGY,
  /** Offer an incentive to come back. */
  INCENTIVE_OFFER,
  /** Remind them of what they liked, show what changed. */
  RE_ENGAGEMENT,
  /** Check that the problem we fixed stays fixed for them (no hit-and-run). */
  FOLLOW_UP,
  /** A personal thank-you that shows their feedback was heard. */
  THANK_YOU,
  /** Ask for a second chance when their new contract comes up. */
  SECOND_CHANCE_ASK,
  /** Let them go gracefully: say what they keep and how to come back. */
  GRACEFUL_GOODBYE
}
