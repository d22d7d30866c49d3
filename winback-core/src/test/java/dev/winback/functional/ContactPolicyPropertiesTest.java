package dev.winback.functional;

import static org.assertj.core.api.Assertions.assertThat;

import dev.winback.ManualClock;
import dev.winback.WinBack;
import dev.winback.model.Channel;
import dev.winback.model.ChurnSignal;
import dev.winback.model.Consent;
import dev.winback.model.ContactPoint;
import dev.winback.model.ContactPurpose;
import dev.winback.model.ContactRules;
import dev.winback.model.CustomerValue;
import dev.winback.model.ExitCategory;
import dev.winback.model.ExitReason;
import dev.winback.model.FrequencyCap;
import dev.winback.model.LostCustomer;
import dev.winback.model.NewArrangement;
import dev.winback.model.Playbook;
import dev.winback.model.ReasonSource;
import dev.winback.model.Suppression;
import dev.winback.spi.StepContext;
import dev.winback.testing.Recorder;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Over random customers, consents, time zones (several with daylight-saving changes inside the run), opt-outs and
 * suppressions arriving at random times, and a runner called at irregular moments: nothing is sent after an opt-out
 * or a suppression, no cap is exceeded, no call or text falls in quiet hours, and every contact has consent.
 */
class ContactPolicyPropertiesTest {
  private static final Instant START =
      Instant.parse("2026-02-20T00:00:00Z"); // DST changes fall in the run
  private static final List<ZoneId> ZONES = List.of(
      ZoneId.of("Europe/Berlin"),
      ZoneId.of("America/New_York"),
      ZoneId.of("Australia/Sydney"),
      ZoneId.of("Pacific/Auckland"),
      ZoneId.of("Asia/Kolkata"),
      ZoneId.of("America/Los_Angeles"),
      ZoneId.of("UTC"));

  /** One random customer and what happens to them during the run. */
  record Spec(
      List<ContactPoint> points,
      Optional<Channel> preferred,
      List<ExitCategory> reasons,
      ZoneId zone,
      int startHour,
      Optional<Integer> optOutHour,
      Optional<Integer> suppressHour,
      boolean valuable,
      boolean contractKnown) {}

  @Provide
  Arbitrary<Spec> specs() {
    Arbitrary<Consent> consent =
        Arbitraries.of(Consent.GRANTED, Consent.GRANTED, Consent.UNKNOWN, Consent.WITHDRAWN);
    Arbitrary<ContactPoint> point = Combinators.combine(
            Arbitraries.of(Channel.values()), consent, consent.optional())
        .as((channel, general, marketing) -> ContactPoint.builder()
            .channel(channel)
            .address(
                channel == Channel.EMAIL
                    ? "x@example.com"
                    : channel == Channel.POST ? "1 Road" : "+1 555 0100")
            .consent(general)
            .purposeConsents(
                marketing.map(m -> Map.of(ContactPurpose.MARKETING, m)).orElse(Map.of()))
            .build());
    Arbitrary<Integer> hour = Arbitraries.integers().between(0, 150 * 24);
    return Combinators.combine(
            point.list().ofMinSize(1).ofMaxSize(4),
            Arbitraries.of(Channel.values()).optional(),
            Arbitraries.of(ExitCategory.values())
                .filter(c -> !c.irreversible())
                .list()
                .ofMaxSize(2),
            Arbitraries.of(ZONES),
            Arbitraries.integers().between(0, 20 * 24),
            hour.optional(0.4),
            hour.optional(0.1),
            Arbitraries.of(true, false))
        .as((points, preferred, reasons, zone, start, optOut, suppress, valuable) -> new Spec(
            points, preferred, reasons, zone, start, optOut, suppress, valuable, start % 2 == 0));
  }

  @Provide
  Arbitrary<FrequencyCap> caps() {
    return Combinators.combine(
            Arbitraries.integers().between(1, 3), Arbitraries.integers().between(1, 20))
        .as((max, days) -> FrequencyCap.of(max, Duration.ofDays(days)));
  }

  private static LostCustomer customer(int n, Spec spec) {
    Instant lost = START.plus(Duration.ofHours(spec.startHour()));
    LostCustomer.Builder customer = LostCustomer.builder()
        .id("p" + n)
        .displayName("P")
        .contactPoints(spec.points())
        .preferredChannel(spec.preferred())
        .timeZone(spec.zone())
        .lostAt(lost)
        .churnSignal(ChurnSignal.SUBSCRIPTION_CANCELLED);
    for (ExitCategory reason : spec.reasons()) {
      customer.addExitReason(ExitReason.of(reason, ReasonSource.SURVEY, lost));
    }
    if (spec.valuable()) {
      customer.value(CustomerValue.of("300", "9000", "EUR"));
    }
    if (spec.contractKnown()) {
      customer.newArrangement(
          NewArrangement.builder().contractEnds(LocalDate.of(2026, 5, 1)).build());
    }
    return customer.build();
  }

  @Property(tries = 120)
  void noContactBreaksTheContactRules(
      @ForAll @Size(min = 1, max = 8) List<@From("specs") Spec> specs,
      @ForAll("caps") FrequencyCap cap,
      @ForAll long seed) {
    ManualClock clock = ManualClock.at(START);
    Recorder host = new Recorder();
    Playbook playbook = Playbook.builder()
        .from(Playbook.standard())
        .contactRules(ContactRules.builder()
            .addCap(cap)
            .addCap(FrequencyCap.of(6, Duration.ofDays(30)))
            .build())
        .build();
    WinBack winBack = WinBack.builder()
        .clock(clock)
        .playbook(playbook)
        .feedback(host)
        .apology(host)
        .incentives(host)
        .reEngagement(host)
        .build();
    Map<String, Instant> stoppedAt = new HashMap<>();
    List<LostCustomer> customers = new ArrayList<>();
    for (int i = 0; i < specs.size(); i++) {
      customers.add(customer(i, specs.get(i)));
    }
    SplittableRandom random = new SplittableRandom(seed);
    Instant end = START.plus(Duration.ofDays(170));
    while (clock.instant().isBefore(end)) {
      Instant now = clock.instant();
      for (int i = 0; i < specs.size(); i++) {
        Spec spec = specs.get(i);
        LostCustomer customer = customers.get(i);
        if (!customer.lostAt().isAfter(now) && winBack.plan(customer.id()).isEmpty()) {
          winBack.start(customer);
        }
        if (winBack.plan(customer.id()).isPresent() && !stoppedAt.containsKey(customer.id())) {
          if (spec.optOutHour()
              .map(h -> !START.plus(Duration.ofHours(h)).isAfter(now))
              .orElse(false)) {
            winBack.optOut(customer.id());
            stoppedAt.put(customer.id(), now);
          } else if (spec.suppressHour()
              .map(h -> !START.plus(Duration.ofHours(h)).isAfter(now))
              .orElse(false)) {
            winBack.suppress(customer.id(), Suppression.DO_NOT_CONTACT);
            stoppedAt.put(customer.id(), now);
          }
        }
      }
      winBack.runDue();
      clock.advance(Duration.ofMinutes(20 + random.nextInt(12 * 60)));
    }

    ContactRules rules = winBack.playbook().contactRules();
    Map<String, List<Instant>> contacts = new HashMap<>();
    for (StepContext call : host.calls()) {
      String id = call.customer().id();
      Instant stopped = stoppedAt.get(id);
      assertThat(stopped == null || call.now().isBefore(stopped))
          .as(
              "%s contacted at %s after opting out or being suppressed at %s",
              id, call.now(), stopped)
          .isTrue();
      rules.allowedHours(call.step().channel()).ifPresent(window -> {
        LocalTime local =
            call.now().atZone(call.customer().timeZone().orElseThrow()).toLocalTime();
        assertThat(window.contains(local))
            .as(
                "%s by %s at %s local time in %s",
                call.step().kind(),
                call.step().channel(),
                local,
                call.customer().timeZone())
            .isTrue();
      });
      assertThat(call.customer()
              .consentsTo(call.step().channel(), ContactPurpose.of(call.step().kind())))
          .as("%s has consent for %s on %s", id, call.step().kind(), call.step().channel())
          .isTrue();
      contacts.computeIfAbsent(id, k -> new ArrayList<>()).add(call.now());
    }
    for (LostCustomer customer : customers) {
      List<Instant> times = contacts.getOrDefault(customer.id(), List.of());
      for (FrequencyCap each : rules.caps()) {
        assertWithinCap(customer.id(), times, each);
      }
      rules.reasonCaps().stream()
          .filter(rc -> customer.leftBecauseOf(rc.reason()))
          .forEach(rc -> assertWithinCap(customer.id(), times, rc.cap()));
    }
  }

  private static void assertWithinCap(String id, List<Instant> times, FrequencyCap cap) {
    for (int i = 0; i < times.size(); i++) {
      int inWindow = 0;
      for (int j = 0; j <= i; j++) {
        if (times.get(j).isAfter(times.get(i).minus(cap.window()))) {
          inWindow++;
        }
      }
      assertThat(inWindow)
          .as("%s: contacts in the %s before %s", id, cap.window(), times.get(i))
          .isLessThanOrEqualTo(cap.maxContacts());
    }
  }
}
