package dev.winback;

/**
 * A reactivation token that cannot be redeemed. The {@link Reason} says why without revealing anything about the
 * token's contents or the customer; show the customer a generic "this link is no longer valid" page and offer
 * another way back.
 */
public final class TokenRejectedException extends WinBackException {
  private static final long serialVersionUID = 1L;

  /** Why a token was rejected. */
  public enum Reason {
    /** Not a WinBack token at all (wrong shape, wrong encoding, too long): forged or mangled. */
    MALFORMED,
    /** Signed with a key this service does not hold, or one that was retired. */
    UNKNOWN_KEY,
    /** Well formed, but its signature does not match: tampered with, or forged without the key. */
    BAD_SIGNATURE,
    /** Genuine, but past its expiry. */
    EXPIRED,
    /** Genuine, but already redeemed once (a replay). */
    ALREADY_USED,
    /** Genuine, but nothing is stored for it any more (e.g. the customer's data was erased). */
    NOT_FOUND,
    /** Genuine, but issued for another purpose (a survey link used as a come-back link, say). */
    WRONG_PURPOSE
  }

  /** Why the token was rejected. */
  private final Reason reason;

  /**
   * Creates the exception.
   *
   * @param reason why the token was rejected
   */
  public TokenRejectedException(Reason reason) {
    super("Reactivation token rejected: " + reason);
    this.reason = reason;
  }

  /**
   * Why the token was rejected.
   *
   * @return the reason
   */
  public Reason reason() {
    return reason;
  }
}
