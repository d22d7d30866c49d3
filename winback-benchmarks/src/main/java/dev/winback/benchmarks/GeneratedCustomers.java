package dev.winback.benchmarks;

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
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.SplittableRandom;

/** Deterministic synthetic lost customers with varied reasons, values, channels and contract ends. */
final class GeneratedCustomers {
  static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
  private static final Currency USD = Currency.getInstance("USD");
  private static final ExitCategory[] CATEGORIES = ExitCategory.values();
  private static final ChurnSignal[] SIGNALS = ChurnSignal.values();

  private GeneratedCustomers() {}

  static LostCustomer[] generate(int count, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    LostCustomer[] customers = new LostCustomer[count];
    for (int i = 0; i < count; i++) {
      customers[i] = one(i, random);
    }
    return customers;
  }

  static LostCustomer one(int i, SplittableRandom random) {
    String id = "c" + i;
    LostCustomer.Builder customer = LostCustomer.builder()
        .id(id)
        .displayName("Customer " + i)
        .lostAt(START.minus(Duration.ofMinutes(random.nextInt(60 * 24 * 30))))
        .churnSignal(SIGNALS[random.nextInt(SIGNALS.length)])
        .addContactPoint(ContactPoint.of(
            Channel.EMAIL,
            id + "@example.com",
            random.nextInt(10) == 0 ? Consent.WITHDRAWN : Consent.GRANTED));
    if (random.nextInt(3) == 0) {
      customer
          .addContactPoint(ContactPoint.of(Channel.PHONE, "+1 555 0100", Consent.GRANTED))
          .preferredChannel(Channel.PHONE);
    }
    int reasons = random.nextInt(3);
    for (int r = 0; r < reasons; r++) {
      ExitCategory category = CATEGORIES[random.nextInt(CATEGORIES.length)];
      customer.addExitReason(
          ExitReason.of(category, ReasonSource.SURVEY, START.minus(Duration.ofDays(31))));
    }
    if (random.nextInt(4) != 0) {
      customer.value(CustomerValue.builder()
          .monthlyRevenue(BigDecimal.valueOf(random.nextInt(100_000), 2))
          .lifetimeRevenue(BigDecimal.valueOf(random.nextInt(2_000_000), 2))
          .currency(USD)
          .build());
    }
    if (random.nextInt(3) == 0) {
      customer.newArrangement(NewArrangement.builder()
          .contractEnds(LocalDate.of(2026, 3, 1).plusDays(random.nextInt(700)))
          .build());
    }
    if (random.nextInt(2) == 0) {
      customer.segment(random.nextBoolean() ? "smb" : "enterprise");
    }
    return customer.build();
  }
}
