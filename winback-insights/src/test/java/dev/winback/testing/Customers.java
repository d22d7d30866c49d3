package dev.winback.testing;

import dev.winback.model.Channel;
import dev.winback.model.ChurnSignal;
import dev.winback.model.Consent;
import dev.winback.model.ContactPoint;
import dev.winback.model.CustomerValue;
import dev.winback.model.ExitCategory;
import dev.winback.model.ExitReason;
import dev.winback.model.LostCustomer;
import dev.winback.model.ReasonSource;
import java.time.Instant;

/** Lost customers for tests, stating only what matters. */
public final class Customers {
  /** The moment every test customer is lost, unless a test says otherwise. */
  public static final Instant LOST_AT = Instant.parse("2026-03-02T09:00:00Z");

  private Customers() {}

  /**
   * A customer who cancelled, with e-mail consent and nothing else known.
   *
   * @param id the customer id
   * @return a builder to add what the test needs
   */
  public static LostCustomer.Builder lost(String id) {
    return LostCustomer.builder()
        .id(id)
        .displayName("Customer " + id)
        .addContactPoint(ContactPoint.of(Channel.EMAIL, id + "@example.com", Consent.GRANTED))
        .lostAt(LOST_AT)
        .customerSince(LOST_AT.minusSeconds(86_400L * 400))
        .churnSignal(ChurnSignal.SUBSCRIPTION_CANCELLED);
  }

  /**
   * A customer who left for a reason they gave in the cancellation survey.
   *
   * @param id the customer id
   * @param category the reason
   * @return a builder to add what the test needs
   */
  public static LostCustomer.Builder leftBecauseOf(String id, ExitCategory category) {
    return lost(id).addExitReason(ExitReason.of(category, ReasonSource.SURVEY, LOST_AT));
  }

  /**
   * A value for a customer, in euros.
   *
   * @param monthly the monthly revenue
   * @return the value
   */
  public static CustomerValue worth(String monthly) {
    return CustomerValue.of(monthly, "0", "EUR");
  }
}
