package dev.winback.model;

/**
 * What a plan does in place of the thank-you for feedback when the customer never answered: a thank-you for
 * feedback (a {@link StepKind#THANK_YOU} step anchored to {@link StepAnchor#FEEDBACK}) is sent only to customers who
 * told us why they left.
 */
public enum WithoutFeedback {
  /**
   * One gentle reminder of the question, at the time the thank-you would have gone: a
   * {@link StepKind#FEEDBACK_REQUEST} step anchored to {@link StepAnchor#FEEDBACK}, sent only by rules that asked
   * in the first place. The default.
   */
  ONE_REMINDER,
  /** Nothing: the thank-you is left out and the customer hears no more about the question. */
  NOTHING
}
