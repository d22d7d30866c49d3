package dev.winback.insight;

import static dev.winback.testing.Customers.LOST_AT;
import static dev.winback.testing.Customers.leftBecauseOf;
import static dev.winback.testing.Customers.worth;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.winback.ManualClock;
import dev.winback.WinBack;
import dev.winback.model.ExitCategory;
import dev.winback.model.ValueTiers;
import dev.winback.model.WinBackPlan;
import dev.winback.spi.PlanStore;
import dev.winback.testing.Recorder;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Period;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutcomesTest {
  private final ManualClock clock = ManualClock.at(LOST_AT);
  private final PlanStore store = PlanStore.inMemory();
  private final Recorder host = new Recorder();
  private final WinBack winBack = WinBack.builder()
      .clock(clock)
      .store(store)
      .feedback(host)
      .apology(host)
      .incentives(host)
      .reEngagement(host)
      .build();

  private Outcomes outcomes() {
    return Outcomes.of(StoredPlans.in(store), ValueTiers.defaults(), Period.ofMonths(12));
  }

  @Test
  void ratesFunnelTimeAndMoneyMatchAHandCount() {
    // 4 price customers worth 120/month (an incentive is sent at day 21), 2 won back at day 25;
    // 2 service-failure customers, 1 won back at day 5
    for (int i = 0; i < 4; i++) {
      winBack.start(
          leftBecauseOf("p" + i, ExitCategory.PRICE).value(worth("120")).build());
    }
    for (int i = 0; i < 2; i++) {
      winBack.start(leftBecauseOf("s" + i, ExitCategory.SERVICE_FAILURE).build());
    }
    for (int day = 0; day <= 25; day++) {
      winBack.runDue();
      if (day == 5) {
        winBack.markWonBack("s0");
      }
      if (day == 25) {
        winBack.markWonBack("p0");
        winBack.markWonBack("p1");
      }
      clock.advance(Duration.ofDays(1));
    }

    Outcomes outcomes = outcomes();

    // all six told us why they left in the cancellation survey: each counts as having answered
    assertThat(outcomes.funnel()).isEqualTo(new Outcomes.Funnel(6, 6, 6, 3));
    Rate price = outcomes.rate(Outcomes.Dimension.EXIT_CATEGORY, "PRICE").orElseThrow();
    assertThat(price.successes()).isEqualTo(2);
    assertThat(price.trials()).isEqualTo(4);
    // hand calculation: Wilson 2/4 = 0.5 +- 1.96 * sqrt(0.0625 + 0.0600) / 1.9604 = 0.1500 to
    // 0.8500
    assertThat(price.interval().lower()).isCloseTo(0.1500, within(5e-4));
    assertThat(price.interval().upper()).isCloseTo(0.8500, within(5e-4));
    assertThat(outcomes.rate(Outcomes.Dimension.RULE, "our-fault").orElseThrow().rate())
        .isEqualTo(0.5);
    assertThat(outcomes
            .rate(Outcomes.Dimension.INCENTIVE, "PERCENT_OFF")
            .orElseThrow()
            .trials())
        .isEqualTo(4);
    assertThat(outcomes.rate(Outcomes.Dimension.INCENTIVE, "none").orElseThrow().trials())
        .isEqualTo(2);
    // days to come back: 5, 25, 25 -> median 25, mean 18.33, p90 25
    assertThat(outcomes.timeToWinBack().medianDays()).isEqualTo(25.0);
    assertThat(outcomes.timeToWinBack().meanDays()).isCloseTo(18.333, within(1e-3));
    // recovered: 2 x 120 x 12 = 2880 EUR; cost: 2 x 20% x 120 x 3 months = 144 EUR; ROI =
    // (2880-144)/144 = 19
    assertThat(outcomes.money()).singleElement().satisfies(m -> {
      assertThat(m.revenueRecovered()).isEqualByComparingTo(new BigDecimal("2880"));
      assertThat(m.incentiveCost()).isEqualByComparingTo(new BigDecimal("144"));
      assertThat(m.roi()).hasValueSatisfying(r -> assertThat(r).isCloseTo(19.0, within(1e-9)));
    });
  }

  @Test
  void noPlansMeansAnEmptyReportNotAnError() {
    Outcomes outcomes = outcomes();

    assertThat(outcomes.funnel()).isEqualTo(new Outcomes.Funnel(0, 0, 0, 0));
    assertThat(outcomes.timeToWinBack()).isEqualTo(new Outcomes.TimeToWinBack(0, 0, 0, 0));
    assertThat(outcomes.money()).isEmpty();
  }

  @Test
  void zeroWinsGiveAZeroRateWithAnHonestInterval() {
    winBack.start(leftBecauseOf("p", ExitCategory.PRICE).build());

    Rate rate = outcomes().rate(Outcomes.Dimension.EXIT_CATEGORY, "PRICE").orElseThrow();

    assertThat(rate.rate()).isZero();
    assertThat(rate.interval().lower()).isZero();
    assertThat(rate.interval().upper()).isCloseTo(0.7935, within(5e-4)); // 1.96^2 / (1 + 1.96^2)
  }

  @Test
  void suppressedCustomersAreNotCounted() {
    winBack.start(leftBecauseOf("d", ExitCategory.DECEASED).build());

    assertThat(outcomes().funnel().started()).isZero();
  }

  @Test
  void p90UsesTheNearestRank() {
    Outcomes.TimeToWinBack t =
        Outcomes.timeToWinBack(List.of(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0));

    assertThat(t.medianDays()).isEqualTo(5.5);
    assertThat(t.p90Days()).isEqualTo(9.0);
  }

  @Test
  void aPlanCountsOnceInEveryGroupItWasExposedTo() {
    WinBackPlan plan =
        winBack.start(leftBecauseOf("p", ExitCategory.PRICE).value(worth("120")).build());
    clock.advance(Duration.ofDays(30));
    winBack.runDue();

    Outcomes outcomes = outcomes();

    assertThat(plan.steps()).hasSizeGreaterThan(3);
    assertThat(outcomes.rates().get(Outcomes.Dimension.STEP_KIND))
        .extracting(Rate::trials)
        .containsOnly(1L);
  }
}
