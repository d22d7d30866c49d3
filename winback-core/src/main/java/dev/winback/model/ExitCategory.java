package dev.winback.model;

import java.util.Optional;

/**
 * Why a customer left, from a fixed taxonomy. Each category knows whether the fault is ours by default (an
 * {@link ExitReason} can say otherwise for one customer), and whether it is irreversible: {@link #DECEASED},
 * {@link #LEGAL_HOLD} and {@link #DO_NOT_CONTACT} stop all contact for good, so the engine takes them only from
 * the host, never from a classifier reading free text.
 */
public enum ExitCategory {
  /** Our price was too high for them. */
  PRICE(false),
  /** A competitor made them a better offer. */
  COMPETITOR_OFFER(false),
  /** We lacked a feature or product they needed. */
  MISSING_FEATURE(false),
  /** We changed the product in a way they did not want. */
  PRODUCT_CHANGE(true),
  /** The product did not work well enough. */
  PRODUCT_QUALITY(true),
  /** We failed to deliver the service: outages, delays, unresolved problems. */
  SERVICE_FAILURE(true),
  /** Someone of ours treated them badly. */
  STAFF_ATTITUDE(true),
  /** They felt unappreciated or we lost touch with them. */
  FELT_UNAPPRECIATED(true),
  /** We sent them too many messages. */
  TOO_MANY_MESSAGES(true),
  /** They no longer need what we sell. */
  NO_LONGER_NEEDED(false),
  /** They moved away from where we serve. */
  MOVED(false),
  /** Their budget was cut. */
  BUDGET_CUT(false),
  /** The customer died. Nobody may contact them about winning them back. */
  DECEASED(false),
  /** A legal matter (a dispute, a claim, a lawyer's letter) forbids contact. Nobody may contact them. */
  LEGAL_HOLD(false),
  /** They asked never to be contacted again. Nobody may contact them. */
  DO_NOT_CONTACT(false),
  /** We do not know yet. */
  UNKNOWN(false);

  private final boolean ourFaultByDefault;

  ExitCategory(boolean ourFaultByDefault) {
    this.ourFaultByDefault = ourFaultByDefault;
  }

  /**
   * Tells whether customers who leave for this reason left because of something we did.
   *
   * @return true when the fault is ours unless the reason says otherwise
   */
  public boolean ourFaultByDefault() {
    return ourFaultByDefault;
  }

  /**
   * Tells whether this category stops all contact for good ({@link #DECEASED}, {@link #LEGAL_HOLD},
   * {@link #DO_NOT_CONTACT}); such a category must come from the host, never from free text alone.
   *
   * @return true for the categories nobody may be contacted for
   */
  public boolean irreversible() {
    return suppression().isPresent();
  }

  /**
   * The suppression an irreversible category puts the customer under.
   *
   * @return the suppression, empty for a category that allows contact
   */
  public Optional<Suppression> suppression() {
    return switch (this) {
      case DECEASED -> Optional.of(Suppression.DECEASED);
      case LEGAL_HOLD -> Optional.of(Suppression.LEGAL_HOLD);
      case DO_NOT_CONTACT -> Optional.of(Suppression.DO_NOT_CONTACT);
      default -> Optional.empty();
    };
  }
}
