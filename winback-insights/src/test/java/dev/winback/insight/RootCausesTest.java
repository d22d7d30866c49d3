package dev.winback.insight;

import static dev.winback.testing.Customers.lost;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.winback.model.ExitCategory;
import dev.winback.model.ExitReason;
import dev.winback.model.ReasonSource;
import dev.winback.model.WinBackPlan;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RootCausesTest {

  private static WinBackPlan lostOn(String id, String day, ExitCategory category, String words) {
    Instant at = Instant.parse(day + "T12:00:00Z");
    ExitReason.Builder reason =
        ExitReason.builder().category(category).source(ReasonSource.SURVEY).recordedAt(at);
    if (words != null) {
      reason.verbatim(words);
    }
    return WinBackPlan.builder()
        .id(id)
        .customer(lost(id)
            .lostAt(at)
            .customerSince(at.minusSeconds(1))
            .addExitReason(reason.build())
            .build())
        .playbook("p")
        .rule("r")
        .rationale("x")
        .startedAt(at)
        .build();
  }

  /** Four quiet weeks (2 service failures in 20 each), then a week where 12 of 20 are service failures. */
  private static List<WinBackPlan> outbreak() {
    List<WinBackPlan> plans = new ArrayList<>();
    String[] mondays = {"2026-01-05", "2026-01-12", "2026-01-19", "2026-01-26", "2026-02-02"};
    int n = 0;
    for (int week = 0; week < 5; week++) {
      int failures = week == 4 ? 12 : 2;
      for (int i = 0; i < 20; i++) {
        ExitCategory category = i < failures ? ExitCategory.SERVICE_FAILURE : ExitCategory.PRICE;
        plans.add(lostOn(
            "c" + n++,
            mondays[week],
            category,
            category == ExitCategory.SERVICE_FAILURE
                ? "down again, call me on +44 20 7946 0000 or a@b.com"
                : null));
      }
    }
    return plans;
  }

  @Test
  void sharesArePerPeriod() {
    RootCauses causes = RootCauses.of(outbreak(), RootCauses.Granularity.WEEK, 4, 0.01, 5);

    assertThat(causes.periods()).hasSize(5);
    assertThat(causes.periods().get(0).start()).isEqualTo(LocalDate.of(2026, 1, 5));
    assertThat(causes.periods().get(0).share(ExitCategory.SERVICE_FAILURE)).isEqualTo(0.1);
    assertThat(causes.periods().get(4).share(ExitCategory.SERVICE_FAILURE)).isEqualTo(0.6);
  }

  @Test
  void aRisingCategoryRaisesAnAlertThatMatchesAHandCalculation() {
    RootCauses causes = RootCauses.of(outbreak(), RootCauses.Granularity.WEEK, 4, 0.01, 5);

    // hand calculation: 12/20 against 8/80, pooled p = 20/100 = 0.2, se = sqrt(0.2 * 0.8 * (1/20 +
    // 1/80)) = 0.1,
    // z = (0.6 - 0.1) / 0.1 = 5.0, one-sided p = P(Z > 5) = 2.87e-7 (normal table)
    assertThat(causes.alerts()).singleElement().satisfies(alert -> {
      assertThat(alert.category()).isEqualTo(ExitCategory.SERVICE_FAILURE);
      assertThat(alert.period()).isEqualTo(LocalDate.of(2026, 2, 2));
      assertThat(alert.share()).isEqualTo(0.6);
      assertThat(alert.baselineShare()).isEqualTo(0.1);
      assertThat(alert.pValue()).isCloseTo(2.87e-7, within(2e-8));
    });
  }

  @Test
  void examplesAreAnonymous() {
    RootCauses.Alert alert = RootCauses.of(outbreak(), RootCauses.Granularity.WEEK, 4, 0.01, 5)
        .alerts()
        .get(0);

    assertThat(alert.examples())
        .hasSize(3)
        .allSatisfy(example ->
            assertThat(example).isEqualTo("down again, call me on [number] or [e-mail]"));
  }

  @Test
  void emptyPeriodsInBetweenAreKept() {
    List<WinBackPlan> plans = List.of(
        lostOn("a", "2026-01-15", ExitCategory.PRICE, null),
        lostOn("b", "2026-04-02", ExitCategory.MOVED, null));

    RootCauses causes = RootCauses.of(plans, RootCauses.Granularity.MONTH, 2, 0.01, 1);

    assertThat(causes.periods())
        .extracting(RootCauses.PeriodShares::total)
        .containsExactly(1L, 0L, 0L, 1L);
    assertThat(causes.periods().get(1).share(ExitCategory.PRICE)).isZero();
    assertThat(causes.alerts()).isEmpty();
  }

  @Test
  void noPlansMeanNoPeriods() {
    assertThat(RootCauses.of(List.of(), RootCauses.Granularity.WEEK, 4, 0.01, 5).periods())
        .isEmpty();
  }

  @Test
  void aSmallBlipIsNotAnAlert() {
    List<WinBackPlan> plans = new ArrayList<>(outbreak().subList(0, 80));
    for (int i = 0; i < 20; i++) {
      plans.add(lostOn(
          "x" + i, "2026-02-02", i < 4 ? ExitCategory.SERVICE_FAILURE : ExitCategory.PRICE, null));
    }

    assertThat(RootCauses.of(plans, RootCauses.Granularity.WEEK, 4, 0.01, 5).alerts())
        .isEmpty();
  }
}
