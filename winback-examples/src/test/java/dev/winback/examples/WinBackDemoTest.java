package dev.winback.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WinBackDemoTest {

  @Test
  void theDemoRunsEveryCustomerThroughTheStandardPlaybookAndSummarises() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    WinBackDemo.Summary summary =
        WinBackDemo.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String printed = bytes.toString(StandardCharsets.UTF_8);

    assertThat(summary.plans()).isEqualTo(37);
    assertThat(summary.suppressed()).isEqualTo(3);
    assertThat(summary.wonBack()).isPositive();
    assertThat(summary.customers()).isEqualTo(36);
    int messages =
        summary.byChannel().values().stream().mapToInt(Integer::intValue).sum();
    assertThat(summary.stepsSent())
        .as("steps carried by the messages, some of them several at once")
        .isGreaterThan(messages);
    assertThat(summary.accountManagerTasks()).isPositive();
    assertThat(summary.wonBack()
            + summary.declined()
            + summary.optedOut()
            + summary.unresponsive()
            + summary.active()
            + summary.suppressed()
            + summary.suppressedLater())
        .isEqualTo(37);
    assertThat(printed)
        .contains("PLAN_REVISED")
        .contains("SUPPRESSED: No contact at all: the customer is deceased.")
        .contains("Summary")
        .containsPattern("delayed: +c\\d+ .* by rule (quiet-hours|frequency-cap|reason-cap)")
        .containsPattern("rerouted: +c\\d+ .* by rule consent")
        .containsPattern("skipped: +c\\d+ .* by rule consent")
        .containsPattern("suppressed: +c05-crm2 .*suppression-list")
        .containsPattern(
            "Lapse detection on CDNOW: BG/NBD r=0\\.24\\d alpha=4\\.41\\d .* customers look lapsed")
        .doesNotContain("@example.com")
        .doesNotContain("Example Street");
  }

  @Test
  void theDemoWritesTheInsightReportAndSaysWhere(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    WinBackDemo.run(new PrintStream(bytes, true, StandardCharsets.UTF_8), dir);

    java.nio.file.Path html = dir.resolve("winback-report.html");
    assertThat(bytes.toString(StandardCharsets.UTF_8))
        .contains("Report written to " + html.toAbsolutePath());
    assertThat(java.nio.file.Files.readString(html)).contains("<svg").contains("Win-back funnel");
    assertThat(dir.resolve("winback-report.json")).exists();
  }

  @Test
  void theDemoIsRepeatable() {
    WinBackDemo.Summary first =
        WinBackDemo.run(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    WinBackDemo.Summary second =
        WinBackDemo.run(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

    assertThat(second).isEqualTo(first);
  }
}
