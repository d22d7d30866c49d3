package dev.winback;

import dev.winback.model.ExitTerms;
import dev.winback.model.LinkPurpose;
import dev.winback.model.Offer;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What a genuine, unused link stands for: what its page needs to show, nothing more. Opening a link changes
 * nothing; only answering it does.
 *
 * @param purpose what the link is for
 * @param customerId the customer it was sent to
 * @param planId the plan it belongs to
 * @param locale the language to show the page in (the customer's)
 * @param offer the offer it redeems, for a come-back link with one
 * @param exitTerms what the customer keeps while away
 * @param expiresAt when the link stops working
 */
public record LinkTarget(
    LinkPurpose purpose,
    String customerId,
    String planId,
    Locale locale,
    Optional<Offer> offer,
    ExitTerms exitTerms,
    Instant expiresAt) {
  /**
   * Checks every part is present.
   *
   * @param purpose the purpose
   * @param customerId the customer
   * @param planId the plan
   * @param locale the customer's language
   * @param offer the offer, if any
   * @param exitTerms the exit terms
   * @param expiresAt the expiry
   */
  public LinkTarget {
    Objects.requireNonNull(purpose, "purpose");
    Objects.requireNonNull(customerId, "customerId");
    Objects.requireNonNull(planId, "planId");
    Objects.requireNonNull(locale, "locale");
    Objects.requireNonNull(offer, "offer");
    Objects.requireNonNull(exitTerms, "exitTerms");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }
}
