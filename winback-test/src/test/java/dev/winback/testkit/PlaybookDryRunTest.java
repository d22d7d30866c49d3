package dev.winback.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.winback.InvalidInputException;
import dev.winback.Problem;
import dev.winback.model.PlanStatus;
import dev.winback.model.Playbook;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PlaybookDryRunTest {
  private final PlaybookDryRun dryRun =
      PlaybookDryRun.of(Playbook.standard(), Instant.parse("2026-01-05T09:00:00Z"));

  private static Path resource(String name) throws URISyntaxException {
    return Path.of(PlaybookDryRunTest.class.getResource("/" + name).toURI());
  }

  @Test
  void saysWhatWouldHappenToEachCustomerInACsvFile() throws Exception {
    PlaybookDryRun.Report report = dryRun.run(resource("customers.csv"));

    assertThat(report.outcomes()).hasSize(4);
    assertThat(report.outcome("a1").plan().rule()).isEqualTo("our-fault");
    assertThat(report.outcome("a1").steps()).first().isEqualTo("APOLOGY by EMAIL");
    assertThat(report.outcome("a2").steps()).contains("INCENTIVE_OFFER by EMAIL");
    assertThat(report.outcome("a3").plan().status()).isEqualTo(PlanStatus.SUPPRESSED);
    assertThat(report.outcome("a4").steps()).allMatch(s -> s.endsWith("by PHONE"));
    assertThat(report.customersPerRule())
        .containsEntry("our-fault", 1)
        .containsEntry("do-not-contact", 1);
    assertThat(report.outcome("a1").findings()).isEmpty();
    assertThat(report.outcome("a4").findings())
        .singleElement() // reachable only by phone: no goodbye call
        .satisfies(f -> assertThat(f.rule()).isEqualTo("no-goodbye"));
  }

  @Test
  void readsTheSameCustomersFromJson() throws Exception {
    PlaybookDryRun.Report report = dryRun.run(resource("customers.json"));

    assertThat(report.outcome("j1").plan().rule()).isEqualTo("left-over-too-many-messages");
    assertThat(report.toString())
        .contains("j1: rule 'left-over-too-many-messages' ACTIVE [APOLOGY by EMAIL");
  }

  @Test
  void aBadCsvFileNamesEveryProblemWithRowAndColumn() {
    String csv = """
        id,lostAt,churnSignal,email,monthlyRevenue,currency
        b1,2026-01-01T00:00:00Z,SUBSCRIPTION_CANCELLED,not-an-address,,
        b2,yesterday,CANCELLED,b2@example.com,12,
        ,2026-01-01T00:00:00Z,OTHER,b3@example.com,-5,EUR
        """;

    InvalidInputException e =
        catchThrowableOfType(InvalidInputException.class, () -> dryRun.runCsv(csv));

    assertThat(e.problems())
        .extracting(Problem::toString)
        .containsExactlyInAnyOrder(
            "row 2.email: is not a valid e-mail address",
            "row 3.lostAt: cannot be read as lostAt",
            "row 3.churnSignal: cannot be read as churnSignal",
            "row 3.currency: is required with a revenue",
            "row 4.id: is required",
            "row 4.monthlyRevenue: must not be negative");
    assertThat(e.getMessage()).doesNotContain("not-an-address");
  }

  @Test
  void aCsvFileWithoutTheRequiredColumnsFailsAtTheHeader() {
    InvalidInputException e = catchThrowableOfType(
        InvalidInputException.class, () -> dryRun.runCsv("id,email\nx,x@example.com\n"));

    assertThat(e.problems())
        .extracting(Problem::toString)
        .containsExactly(
            "header: is missing the required column 'lostAt'",
            "header: is missing the required column 'churnSignal'");
  }
}
