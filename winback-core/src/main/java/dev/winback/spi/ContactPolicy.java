package dev.winback.spi;

/**
 * Decides whether, when and on which channel WinBack may contact a customer. Evaluated when a plan is made and
 * again right before each step runs, so a consent withdrawn or a contact made in between is always seen.
 *
 * <p>Policies compose with {@link #and(ContactPolicy)}: the first decision other than allow wins. WinBack always
 * applies {@link #standard()} first (suppression, consent per channel and purpose, reason-aware caps, frequency caps,
 * quiet hours); a host's own policies registered on the builder run after it and can only restrict further.
 * Implementations must be thread-safe and free of side effects.
 */
@FunctionalInterface
public interface ContactPolicy {

  /**
   * Judges one contact.
   *
   * @param request the contact, with the customer's history and the playbook's contact rules
   * @return the decision
   */
  ContactDecision evaluate(ContactRequest request);

  /**
   * This policy, then another for contacts this one allows.
   *
   * @param next the policy to consult when this one allows
   * @return the composed policy
   */
  default ContactPolicy and(ContactPolicy next) {
    return request -> {
      ContactDecision decision = evaluate(request);
      return decision instanceof ContactDecision.Allow ? next.evaluate(request) : decision;
    };
  }

  /**
   * The rules WinBack always applies, in order: global suppression (do-not-contact, deceased, legal hold, erased),
   * consent per channel and purpose with fallback to the next consented channel the customer prefers, reason-aware
   * caps (e.g. once a month on the preferred channel for customers who left over too many messages), frequency caps
   * and quiet hours in the customer's time zone. The limits come from the playbook's
   * {@link dev.winback.model.ContactRules}.
   *
   * @return the standard policy
   */
  static ContactPolicy standard() {
    return StandardContactPolicy.INSTANCE;
  }
}
