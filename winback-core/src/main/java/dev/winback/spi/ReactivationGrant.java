package dev.winback.spi;

import dev.winback.model.Offer;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a reactivation token stands for, kept in the store (the token itself carries only a random id and its
 * expiry, so it reveals nothing about the customer).
 *
 * @param tokenId the token's random id
 * @param customerId the customer it brings back
 * @param planId the plan it belongs to
 * @param offer the offer it redeems, if any
 * @param issuedAt when it was issued
 * @param expiresAt when it stops being valid
 */
public record ReactivationGrant(
    String tokenId,
    String customerId,
    String planId,
    Optional<Offer> offer,
    Instant issuedAt,
    Instant expiresAt) {
  /**
   * Checks every part is present.
   *
   * @param tokenId the token's id
   * @param customerId the customer
   * @param planId the plan
   * @param offer the offer, if any
   * @param issuedAt when issued
   * @param expiresAt when it expires
   */
  public ReactivationGrant {
    Objects.requireNonNull(tokenId, "tokenId");
    Objects.requireNonNull(customerId, "customerId");
    Objects.requireNonNull(planId, "planId");
    Objects.requireNonNull(offer, "offer");
    Objects.requireNonNull(issuedAt, "issuedAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }
}
