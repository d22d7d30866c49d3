package dev.winback.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's Spring Boot section shows this application's code and properties, so it cannot drift from them. */
class ReadmeTest {
  private static final String SECTION = "## In a Spring Boot application";

  private static String block(String language) throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"));
    int section = readme.indexOf(SECTION);
    assertThat(section).as("the README has the section").isNotNegative();
    int start = readme.indexOf("```" + language, section) + language.length() + 3;
    return readme.substring(start, readme.indexOf("```", start));
  }

  @Test
  void everyLineOfTheJavaExampleIsTheApplications() throws IOException {
    String code = Files.readString(
        Path.of("src/main/java/dev/winback/examples/spring/WinBackSpringExample.java"));

    assertThat(block("java").lines().map(String::strip).filter(line -> !line.isEmpty()))
        .hasSizeGreaterThan(10)
        .allSatisfy(line -> assertThat(code).contains(line));
  }

  @Test
  void everyPropertyShownIsOneTheApplicationSets() throws IOException {
    String properties = Files.readString(Path.of("src/main/resources/application.properties"));

    assertThat(block("properties").lines().filter(line -> !line.isBlank()))
        .isNotEmpty()
        .allSatisfy(line -> assertThat(properties).contains(line));
  }
}
