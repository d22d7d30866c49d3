package dev.winback.spi;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of consuming a reactivation grant: exactly one caller ever gets {@link Status#CONSUMED}.
 *
 * @param status what happened
 * @param grant the grant, when this call consumed it; from {@link PlanStore#findGrant}, whenever it is stored
 */
public record GrantConsumption(Status status, Optional<ReactivationGrant> grant) {

  /** What happened to the grant. */
  public enum Status {
    /** This call consumed it. */
    CONSUMED,
    /** It had been consumed before. */
    ALREADY_USED,
    /** No such grant is stored. */
    UNKNOWN,
    /** Stored and not consumed yet: only {@link PlanStore#findGrant} answers this. */
    UNUSED
  }

  /**
   * Checks every part is present.
   *
   * @param status what happened
   * @param grant the grant, if consumed
   */
  public GrantConsumption {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(grant, "grant");
  }
}
