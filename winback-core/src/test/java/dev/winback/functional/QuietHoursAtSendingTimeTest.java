package dev.winback.functional;

import static dev.winback.testing.Customers.lost;
import static org.assertj.core.api.Assertions.assertThat;

import dev.winback.ManualClock;
import dev.winback.WinBack;
import dev.winback.model.Channel;
import dev.winback.model.Consent;
import dev.winback.model.ContactPoint;
import dev.winback.model.StepStatus;
import dev.winback.model.WinBackPlan;
import dev.winback.spi.StepResult;
import dev.winback.testing.Recorder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * Quiet hours are judged by the clock at the moment each text goes out, not when the batch began: a batch that runs
 * past 21:00 local time sends nothing after 21:00 and moves the rest to the next morning.
 */
class QuietHoursAtSendingTimeTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final LocalTime NINE_PM = LocalTime.of(21, 0);
  private static final int CUSTOMERS = 60;

  private static List<String> startTextOnlyCustomers(WinBack winBack) {
    List<String> ids = new java.util.ArrayList<>();
    for (int i = 0; i < CUSTOMERS; i++) {
      String id = "t" + i;
      winBack.start(lost(id)
          .timeZone(BERLIN)
          .contactPoints(
              List.of(ContactPoint.of(Channel.SMS, "+49 170 00000" + (10 + i), Consent.GRANTED)))
          .build());
      ids.add(id);
    }
    return ids;
  }

  private static Instant ninePmBerlinOn(LocalDate day) {
    return ZonedDateTime.of(day, NINE_PM, BERLIN).toInstant();
  }

  @Test
  void aBatchRunningPastNinePmSendsNoTextAfterNineOnAManualClock() {
    ManualClock clock = ManualClock.at(dev.winback.testing.Customers.LOST_AT);
    List<Instant> sentAt = new CopyOnWriteArrayList<>();
    Recorder host = new Recorder().answering(context -> {
      sentAt.add(clock.instant());
      clock.advance(Duration.ofMillis(100)); // each text takes the host 100 ms
      return StepResult.sent();
    });
    WinBack winBack = WinBack.builder()
        .clock(clock)
        .feedback(host)
        .apology(host)
        .incentives(host)
        .reEngagement(host)
        .build();
    List<String> ids = startTextOnlyCustomers(winBack);
    LocalDate day = LocalDate.of(2026, 3, 3);
    clock.set(ninePmBerlinOn(day).minusSeconds(3)); // 20:59:57: time for 30 texts of 60

    winBack.runDue();

    assertThat(sentAt).hasSize(30).allSatisfy(at -> assertThat(at).isBefore(ninePmBerlinOn(day)));
    Instant nextMorning =
        ZonedDateTime.of(day.plusDays(1), LocalTime.of(8, 0), BERLIN).toInstant();
    long waiting = ids.stream()
        .map(id -> winBack.plan(id).orElseThrow())
        .filter(plan -> plan.step(0).status() == StepStatus.PENDING)
        .peek(plan -> assertThat(plan.step(0).dueAt()).isEqualTo(nextMorning))
        .count();
    assertThat(waiting).isEqualTo(30);
  }

  @Test
  void aBatchRunningPastNinePmSendsNoTextAfterNineOnARealClock() {
    LocalDate day = LocalDate.now(BERLIN).plusDays(1);
    Instant nine = ninePmBerlinOn(day);
    // a real clock, shifted so that the batch starts 1.5 s before 21:00 in Berlin
    Clock clock =
        Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), nine.minusMillis(1_500)));
    List<Instant> checkedAt = new CopyOnWriteArrayList<>();
    List<Instant> startedAt = new CopyOnWriteArrayList<>();
    Recorder host = new Recorder().answering(context -> {
      startedAt.add(clock.instant());
      checkedAt.add(context.now());
      LockSupport.parkNanos(Duration.ofMillis(100).toNanos()); // a slow SMS gateway, in real time
      return StepResult.sent();
    });
    WinBack winBack = WinBack.builder()
        .clock(clock)
        .feedback(host)
        .apology(host)
        .incentives(host)
        .reEngagement(host)
        .build();
    startTextOnlyCustomers(winBack);

    winBack.runDue();

    assertThat(startedAt).isNotEmpty().hasSizeLessThan(CUSTOMERS);
    assertThat(checkedAt).allSatisfy(at -> assertThat(at).isBefore(nine));
    // between the last check and the host's first instruction lie microseconds, not a whole text
    assertThat(startedAt).allSatisfy(at -> assertThat(at).isBefore(nine.plusMillis(20)));
    List<WinBackPlan> waiting = winBack.history("t0").isEmpty()
        ? List.of()
        : java.util.stream.IntStream.range(0, CUSTOMERS)
            .mapToObj(i -> winBack.plan("t" + i).orElseThrow())
            .filter(plan -> plan.step(0).status() == StepStatus.PENDING)
            .toList();
    assertThat(waiting)
        .hasSize(CUSTOMERS - startedAt.size())
        .allSatisfy(plan -> assertThat(plan.step(0).dueAt())
            .isEqualTo(
                ZonedDateTime.of(day.plusDays(1), LocalTime.of(8, 0), BERLIN).toInstant()));
  }
}
