package dev.winback.lapse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.winback.InvalidInputException;
import dev.winback.Problem;
import dev.winback.model.ChurnSignal;
import dev.winback.model.LostCustomer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Textbook properties of the models, the summaries of a transaction log, bad data, and lapse detection. */
class ModelPropertiesTest {
  private static final CustomerSummaries CDNOW = Cdnow.summaries();
  private static final BgNbd BG = new BgNbd(0.243, 4.414, 0.793, 2.426, null);
  private static final ParetoNbd PARETO = new ParetoNbd(0.553, 10.578, 0.606, 11.669, null);

  @Test
  void aBgNbdCustomerWithoutRepeatPurchasesIsAliveForSure() {
    assertThat(BG.probabilityAlive(0, 0, 38.86)).isEqualTo(1.0);
    assertThat(BG.probabilityAlive(0, 0, 1000)).isEqualTo(1.0);
  }

  @Test
  void aLongSilenceLowersTheProbabilityOfBeingAlive() {
    double recent = BG.probabilityAlive(5, 38, 38.86);
    double silent = BG.probabilityAlive(5, 5, 38.86);

    assertThat(recent).isGreaterThan(silent);
    assertThat(PARETO.probabilityAlive(5, 38, 38.86))
        .isGreaterThan(PARETO.probabilityAlive(5, 5, 38.86));
    assertThat(recent).isBetween(0.0, 1.0);
  }

  @Test
  void theOddsOfBeingAliveFadeWhileACustomerStaysSilent() {
    MbgNbd mbg = new MbgNbd(0.525, 6.183, 0.891, 1.614, null);

    assertThat(BG.probabilityAliveAfter(0, 5, 30, 38.86))
        .isEqualTo(BG.probabilityAlive(5, 30, 38.86));
    assertThat(BG.probabilityAliveAfter(26, 5, 30, 38.86))
        .isLessThan(BG.probabilityAliveAfter(4, 5, 30, 38.86))
        .isLessThan(BG.probabilityAlive(5, 30, 38.86));
    assertThat(PARETO.probabilityAliveAfter(26, 5, 30, 38.86))
        .isLessThan(PARETO.probabilityAlive(5, 30, 38.86));
    assertThat(mbg.probabilityAliveAfter(26, 0, 0, 38.86))
        .isLessThan(mbg.probabilityAlive(0, 0, 38.86));
    // Under BG/NBD customers drop out only right after a purchase: one who never came back cannot
    // have left.
    assertThat(BG.probabilityAliveAfter(52, 0, 0, 38.86)).isEqualTo(1.0);
    assertThatThrownBy(() -> BG.probabilityAliveAfter(-1, 5, 30, 38.86))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("t must be zero or more");
  }

  @Test
  void expectedPurchasesGrowWithTheHorizonAndStartAtZero() {
    assertThat(BG.expectedPurchases(0, 2, 30.43, 38.86)).isZero();
    double in10 = BG.expectedPurchases(10, 2, 30.43, 38.86);
    double in39 = BG.expectedPurchases(39, 2, 30.43, 38.86);

    assertThat(in10).isPositive().isLessThan(in39);
    // Fader, Hardie and Lee (2005) report about 1.23 expected purchases in the next 39 weeks for
    // x=2, t_x=30.43,
    // T=38.86 (their customer with two repeat purchases)
    assertThat(in39).isCloseTo(1.226, within(0.01));
    assertThat(PARETO.expectedPurchases(10, 2, 30.43, 38.86))
        .isPositive()
        .isLessThan(PARETO.expectedPurchases(39, 2, 30.43, 38.86));
  }

  @Test
  void probabilitiesAliveForAWholePopulationAgreeWithOneCustomerAtATime() {
    CustomerSummaries large = Cdnow.repeated(30);

    double[] alive = BG.probabilityAlive(large);

    assertThat(alive).hasSize(large.size());
    for (int i = 0; i < large.size(); i += 997) {
      assertThat(alive[i])
          .as("customer %d", i)
          .isCloseTo(BG.probabilityAlive(large.x(i), large.tx(i), large.age(i)), within(1e-12));
    }
  }

  @Test
  void expectedPurchasesAtManyHorizonsAgreeWithOneHorizonAtATime() {
    double[] horizons = {0, 4.35, 8.7, 13.04, 26.09, 52.18, 104.36};
    double[][] customers = {{0, 0, 38.86}, {2, 30.43, 38.86}, {14, 20, 38.86}, {60, 37.5, 38.0}};
    for (double[] c : customers) {
      double[] together = new double[horizons.length];

      BG.expectedPurchases(horizons, c[0], c[1], c[2], together);

      for (int m = 0; m < horizons.length; m++) {
        double alone = BG.expectedPurchases(horizons[m], c[0], c[1], c[2]);
        assertThat(together[m])
            .as("x=%s, horizon %s", c[0], horizons[m])
            .isCloseTo(alone, within(1e-12 * (1 + alone)));
      }
    }
  }

  @Test
  void theMbgNbdLetsCustomersWithoutRepeatPurchasesBeDead() {
    MbgNbd mbg = new MbgNbd(0.525, 6.183, 0.891, 1.614, null);

    assertThat(mbg.probabilityAlive(0, 0, 38.86)).isLessThan(1.0).isGreaterThan(0.0);
  }

  @Test
  void summariesOfTheCdnowLogMatchThePublishedSummary() throws Exception {
    List<CustomerSummaries.Transaction> log = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        getClass().getResourceAsStream("/cdnow/CDNOW_sample.txt"), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        String[] f = line.trim().split("\\s+");
        LocalDate day = LocalDate.parse(f[2], java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
        log.add(new CustomerSummaries.Transaction(
            String.valueOf(Integer.parseInt(f[1])),
            day.atStartOfDay().toInstant(ZoneOffset.UTC),
            Double.parseDouble(f[4])));
      }
    }

    CustomerSummaries summaries = CustomerSummaries.fromTransactions(
        log.iterator(),
        LocalDate.of(1997, 9, 30).atStartOfDay().toInstant(ZoneOffset.UTC),
        Duration.ofDays(7));

    assertThat(summaries.size()).isEqualTo(CDNOW.size());
    for (int i = 0; i < CDNOW.size(); i++) {
      assertThat(summaries.id(i)).isEqualTo(CDNOW.id(i));
      assertThat(summaries.x(i)).as("x of %s", CDNOW.id(i)).isEqualTo(CDNOW.x(i));
      assertThat(summaries.tx(i))
          .as("t_x of %s", CDNOW.id(i))
          .isCloseTo(CDNOW.tx(i), within(0.006));
      assertThat(summaries.age(i))
          .as("T of %s", CDNOW.id(i))
          .isCloseTo(CDNOW.age(i), within(0.006));
    }
  }

  @Test
  void badSummariesNameTheCustomerAndTheField() {
    assertThatThrownBy(() -> CustomerSummaries.of(
            new String[] {"a", "b", "c"},
            new double[] {1.5, 0, 2},
            new double[] {1, 3, 9},
            new double[] {10, 10, 5},
            null))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(((InvalidInputException) e).problems())
            .extracting(Problem::toString)
            .containsExactly(
                "customers[a].x: repeat purchases must be a whole number, at least 0",
                "customers[b].t_x: recency must be 0 without repeat purchases",
                "customers[c].t_x: recency must not exceed the age T"));
  }

  @Test
  void dataThatCannotBeFittedIsRefusedClearly() {
    CustomerSummaries nobody =
        CustomerSummaries.of(new String[0], new double[0], new double[0], new double[0], null);
    CustomerSummaries noRepeat = CustomerSummaries.of(
        new String[] {"a"}, new double[] {0}, new double[] {0}, new double[] {10}, null);

    assertThatThrownBy(() -> BgNbd.fit(nobody)).hasMessageContaining("there is nobody to fit");
    assertThatThrownBy(() -> ParetoNbd.fit(noRepeat))
        .hasMessageContaining("no customer made a repeat purchase");
    assertThatThrownBy(() -> GammaGamma.fit(noRepeat))
        .hasMessageContaining("no customer has repeat purchases");
  }

  @Test
  void summariesReadFromCsvNameEveryBadRowAndColumn() {
    String missingColumn = "id,frequency,recency\n1,2,3\n";
    String badRows = "id,frequency,recency,T\n1,2,3,10\n2,two,3,10\n3,1,,10\n";

    assertThatThrownBy(() -> CustomerSummaries.fromCsv(new java.io.StringReader(missingColumn)))
        .hasMessageContaining("header: has no column T");
    assertThatThrownBy(() -> CustomerSummaries.fromCsv(new java.io.StringReader(badRows)))
        .satisfies(e -> assertThat(((InvalidInputException) e).problems())
            .extracting(Problem::path)
            .containsExactly("row 3", "row 4"));
    assertThat(CustomerSummaries.fromCsv(new java.io.StringReader("id,x,t_x,T\na,0,0,5\n"))
            .size())
        .isEqualTo(1);
  }

  @Test
  void aNegativeAmountInTheLogNamesTheCustomer() {
    var log = List.of(
            new CustomerSummaries.Transaction("c9", Instant.parse("1997-01-02T00:00:00Z"), -3))
        .iterator();

    assertThatThrownBy(() -> CustomerSummaries.fromTransactions(
            log, Instant.parse("1997-09-30T00:00:00Z"), Duration.ofDays(7)))
        .hasMessageContaining("customers[c9].amount: must not be negative");
  }

  @Test
  void aDonorWhoStoppedGivingIsFoundWithTheDonationsSignalAndAFaithfulOneIsNot() {
    Instant start = Instant.parse("2026-01-05T00:00:00Z");
    List<CustomerSummaries.Transaction> gifts = new ArrayList<>();
    for (int week = 0; week < 8; week++) {
      gifts.add(new CustomerSummaries.Transaction(
          "donor-lapsed", start.plus(Duration.ofDays(7L * week)), 25));
    }
    for (int week = 0; week < 39; week += 2) {
      gifts.add(new CustomerSummaries.Transaction(
          "donor-faithful", start.plus(Duration.ofDays(7L * week)), 25));
    }
    Instant end = start.plus(Duration.ofDays(7 * 39));
    CustomerSummaries donors =
        CustomerSummaries.fromTransactions(gifts.iterator(), end, Duration.ofDays(7));
    LapseDetector detector = LapseDetector.builder()
        .model(BG)
        .threshold(0.3)
        .signal(ChurnSignal.DONATIONS_STOPPED)
        .customerTemplate(id -> LostCustomer.builder().displayName("Donor " + id))
        .build();

    List<LostCustomer> lost = detector.detect(donors, end);

    assertThat(lost).extracting(LostCustomer::id).containsExactly("donor-lapsed");
    assertThat(lost.get(0).churnSignal()).isEqualTo(ChurnSignal.DONATIONS_STOPPED);
  }

  @Test
  void theDetectorTurnsLapsedBuyersIntoLostCustomersMostValuableFirst() {
    GammaGamma spend = new GammaGamma(6.25, 3.74, 15.44, null);
    LapseDetector detector = LapseDetector.builder()
        .model(BG)
        .spend(spend)
        .threshold(0.3)
        .signal(ChurnSignal.PURCHASES_STOPPED)
        .customerTemplate(id -> LostCustomer.builder().displayName("CDNOW customer " + id))
        .build();

    List<LostCustomer> lost = detector.detect(CDNOW, Instant.parse("1997-09-30T00:00:00Z"));

    assertThat(lost).isNotEmpty().allSatisfy(c -> {
      assertThat(c.churnSignal()).isEqualTo(ChurnSignal.PURCHASES_STOPPED);
      assertThat(Double.parseDouble(c.attributes().get("probabilityAlive"))).isLessThan(0.3);
      assertThat(c.value()).isPresent();
      // the expected value is what playbooks size offers from
      assertThat(c.value().orElseThrow().expectedValue())
          .contains(c.value().orElseThrow().lifetimeRevenue());
    });
    assertThat(lost)
        .extracting(c -> c.value().orElseThrow().lifetimeRevenue())
        .isSortedAccordingTo(java.util.Comparator.reverseOrder());
    int lapsed = 0;
    for (int i = 0; i < CDNOW.size(); i++) {
      lapsed += BG.probabilityAlive(CDNOW.x(i), CDNOW.tx(i), CDNOW.age(i)) < 0.3 ? 1 : 0;
    }
    assertThat(lost).hasSize(lapsed);
    assertThat(detector.lifetimeValue(2, 30.43, 38.86, 22.35)).isPositive();
  }
}
