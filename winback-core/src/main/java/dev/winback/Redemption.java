package dev.winback;

import dev.winback.model.ExitTerms;
import dev.winback.model.Offer;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A customer who came back through their reactivation link: what the host needs to welcome them back.
 *
 * @param customerId the customer
 * @param planId the plan the link belonged to
 * @param offer the offer the link redeems, if any
 * @param restore the host's own attributes of the customer, kept for restoring their previous settings
 * @param exitTerms what they kept while away
 */
public record Redemption(
    String customerId,
    String planId,
    Optional<Offer> offer,
    Map<String, String> restore,
    ExitTerms exitTerms) {
  /**
   * Checks every part is present.
   *
   * @param customerId the customer
   * @param planId the plan
   * @param offer the offer, if any
   * @param restore the host's attributes
   * @param exitTerms the exit terms
   */
  public Redemption {
    Objects.requireNonNull(customerId, "customerId");
    Objects.requireNonNull(planId, "planId");
    Objects.requireNonNull(offer, "offer");
    restore = Map.copyOf(restore);
    Objects.requireNonNull(exitTerms, "exitTerms");
  }
}
