package dev.winback.examples;

import dev.winback.model.Channel;
import dev.winback.model.ChurnSignal;
import dev.winback.model.Consent;
import dev.winback.model.ContactPoint;
import dev.winback.model.ContactPurpose;
import dev.winback.model.CustomerValue;
import dev.winback.model.ExitCategory;
import dev.winback.model.ExitReason;
import dev.winback.model.LostCustomer;
import dev.winback.model.NewArrangement;
import dev.winback.model.ReasonSource;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The demo's lost customers: who they are, why they left, what they are worth and how to reach them. */
final class DemoCustomers {
  private DemoCustomers() {}

  static List<LostCustomer> all() {
    ExitCategory[] reasons = {
      ExitCategory.UNKNOWN,
      ExitCategory.PRICE,
      ExitCategory.SERVICE_FAILURE,
      ExitCategory.COMPETITOR_OFFER,
      ExitCategory.TOO_MANY_MESSAGES,
      ExitCategory.NO_LONGER_NEEDED,
      ExitCategory.STAFF_ATTITUDE,
      ExitCategory.UNKNOWN,
      ExitCategory.BUDGET_CUT,
      ExitCategory.PRODUCT_QUALITY,
      ExitCategory.FELT_UNAPPRECIATED,
      ExitCategory.MOVED,
    };
    ChurnSignal[] signals = {
      ChurnSignal.SUBSCRIPTION_CANCELLED, ChurnSignal.PURCHASES_STOPPED,
          ChurnSignal.CONTRACT_NOT_RENEWED,
      ChurnSignal.ACCOUNT_DELETED, ChurnSignal.DONATIONS_STOPPED, ChurnSignal.DOWNGRADED,
    };
    String[] monthly = {"0", "9.90", "29.00", "79.00", "149.00", "640.00", "1200.00"};
    String[] zones = {
      "Europe/Berlin", "America/New_York", "Asia/Tokyo", "Europe/London", "Australia/Sydney"
    };
    List<LostCustomer> customers = new ArrayList<>();
    for (int n = 1; n <= 36; n++) {
      String id = String.format(Locale.ROOT, "c%02d", n);
      ExitCategory reason = n == 17 ? ExitCategory.DECEASED : reasons[n % reasons.length];
      LostCustomer.Builder customer = LostCustomer.builder()
          .id(id)
          .displayName("Customer " + id)
          .lostAt(WinBackDemo.START.minus(Duration.ofDays(n % 4)))
          .customerSince(WinBackDemo.START.minus(Duration.ofDays(200 + 37L * n)))
          .churnSignal(signals[n % signals.length])
          .timeZone(ZoneId.of(zones[n % zones.length]))
          .segment(n % 4 == 0 ? "enterprise" : "smb");
      customer.addContactPoint(ContactPoint.of(
          Channel.EMAIL, id + "@example.com", n % 9 == 0 ? Consent.WITHDRAWN : Consent.GRANTED));
      if (n % 3 == 0) {
        customer.addContactPoint(
            ContactPoint.of(Channel.PHONE, "+1 555 01" + (10 + n), Consent.GRANTED));
        customer.preferredChannel(Channel.PHONE);
      }
      if (n % 5 == 0) {
        customer.addContactPoint(
            ContactPoint.of(Channel.POST, n + " Example Street", Consent.GRANTED));
        customer.preferredChannel(Channel.POST);
      }
      if (n % 8 == 2) {
        // happy to answer questions, not to receive offers by e-mail; letters are fine
        customer.contactPoints(List.of(
            ContactPoint.builder()
                .channel(Channel.EMAIL)
                .address(id + "@example.com")
                .consent(Consent.GRANTED)
                .putPurposeConsent(ContactPurpose.MARKETING, Consent.DENIED)
                .build(),
            ContactPoint.of(Channel.POST, n + " Example Street", Consent.GRANTED)));
        customer.preferredChannel(Channel.EMAIL);
      }
      if (n == 21) {
        customer.contactPoints(List.of(ContactPoint.builder()
            .channel(Channel.EMAIL)
            .address(id + "@example.com")
            .consent(Consent.GRANTED)
            .putPurposeConsent(ContactPurpose.MARKETING, Consent.WITHDRAWN)
            .build()));
      }
      if (n == 29) {
        customer.contactPoints(
            List.of(ContactPoint.of(Channel.EMAIL, id + "@example.com", Consent.DENIED)));
      }
      if (reason != ExitCategory.UNKNOWN) {
        customer.addExitReason(ExitReason.of(
            reason, ReasonSource.SURVEY, WinBackDemo.START.minus(Duration.ofDays(n % 4))));
      }
      String value = monthly[n % monthly.length];
      if (!value.equals("0")) {
        String lifetime = new java.math.BigDecimal(value)
            .multiply(java.math.BigDecimal.valueOf(24))
            .toPlainString();
        customer.value(CustomerValue.of(value, lifetime, "USD"));
      }
      if (reason == ExitCategory.COMPETITOR_OFFER || n % 7 == 3) {
        customer.newArrangement(NewArrangement.builder()
            .competitor("Rival Inc.")
            .contractEnds(LocalDate.of(2026, 3, 1).plusDays(11L * n))
            .build());
      }
      customers.add(customer.build());
    }
    return customers;
  }
}
