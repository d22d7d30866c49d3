package dev.winback.testkit;

import dev.winback.model.Channel;
import dev.winback.model.ChurnSignal;
import dev.winback.model.Consent;
import dev.winback.model.ContactPoint;
import dev.winback.model.CustomerValue;
import dev.winback.model.ExitCategory;
import dev.winback.model.ExitReason;
import dev.winback.model.LostCustomer;
import dev.winback.model.NewArrangement;
import dev.winback.model.ReasonSource;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Lost customers in common situations, so a test states only what matters. Each returns a builder: add or change
 * what the test is about, then {@code build()}. Every customer can be reached by e-mail (with consent), left at
 * {@link WinBackSimulation#DEFAULT_START} and was a customer for two years.
 */
public final class LostCustomers {
  private LostCustomers() {}

  /**
   * A customer who cancelled, reachable by e-mail, with nothing else known.
   *
   * @param id the customer id
   * @return a builder
   */
  public static LostCustomer.Builder lost(String id) {
    Instant lostAt = WinBackSimulation.DEFAULT_START;
    return LostCustomer.builder()
        .id(id)
        .displayName("Customer " + id)
        .addContactPoint(ContactPoint.of(Channel.EMAIL, safe(id) + "@example.com", Consent.GRANTED))
        .customerSince(lostAt.minusSeconds(2L * 365 * 86_400))
        .lostAt(lostAt)
        .churnSignal(ChurnSignal.SUBSCRIPTION_CANCELLED);
  }

  /**
   * A customer who left for a reason they told us in the cancellation survey.
   *
   * @param id the customer id
   * @param category why they left
   * @return a builder
   */
  public static LostCustomer.Builder leftBecauseOf(String id, ExitCategory category) {
    return lost(id)
        .addExitReason(
            ExitReason.of(category, ReasonSource.SURVEY, WinBackSimulation.DEFAULT_START));
  }

  /**
   * A price-sensitive customer of medium value (60 a month).
   *
   * @param id the customer id
   * @return a builder
   */
  public static LostCustomer.Builder priceSensitive(String id) {
    return leftBecauseOf(id, ExitCategory.PRICE).value(worth("60.00"));
  }

  /**
   * A customer we let down: they left after a service failure.
   *
   * @param id the customer id
   * @return a builder
   */
  public static LostCustomer.Builder ourFault(String id) {
    return leftBecauseOf(id, ExitCategory.SERVICE_FAILURE).value(worth("60.00"));
  }

  /**
   * A customer who left because we sent too many e-mails; e-mail is their preferred channel.
   *
   * @param id the customer id
   * @return a builder
   */
  public static LostCustomer.Builder leftOverTooManyEmails(String id) {
    return leftBecauseOf(id, ExitCategory.TOO_MANY_MESSAGES)
        .preferredChannel(Channel.EMAIL)
        .value(worth("30.00"));
  }

  /**
   * A high-value customer (900 a month) who went to a competitor whose contract ends on a date.
   *
   * @param id the customer id
   * @param contractEnds when their new contract ends
   * @return a builder
   */
  public static LostCustomer.Builder highValueWithCompetitorContractEnding(
      String id, LocalDate contractEnds) {
    return leftBecauseOf(id, ExitCategory.COMPETITOR_OFFER)
        .value(CustomerValue.of("900.00", "21600.00", "EUR"))
        .segment("enterprise")
        .newArrangement(NewArrangement.builder()
            .competitor("Rival")
            .contractEnds(contractEnds)
            .build());
  }

  /**
   * A customer who died; nobody may contact them about winning them back.
   *
   * @param id the customer id
   * @return a builder
   */
  public static LostCustomer.Builder deceased(String id) {
    return leftBecauseOf(id, ExitCategory.DECEASED).churnSignal(ChurnSignal.ACCOUNT_DELETED);
  }

  /**
   * A value in euros with the given monthly revenue and two years of it as lifetime revenue.
   *
   * @param monthly the monthly revenue, e.g. {@code "60.00"}
   * @return the value
   */
  public static CustomerValue worth(String monthly) {
    java.math.BigDecimal perMonth = new java.math.BigDecimal(monthly);
    return CustomerValue.of(
        monthly, perMonth.multiply(java.math.BigDecimal.valueOf(24)).toPlainString(), "EUR");
  }

  private static String safe(String id) {
    String local = id.replaceAll("[^A-Za-z0-9._-]", "");
    return local.isEmpty() ? "customer" : local;
  }
}
