package dev.winback.model;

/** What a customer has said about being contacted on one contact point. */
public enum Consent {
  /** They agreed to be contacted here. */
  GRANTED,
  /** They never said either way; WinBack treats this as no consent. */
  UNKNOWN,
  /** They refused from the start. */
  DENIED,
  /** They agreed once and took it back. */
  WITHDRAWN;

  /**
   * Tells whether this consent allows contact.
   *
   * @return true only for {@link #GRANTED}
   */
  public boolean allowsContact() {
    return this == GRANTED;
  }
}
