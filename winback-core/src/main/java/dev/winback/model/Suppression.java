package dev.winback.model;

/** Why a customer must not be contacted at all, whatever their consents say. */
public enum Suppression {
  /** They asked never to be contacted again. */
  DO_NOT_CONTACT,
  /** The customer died. */
  DECEASED,
  /** A legal matter forbids contact. */
  LEGAL_HOLD,
  /** Their personal data was erased on request. */
  ERASED
}
