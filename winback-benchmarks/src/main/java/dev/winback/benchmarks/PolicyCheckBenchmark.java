package dev.winback.benchmarks;

import dev.winback.internal.ContactResolver;
import dev.winback.model.Channel;
import dev.winback.model.ChurnSignal;
import dev.winback.model.Consent;
import dev.winback.model.ContactPoint;
import dev.winback.model.ContactRules;
import dev.winback.model.ExitCategory;
import dev.winback.model.ExitReason;
import dev.winback.model.LostCustomer;
import dev.winback.model.ReasonSource;
import dev.winback.model.StepKind;
import dev.winback.spi.ContactPolicy;
import dev.winback.spi.ContactRecord;
import dev.winback.spi.ContactRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of the contact-policy check WinBack makes right before each step: the standard policy (suppression,
 * consent, reason caps, frequency caps, quiet hours) for a customer with 50 past contacts, as one full resolution.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PolicyCheckBenchmark {

  @Param("50")
  int pastContacts;

  private ContactRequest allowed;
  private ContactRequest reasonCapped;
  private final ContactPolicy policy = ContactPolicy.standard();

  @Setup
  public void setUp() {
    Instant now = Instant.parse("2026-06-15T10:00:00Z");
    List<ContactRecord> history = new ArrayList<>();
    for (int i = pastContacts; i > 0; i--) {
      history.add(new ContactRecord(
          now.minus(Duration.ofDays(12L * i)), Channel.EMAIL, StepKind.RE_ENGAGEMENT, "p"));
    }
    LostCustomer customer = LostCustomer.builder()
        .id("c1")
        .displayName("C")
        .addContactPoint(ContactPoint.of(Channel.EMAIL, "c1@example.com", Consent.GRANTED))
        .addContactPoint(ContactPoint.of(Channel.PHONE, "+49 30 1234567", Consent.GRANTED))
        .timeZone(ZoneId.of("Europe/Berlin"))
        .lostAt(now.minus(Duration.ofDays(700)))
        .churnSignal(ChurnSignal.SUBSCRIPTION_CANCELLED)
        .addExitReason(
            ExitReason.of(ExitCategory.PRICE, ReasonSource.SURVEY, now.minus(Duration.ofDays(700))))
        .build();
    LostCustomer tooMany = LostCustomer.builder()
        .from(customer)
        .addExitReason(ExitReason.of(ExitCategory.TOO_MANY_MESSAGES, ReasonSource.SURVEY, now))
        .build();
    allowed = new ContactRequest(
        customer,
        "p",
        StepKind.THANK_YOU,
        Channel.EMAIL,
        now,
        List.copyOf(history),
        Optional.empty(),
        ContactRules.defaults());
    reasonCapped = new ContactRequest(
        tooMany,
        "p",
        StepKind.THANK_YOU,
        Channel.PHONE,
        now.minus(Duration.ofDays(13)),
        List.copyOf(history),
        Optional.empty(),
        ContactRules.defaults());
  }

  /** One policy evaluation that allows the contact (every rule is checked). */
  @Benchmark
  public Object checkAllowed() {
    return policy.evaluate(allowed);
  }

  /** A full resolution: rerouted to the preferred channel, then delayed by the reason cap, then allowed. */
  @Benchmark
  public Object resolveRerouteAndDelay() {
    return ContactResolver.resolve(policy, reasonCapped);
  }
}
