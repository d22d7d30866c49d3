package dev.winback.privacy;

import static dev.winback.testing.Customers.LOST_AT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.winback.ManualClock;
import dev.winback.ReactivationTokens;
import dev.winback.TokenRejectedException;
import dev.winback.WinBack;
import dev.winback.model.Channel;
import dev.winback.model.Consent;
import dev.winback.model.ContactPoint;
import dev.winback.model.CustomerValue;
import dev.winback.model.ExitCategory;
import dev.winback.model.ExitReason;
import dev.winback.model.ExitTerms;
import dev.winback.model.Feedback;
import dev.winback.model.LostCustomer;
import dev.winback.model.NewArrangement;
import dev.winback.model.PlanStatus;
import dev.winback.model.ReasonSource;
import dev.winback.spi.PlanStore;
import dev.winback.spi.StockStores;
import dev.winback.spi.SuppressionList;
import dev.winback.testing.Customers;
import dev.winback.testing.Recorder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Right to erasure and right of access. */
class ErasureTest {
  private static final List<String> PERSONAL = List.of(
      "ada-lovelace-42",
      "Ada Lovelace",
      "ada@example.org",
      "+44 20 7946 0001",
      "12 St James's Square",
      "crm-0031x00000AbCdE",
      "my husband handles the bills now",
      "Analytical Engines Ltd");

  private final ManualClock clock = ManualClock.at(LOST_AT);
  private final PlanStore store = PlanStore.inMemory();
  private final SuppressionList suppressions = SuppressionList.inMemory();
  private final Recorder host = new Recorder();
  private final WinBack winBack = WinBack.builder()
      .clock(clock)
      .store(store)
      .suppressionList(suppressions)
      .reactivationTokens(ReactivationTokens.builder()
          .key("k", "a signing secret of at least 32 bytes".getBytes(StandardCharsets.UTF_8))
          .build())
      .feedback(host)
      .apology(host)
      .incentives(host)
      .reEngagement(host)
      .build();

  private static LostCustomer ada() {
    return LostCustomer.builder()
        .id("ada-lovelace-42")
        .displayName("Ada Lovelace")
        .addContactPoint(ContactPoint.of(Channel.EMAIL, "ada@example.org", Consent.GRANTED))
        .addContactPoint(ContactPoint.of(Channel.PHONE, "+44 20 7946 0001", Consent.GRANTED))
        .addContactPoint(ContactPoint.of(Channel.POST, "12 St James's Square", Consent.GRANTED))
        .lostAt(LOST_AT)
        .churnSignal(dev.winback.model.ChurnSignal.CONTRACT_NOT_RENEWED)
        .addExitReason(ExitReason.of(ExitCategory.PRICE, ReasonSource.SURVEY, LOST_AT))
        .value(CustomerValue.of("120", "2880", "GBP"))
        .newArrangement(NewArrangement.builder()
            .competitor("Rival")
            .contractEnds(LocalDate.of(2026, 9, 1))
            .build())
        .putAttribute("crmId", "crm-0031x00000AbCdE")
        .addTag("Analytical Engines Ltd")
        .build();
  }

  private void historyWithEverything() {
    winBack.start(ada());
    winBack.runDue();
    winBack.recordFeedback(
        "ada-lovelace-42",
        Feedback.of("my husband handles the bills now", ReasonSource.LETTER, clock.instant()));
    clock.advance(Duration.ofDays(25));
    winBack.runDue();
  }

  private String everythingStored() {
    return StockStores.dump(store) + StockStores.entries(suppressions);
  }

  @Test
  void afterErasureNoStoreHoldsAnyOfTheCustomersPersonalData() {
    historyWithEverything();
    assertThat(everythingStored())
        .contains("ada-lovelace-42"); // the scan can see data when it is there

    winBack.erase("ada-lovelace-42");

    String stored = everythingStored();
    for (String personal : PERSONAL) {
      assertThat(stored).as("the stores after erasure").doesNotContain(personal);
    }
  }

  @Test
  void anonymousAggregatesAreKept() {
    historyWithEverything();

    winBack.erase("ada-lovelace-42");

    String stored = StockStores.dump(store);
    assertThat(stored)
        .contains("category=PRICE")
        .contains("monthlyRevenue=120")
        .contains("STEP_DONE")
        .contains("DATA_ERASED");
    assertThat(winBack.plan("ada-lovelace-42")).isEmpty();
  }

  @Test
  void theSamePersonIsNeverContactedAgainEvenUnderANewId() {
    historyWithEverything();
    winBack.erase("ada-lovelace-42");

    var again = winBack.start(LostCustomer.builder()
        .from(ada())
        .id("new-id")
        .lostAt(clock.instant())
        .contactPoints(List.of(ContactPoint.of(Channel.PHONE, "+442079460001", Consent.GRANTED)))
        .build());

    assertThat(again.status()).isEqualTo(PlanStatus.SUPPRESSED);
    assertThat(again.rationale()).contains("ERASED");
  }

  @Test
  void reactivationLinksDieWithTheData() {
    historyWithEverything();
    String token = winBack.issueReactivationToken("ada-lovelace-42");

    winBack.erase("ada-lovelace-42");

    assertThat(catchThrowableOfType(TokenRejectedException.class, () -> winBack.redeem(token))
            .reason())
        .isEqualTo(TokenRejectedException.Reason.NOT_FOUND);
  }

  @Test
  void exportReturnsEverythingHeldAboutTheCustomer() {
    historyWithEverything();

    String export = winBack.export("ada-lovelace-42");

    assertThat(export)
        .contains("\"customerId\" : \"ada-lovelace-42\"")
        .contains("ada@example.org")
        .contains("my husband handles the bills now")
        .contains("\"journal\"")
        .contains("\"contacts\"")
        .contains("FEEDBACK_RECORDED");
  }

  @Test
  void dataIsErasedWhenTheRetentionPeriodEndsAndNotBefore() {
    winBack.start(LostCustomer.builder()
        .from(ada())
        .exitTerms(ExitTerms.builder().dataRetention(Period.ofDays(200)).build())
        .build());
    winBack.markWonBack("ada-lovelace-42");
    winBack.start(Customers.lost("other").build());

    clock.advance(Duration.ofDays(199));
    assertThat(winBack.eraseDataPastRetention()).isZero();
    clock.advance(Duration.ofDays(1));
    assertThat(winBack.eraseDataPastRetention()).isEqualTo(1);

    assertThat(winBack.plan("ada-lovelace-42")).isEmpty();
    assertThat(winBack.plan("other")).isPresent();
  }
}
