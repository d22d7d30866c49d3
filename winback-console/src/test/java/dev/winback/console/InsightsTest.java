package dev.winback.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.winback.ManualClock;
import dev.winback.WinBack;
import dev.winback.insight.InsightReport;
import dev.winback.insight.RootCauses;
import dev.winback.model.ExitCategory;
import dev.winback.model.ExitReason;
import dev.winback.model.ReasonSource;
import dev.winback.spi.PlanStore;
import dev.winback.testing.Customers;
import dev.winback.testing.Recorder;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The report over the application's plan store: the root-cause alerts keep the customers' (anonymised) words as
 * examples for an admin and drop them for a viewer.
 */
class InsightsTest {
  private static final Operator VIEWER = new Operator(Optional.of("viewer"), false);
  private static final Operator ADMIN = new Operator(Optional.of("admin"), true);

  @Test
  void aViewersReportHasTheAlertsWithoutTheCustomersWords() {
    PlanStore store = PlanStore.inMemory();
    Instant start = Customers.LOST_AT;
    ManualClock clock = ManualClock.at(start.plus(Duration.ofDays(7 * 6)));
    Recorder host = new Recorder();
    WinBack winBack = WinBack.builder()
        .clock(clock)
        .store(store)
        .feedback(host)
        .apology(host)
        .incentives(host)
        .reEngagement(host)
        .build();
    ExitCategory[] usual = {
      ExitCategory.PRICE, ExitCategory.COMPETITOR_OFFER, ExitCategory.NO_LONGER_NEEDED
    };
    for (int week = 0; week < 6; week++) {
      Instant lostAt = start.plus(Duration.ofDays(7L * week));
      for (int i = 0; i < 12; i++) {
        boolean outbreak = week == 5 && i < 9;
        ExitCategory category = outbreak ? ExitCategory.SERVICE_FAILURE : usual[i % usual.length];
        ExitReason reason = outbreak
            ? ExitReason.builder()
                .category(category)
                .verbatim("The service was down all week")
                .source(ReasonSource.SURVEY)
                .recordedAt(lostAt)
                .build()
            : ExitReason.of(category, ReasonSource.SURVEY, lostAt);
        winBack.start(Customers.lost("w" + week + "c" + i)
            .lostAt(lostAt)
            .addExitReason(reason)
            .build());
      }
    }
    Insights insights = new Insights(Optional.of(store));

    InsightReport forAdmin = insights.report(ADMIN, clock.instant()).orElseThrow();
    InsightReport forViewer = insights.report(VIEWER, clock.instant()).orElseThrow();

    assertThat(forAdmin.rootCauses().alerts()).anySatisfy(alert -> {
      assertThat(alert.category()).isEqualTo(ExitCategory.SERVICE_FAILURE);
      assertThat(alert.examples()).contains("The service was down all week");
    });
    assertThat(forViewer.rootCauses().alerts())
        .extracting(RootCauses.Alert::category)
        .contains(ExitCategory.SERVICE_FAILURE);
    assertThat(forViewer.rootCauses().alerts())
        .allSatisfy(alert -> assertThat(alert.examples()).isEmpty());
    assertThat(forViewer.toHtml()).doesNotContain("The service was down all week");
    assertThat(forAdmin.outcomes().funnel().started())
        .isEqualTo(forViewer.outcomes().funnel().started());
    assertThat(new Insights(Optional.empty()).report(ADMIN, clock.instant())).isEmpty();
  }

  @Test
  void theReportReadsThePlansAtMostOnceAMinuteWhoeverAsks() {
    java.util.concurrent.atomic.AtomicInteger reads =
        new java.util.concurrent.atomic.AtomicInteger();
    PlanStore inner = PlanStore.inMemory();
    PlanStore counting = dev.winback.testing.StoreProxies.around(inner, (method, store) -> {
      if (method.equals("plans")) {
        reads.incrementAndGet();
      }
      return store.call();
    });
    ManualClock clock = ManualClock.at(Customers.LOST_AT);
    Recorder host = new Recorder();
    WinBack winBack = WinBack.builder()
        .clock(clock)
        .store(counting)
        .feedback(host)
        .apology(host)
        .incentives(host)
        .reEngagement(host)
        .build();
    winBack.start(Customers.lost("c1").build());
    winBack.start(Customers.lost("c2").build());
    Insights insights = new Insights(Optional.of(counting));
    reads.set(0);

    InsightReport first = insights.report(ADMIN, clock.instant()).orElseThrow();
    int readsForOneReport = reads.get();
    clock.advance(Duration.ofSeconds(59));
    insights.report(VIEWER, clock.instant()).orElseThrow();
    InsightReport again = insights.report(ADMIN, clock.instant()).orElseThrow();

    assertThat(readsForOneReport).isPositive();
    assertThat(reads.get()).isEqualTo(readsForOneReport);
    assertThat(again).isSameAs(first);
    clock.advance(Duration.ofSeconds(1));
    InsightReport fresh = insights.report(ADMIN, clock.instant()).orElseThrow();
    assertThat(reads.get()).isEqualTo(2 * readsForOneReport);
    assertThat(fresh.generatedAt()).isEqualTo(clock.instant());
  }
}
