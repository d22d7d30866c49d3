package dev.winback.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

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
