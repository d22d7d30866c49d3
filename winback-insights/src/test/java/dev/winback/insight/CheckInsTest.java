package dev.winback.insight;

import static dev.winback.testing.Customers.LOST_AT;
import static dev.winback.testing.Customers.lost;
import static org.assertj.core.api.Assertions.assertThat;

import dev.winback.model.ActiveCustomer;
import dev.winback.model.Channel;
import dev.winback.model.Consent;
import dev.winback.model.ContactPoint;
import dev.winback.model.ExitCategory;
import dev.winback.model.Suppression;
import dev.winback.model.WinBackPlan;
import dev.winback.spi.ContactRecord;
import dev.winback.spi.SuppressionList;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CheckInsTest {
  private static final Instant NOW = LOST_AT; // 09:00 UTC

  private static WinBackPlan lostCustomer(String id, String segment, String product) {
    return WinBackPlan.builder()
        .id(id)
        .customer(lost(id).segment(segment).putAttribute("product", product).build())
        .playbook("p")
        .rule("r")
        .rationale("x")
        .startedAt(NOW)
        .build();
  }

  private static ActiveCustomer.Builder active(String id) {
    return ActiveCustomer.builder()
        .id(id)
        .displayName("A " + id)
        .addContactPoint(ContactPoint.of(Channel.EMAIL, id + "@example.com", Consent.GRANTED));
  }

  private static final RootCauses.Alert OUTAGES = new RootCauses.Alert(
      java.time.LocalDate.of(2026, 2, 23), ExitCategory.SERVICE_FAILURE, 0.6, 0.1, 1e-6, List.of());

  private CheckIns.Builder checkIns() {
    return CheckIns.builder()
        .recentLosses(List.of(lostCustomer("l1", "smb", "pro"), lostCustomer("l2", "smb", "pro")))
        .risingCauses(List.of(OUTAGES));
  }

  @Test
  void checksInWithActiveCustomersWhoLookLikeThoseWhoLeft() {
    List<ActiveCustomer> customers = List.of(
        active("twin").segment("smb").addProduct("pro").build(),
        active("exposed")
            .segment("smb")
            .addExposure(ExitCategory.SERVICE_FAILURE)
            .build(),
        active("stranger").segment("enterprise").addProduct("basic").build(),
        active("one-match").segment("smb").addProduct("basic").build());

    CheckIns.Selection selection = checkIns().build().select(customers::stream, NOW);

    assertThat(selection.checkIns())
        .extracting(CheckIns.CheckIn::customerId)
        .containsExactly("twin", "exposed");
    assertThat(selection.checkIns().get(0).reason())
        .isEqualTo("same segment 'smb' as 2 recent losses; uses 'pro' like 2 recent losses");
    assertThat(selection.checkIns().get(1).reason())
        .contains("exposed to SERVICE_FAILURE, a rising reason");
  }

  @Test
  void thanksLoyalCustomersOnTheirAnniversary() {
    List<ActiveCustomer> customers = List.of(
        active("three-years")
            .customerSince(Instant.parse("2023-03-10T00:00:00Z"))
            .build(),
        active("thanked-lately")
            .customerSince(Instant.parse("2023-03-10T00:00:00Z"))
            .lastThankedAt(NOW.minus(Duration.ofDays(30)))
            .build(),
        active("new").customerSince(Instant.parse("2026-02-01T00:00:00Z")).build(),
        active("later").customerSince(Instant.parse("2020-06-01T00:00:00Z")).build());

    CheckIns.Selection selection = checkIns().build().select(customers::stream, NOW);

    assertThat(selection.checkIns()).singleElement().satisfies(c -> {
      assertThat(c.customerId()).isEqualTo("three-years");
      assertThat(c.kind()).isEqualTo(CheckIns.Kind.YEARLY_THANK_YOU);
      assertThat(c.reason()).isEqualTo("3 years with us");
    });
  }

  @Test
  void everyCheckInKeepsTheContactPolicy() {
    SuppressionList suppressions = SuppressionList.inMemory();
    ActiveCustomer blocked = active("blocked").segment("smb").addProduct("pro").build();
    suppressions.add(lost("blocked").build(), Suppression.DO_NOT_CONTACT);
    ActiveCustomer capped = active("capped").segment("smb").addProduct("pro").build();
    ActiveCustomer night = active("night")
        .segment("smb")
        .addProduct("pro")
        .timeZone(ZoneId.of("Asia/Tokyo"))
        .build();
    ActiveCustomer noConsent = ActiveCustomer.builder()
        .id("silent")
        .displayName("S")
        .segment("smb")
        .addProduct("pro")
        .addContactPoint(ContactPoint.of(Channel.EMAIL, "s@example.com", Consent.UNKNOWN))
        .build();
    List<ContactRecord> threeThisWeek = List.of(
        new ContactRecord(
            NOW.minus(Duration.ofDays(3)),
            Channel.EMAIL,
            dev.winback.model.StepKind.RE_ENGAGEMENT,
            "x"),
        new ContactRecord(
            NOW.minus(Duration.ofDays(2)),
            Channel.EMAIL,
            dev.winback.model.StepKind.RE_ENGAGEMENT,
            "x"),
        new ContactRecord(
            NOW.minus(Duration.ofDays(1)),
            Channel.EMAIL,
            dev.winback.model.StepKind.RE_ENGAGEMENT,
            "x"));
    Map<String, List<ContactRecord>> history = Map.of("capped", threeThisWeek);

    CheckIns.Selection selection = checkIns()
        .suppressionList(suppressions)
        .contactHistory(id -> history.getOrDefault(id, List.of()))
        .build()
        .select(() -> java.util.stream.Stream.of(blocked, capped, night, noConsent), NOW);

    assertThat(selection.excluded())
        .extracting(CheckIns.Excluded::customerId)
        .containsExactlyInAnyOrder("blocked", "silent");
    assertThat(selection.excluded())
        .filteredOn(e -> e.customerId().equals("blocked"))
        .singleElement()
        .satisfies(e -> assertThat(e.reason()).contains("suppression-list"));
    assertThat(selection.checkIns())
        .filteredOn(c -> c.customerId().equals("capped"))
        .singleElement()
        .satisfies(c ->
            assertThat(c.at()).isEqualTo(NOW.minus(Duration.ofDays(3)).plus(Duration.ofDays(7))));
    assertThat(selection.checkIns())
        .filteredOn(c -> c.customerId().equals("night"))
        .singleElement()
        .satisfies(c -> assertThat(c.at().atZone(ZoneId.of("Asia/Tokyo")).toLocalTime())
            .isAfterOrEqualTo(LocalTime.of(7, 0))
            .isBefore(LocalTime.of(22, 0)));
  }
}
