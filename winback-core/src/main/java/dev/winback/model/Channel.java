package dev.winback.model;

/** A way to reach a customer. Each channel needs its own contact point and its own consent. */
public enum Channel {
  /** An e-mail message. */
  EMAIL,
  /** A phone call, by a person or a team. */
  PHONE,
  /** A text message to a mobile phone. */
  SMS,
  /** A letter or card sent to a postal address. */
  POST;

  /**
   * Tells whether the channel interrupts the customer in real time, so quiet hours matter most.
   *
   * @return true for calls and text messages
   */
  public boolean isIntrusive() {
    return this == PHONE || this == SMS;
  }
}
