package dev.winback.lapse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.winback.InvalidInputException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Summaries and transaction logs read through a real CSV parser, in the shapes lifetimes and the R packages write. */
class CsvReadingTest {
  @TempDir
  Path dir;

  @Test
  void quotedFieldsSemicolonsAndAByteOrderMarkAreRead() {
    String csv = "\uFEFF\"id\";\"frequency\";\"recency\";\"T\";\"monetary_value\"\n"
        + "\"Smith; Jones\";2;30.43;38.86;\"22.35\"\n"
        + "b;0;0;38.86;0\n";

    CustomerSummaries s = CustomerSummaries.fromCsv(new StringReader(csv));

    assertThat(s.size()).isEqualTo(2);
    assertThat(s.id(0)).isEqualTo("Smith; Jones");
    assertThat(s.meanSpend(0)).isEqualTo(22.35);
    assertThat(s.x(1)).isZero();
  }

  @Test
  void theColumnNamesOfTheRPackagesExportsAreUnderstood() {
    String btyd =
        "\"cust\",\"x\",\"t.x\",\"T.cal\",\"x.star\",\"m.x\"\n\"1\",2,30.4285714285714,38.8571428571429,1,22.345\n";
    String rfMatrix = "\"x\",\"t.x\",\"n.cal\",\"custs\"\n6,6,6,1203\n0,0,6,3464\n";

    CustomerSummaries cbs = CustomerSummaries.fromCsv(new StringReader(btyd));
    CustomerSummaries matrix = CustomerSummaries.fromCsv(new StringReader(rfMatrix));

    assertThat(cbs.tx(0)).isCloseTo(30.4285714285714, within(1e-12));
    assertThat(cbs.meanSpend(0)).isEqualTo(22.345);
    assertThat(matrix.totalWeight()).isEqualTo(4667);
    assertThat(matrix.weight(0)).isEqualTo(1203);
  }

  @Test
  void aGzippedFileIsRead() throws IOException {
    Path file = dir.resolve("summary.csv.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write("id,frequency,recency,T\n1,2,3,10\n2,0,0,10\n".getBytes(StandardCharsets.UTF_8));
    }

    assertThat(CustomerSummaries.readCsv(file).size()).isEqualTo(2);
  }

  @Test
  void aLogInAnyOrderLargerThanTheSortBufferSummarisesAsTheGroupedLog() throws IOException {
    List<CustomerSummaries.Transaction> log = new ArrayList<>(Cdnow.transactions());
    Collections.shuffle(log, new Random(7));
    Path file = dir.resolve("cdnow.csv");
    StringBuilder csv = new StringBuilder("customer_id,date,sales\n");
    for (CustomerSummaries.Transaction t : log) {
      csv.append(t.customerId())
          .append(',')
          .append(t.at().toString(), 0, 10)
          .append(',')
          .append(t.amount())
          .append('\n');
    }
    Files.writeString(file, csv);

    CustomerSummaries fromFile = TransactionLog.csv(file)
        .withBufferSize(500)
        .summaries(Cdnow.CALIBRATION_END, Duration.ofDays(7));

    CustomerSummaries published = Cdnow.summaries();
    assertThat(fromFile.size()).isEqualTo(published.size());
    assertThat(fromFile.unit()).contains(Duration.ofDays(7));
    java.util.Map<String, Integer> row = new java.util.HashMap<>();
    for (int i = 0; i < fromFile.size(); i++) {
      row.put(fromFile.id(i), i);
    }
    for (int i = 0; i < published.size(); i++) {
      int j = row.get(published.id(i));
      assertThat(fromFile.x(j)).as("x of %s", published.id(i)).isEqualTo(published.x(i));
      assertThat(fromFile.tx(j)).isCloseTo(published.tx(i), within(0.006));
      assertThat(fromFile.age(j)).isCloseTo(published.age(i), within(0.006));
    }
  }

  @Test
  void theExternalSortMergesSortedRunsAndDeletesThem() throws IOException {
    List<CustomerSummaries.Transaction> log = new ArrayList<>(Cdnow.transactions());
    Collections.shuffle(log, new Random(11));
    Path runs;
    List<CustomerSummaries.Transaction> sorted = new ArrayList<>();
    try (ExternalSort sort = ExternalSort.of(log.iterator(), 1000)) {
      assertThat(sort.runs()).isEqualTo(7);
      runs = sort.directory().orElseThrow();
      sort.forEachRemaining(sorted::add);
    }

    assertThat(sorted).hasSize(log.size());
    assertThat(sorted)
        .isSortedAccordingTo(
            java.util.Comparator.comparing(CustomerSummaries.Transaction::customerId)
                .thenComparing(CustomerSummaries.Transaction::at));
    assertThat(runs).doesNotExist();
  }

  @Test
  void theDateFormatsOfTheLogsAreRead() {
    assertThat(TransactionLog.instant("19970101")).isEqualTo(Instant.parse("1997-01-01T00:00:00Z"));
    assertThat(TransactionLog.instant("2014-03-08 00:00:00"))
        .isEqualTo(Instant.parse("2014-03-08T00:00:00Z"));
    assertThat(TransactionLog.instant("2014-03-08"))
        .isEqualTo(Instant.parse("2014-03-08T00:00:00Z"));
    assertThat(TransactionLog.instant("2014-03-08T10:00:00+02:00"))
        .isEqualTo(Instant.parse("2014-03-08T08:00:00Z"));
  }

  @Test
  void badRowsOfALogAreNamed() throws IOException {
    Path file = dir.resolve("bad.csv");
    Files.writeString(file, "id,date\na,2014-03-08\nb,yesterday\n");

    assertThatThrownBy(() -> TransactionLog.csv(file)
            .summaries(Instant.parse("2015-01-01T00:00:00Z"), Duration.ofDays(1)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("row 3: is not a transaction");
  }
}
