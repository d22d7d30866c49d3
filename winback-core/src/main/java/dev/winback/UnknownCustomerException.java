package dev.winback;

/**
 * An operation named a customer for whom WinBack holds no plan. Start a plan with {@link WinBack#start} first,
 * or check the customer id.
 */
public final class UnknownCustomerException extends WinBackException {
  private static final long serialVersionUID = 1L;

  /** The customer id that was not found. */
  private final String customerId;

  /**
   * Creates the exception.
   *
   * @param customerId the id that was not found
   */
  public UnknownCustomerException(String customerId) {
    super("No win-back plan for customer '" + customerId
        + "': start one with WinBack.start(customer) first");
    this.customerId = customerId;
  }

  /**
   * The customer id that was not found.
   *
   * @return the id
   */
  public String customerId() {
    return customerId;
  }
}
