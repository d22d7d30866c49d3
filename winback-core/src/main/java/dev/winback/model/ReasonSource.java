package dev.winback.model;

/** Where an exit reason came from. */
public enum ReasonSource {
  /** A survey answer, e.g. the cancellation form. */
  SURVEY,
  /** A phone call. */
  CALL,
  /** A letter or an e-mail the customer wrote. */
  LETTER,
  /** A public review, post or complaint. */
  PUBLIC_REVIEW,
  /** Guessed from behaviour or data; the customer said nothing. */
  INFERRED
}
