package dev.winback.jdbc;

import static dev.winback.testing.Customers.lost;
import static org.assertj.core.api.Assertions.assertThat;

import dev.winback.ManualClock;
import dev.winback.WinBack;
import dev.winback.model.Channel;
import dev.winback.model.Consent;
import dev.winback.model.ContactPoint;
import dev.winback.model.LostCustomer;
import dev.winback.model.PlanStatus;
import dev.winback.model.WinBackPlan;
import dev.winback.testing.Customers;
import dev.winback.testing.FormerFingerprints;
import dev.winback.testing.PooledDataSource;
import dev.winback.testing.Recorder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The shared suppression list in a database: entries written with the fingerprints taken before addresses were
 * normalised (inserted here by SQL, as an earlier version wrote them) still suppress, and new entries match every
 * spelling of their address.
 */
abstract class StoredFingerprintsContract {
  private static final byte[] KEY =
      "a fingerprint key of 32 bytes ok".getBytes(StandardCharsets.UTF_8);

  private PooledDataSource dataSource;
  private WinBack winBack;
  private final Recorder host = new Recorder();

  /** A new, empty database. */
  protected abstract PooledDataSource newDatabase();

  @BeforeEach
  void wire() {
    dataSource = newDatabase();
    JdbcPlanStore store = JdbcPlanStore.create(dataSource).migrate();
    winBack = WinBack.builder()
        .clock(ManualClock.at(Customers.LOST_AT))
        .store(store)
        .suppressionList(JdbcSuppressionList.create(dataSource, KEY))
        .defaultRegion("GB")
        .feedback(host)
        .apology(host)
        .incentives(host)
        .reEngagement(host)
        .build();
  }

  @AfterEach
  void close() {
    winBack.close();
    dataSource.closeAll();
  }

  private static LostCustomer customer(String id, Channel channel, String address) {
    return lost(id)
        .contactPoints(List.of(ContactPoint.of(channel, address, Consent.GRANTED)))
        .build();
  }

  @ParameterizedTest(name = "stored as {0} {1}, back as {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "PHONE | +44 20 7946 0000       | +44 20 7946 0000",
        "PHONE | +44 20 7946 0000       | 020 7946 0000",
        "PHONE | 020 7946 0000          | 0044 20 7946 0000",
        "SMS   | 07700 900123           | +44 (0)7700 900123",
        "EMAIL | Ada@Example.com        | ada@example.com",
        "EMAIL | ada@b\u00fccher.example | ada@xn--bcher-kva.example",
        "POST  | 1 High  Street         | 1 High Street",
      })
  void anEntryWrittenWithTheFormerFingerprintStillSuppresses(
      Channel channel, String stored, String back) {
    JdbcTests.execute(
        dataSource,
        "INSERT INTO winback_suppression (fingerprint, reason) VALUES ('"
            + FormerFingerprints.of(KEY, channel, stored) + "', 'ERASED')");

    WinBackPlan plan = winBack.start(customer("back", channel, back));
    winBack.runDue();

    assertThat(plan.status()).isEqualTo(PlanStatus.SUPPRESSED);
    assertThat(plan.rationale()).contains("ERASED");
    assertThat(host.calls()).isEmpty();
  }

  @ParameterizedTest(name = "opted out as {1}, back as {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "PHONE | +44 20 7946 0000         | +44 (0)20 7946 0000",
        "SMS   | 07700 900123             | +44 7700 900123",
        "EMAIL | zoe\u0308@example.com    | ZO\u00cb@example.com",
        "POST  | 10 St. John's Road, Oxford | 10 St Johns Road Oxford",
      })
  void aNewEntryMatchesEverySpellingOfItsAddress(Channel channel, String first, String back) {
    winBack.start(customer("first", channel, first));
    winBack.optOut("first");

    WinBackPlan plan = winBack.start(customer("back", channel, back));

    assertThat(plan.status()).isEqualTo(PlanStatus.SUPPRESSED);
    assertThat(plan.rationale()).contains("DO_NOT_CONTACT");
  }
}
