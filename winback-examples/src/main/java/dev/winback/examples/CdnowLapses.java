package dev.winback.examples;

import dev.winback.ManualClock;
import dev.winback.WinBack;
import dev.winback.WinBackBuilder;
import dev.winback.lapse.BgNbd;
import dev.winback.lapse.CustomerSummaries;
import dev.winback.lapse.GammaGamma;
import dev.winback.lapse.LapseDetector;
import dev.winback.model.Channel;
import dev.winback.model.Consent;
import dev.winback.model.ContactPoint;
import dev.winback.model.LostCustomer;
import dev.winback.model.WinBackPlan;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The customers of the CDNOW music store (1997) who stopped buying without a word: fit BG/NBD and Gamma-Gamma to
 * their purchase summaries, detect the lapsed ones, and start win-back plans for the most valuable.
 */
final class CdnowLapses {
  static final Instant CALIBRATION_END = Instant.parse("1997-09-30T10:00:00Z");

  private CdnowLapses() {}

  /** Runs the detection and starts plans for the {@code top} most valuable lapsed customers; returns their plans. */
  static List<WinBackPlan> run(PrintStream out, WinBackBuilder engine, int top) {
    CustomerSummaries cdnow = summaries();
    BgNbd purchases = BgNbd.fit(cdnow);
    GammaGamma spend = GammaGamma.fit(cdnow);
    LapseDetector detector = LapseDetector.builder()
        .model(purchases)
        .spend(spend)
        .threshold(0.3)
        .customerTemplate(id -> LostCustomer.builder()
            .displayName("CDNOW customer " + id)
            .addContactPoint(
                ContactPoint.of(Channel.EMAIL, "cdnow-" + id + "@example.com", Consent.GRANTED)))
        .build();
    List<LostCustomer> lapsed = detector.detect(cdnow, CALIBRATION_END);
    out.println();
    out.printf(
        "Lapse detection on CDNOW: BG/NBD r=%.3f alpha=%.3f a=%.3f b=%.3f (log-likelihood %.1f); "
            + "%d of %d customers look lapsed (P(alive) < 0.3)%n",
        purchases.r(),
        purchases.alpha(),
        purchases.a(),
        purchases.b(),
        purchases.fit().logLikelihood(),
        lapsed.size(),
        cdnow.size());
    WinBack winBack = engine.clock(ManualClock.at(CALIBRATION_END)).build();
    List<WinBackPlan> plans = new ArrayList<>();
    for (LostCustomer customer : lapsed.subList(0, Math.min(top, lapsed.size()))) {
      WinBackPlan plan = winBack.start(customer);
      plans.add(plan);
      out.printf(
          "  %-6s P(alive) %s, 12-month value %8s USD -> rule '%s', %d steps%n",
          customer.id(),
          customer.attributes().get("probabilityAlive"),
          customer.value().orElseThrow().lifetimeRevenue(),
          plan.rule(),
          plan.steps().size());
    }
    return plans;
  }

  private static CustomerSummaries summaries() {
    return CustomerSummaries.fromCsv(new InputStreamReader(
        CdnowLapses.class.getResourceAsStream(
            "/cdnow/cdnow_customers_summary_with_transactions.csv"),
        StandardCharsets.UTF_8));
  }
}
