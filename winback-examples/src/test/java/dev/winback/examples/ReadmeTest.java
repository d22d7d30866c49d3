package dev.winback.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's code is the code these tests run, so the documentation cannot drift from what works. */
class ReadmeTest {
  private static final Path EXAMPLES = Path.of("src/test/java/dev/winback/examples");

  private static String readme() throws IOException {
    return Files.readString(Path.of("..", "README.md"));
  }

  @Test
  void theTestingSectionShowsRetentionRulesTestVerbatim() throws IOException {
    String test = Files.readString(EXAMPLES.resolve("RetentionRulesTest.java"));

    // the file is kept out of the formatter (spotless:off ... spotless:on) so that it reads as the
    // README shows it
    assertThat(readme())
        .contains(
            test.substring(test.indexOf("import static"), test.lastIndexOf("// spotless:on")));
  }

  @Test
  void everyLineOfTheQuickStartIsInQuickStartTest() throws IOException {
    String readme = readme();
    int start = readme.indexOf("```java", readme.indexOf("## Quick start")) + "```java".length();
    String snippet = readme.substring(start, readme.indexOf("```", start));
    String test = Files.readString(EXAMPLES.resolve("QuickStartTest.java"));

    assertThat(snippet.lines().map(String::strip).filter(line -> !line.isEmpty()))
        .isNotEmpty()
        .allSatisfy(line -> assertThat(test).contains(line));
  }

  @Test
  void theDemoItsReportAndTheReadmeTellOneStory(@TempDir Path dir) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    WinBackDemo.Summary summary =
        WinBackDemo.run(new PrintStream(bytes, true, StandardCharsets.UTF_8), dir);
    String printed = bytes.toString(StandardCharsets.UTF_8);
    String readme = readme();

    int from = printed.indexOf("Summary" + System.lineSeparator());
    int to = printed.indexOf(System.lineSeparator(), printed.indexOf("  still active", from));
    String counts = printed.substring(from, to).replace(System.lineSeparator(), "\n");
    assertThat(readme).as("the demo's counts as the README shows them").contains(counts);
    assertThat(readme)
        .contains("# run the demo: " + summary.customers() + " lost customers (" + summary.plans()
            + " plans)");
    assertThat(printed)
        .contains("WinBack demo: " + summary.customers() + " lost customers (" + summary.plans()
            + " plans)");
    JsonNode funnel = new ObjectMapper()
        .readTree(dir.resolve("winback-report.json").toFile())
        .at("/outcomes/funnel");
    assertThat(funnel.path("started").asLong())
        .as("the report's funnel starts with the plans the demo says were started")
        .isEqualTo(summary.plans() - summary.suppressed());
    assertThat(Files.readString(dir.resolve("winback-report.html")))
        .contains("Plans started leaves out plans suppressed before any contact");
  }

  @Test
  void everyLineOfTheLapseModelsExampleIsInLapseModelsTest() throws IOException {
    String readme = readme();
    int start =
        readme.indexOf("```java", readme.indexOf("### Lapse models in code")) + "```java".length();
    String snippet = readme.substring(start, readme.indexOf("```", start));
    String test = Files.readString(EXAMPLES.resolve("LapseModelsTest.java"));

    assertThat(snippet.lines().map(String::strip).filter(line -> !line.isEmpty()))
        .hasSizeGreaterThan(10)
        .allSatisfy(line -> assertThat(test).contains(line));
  }
}
