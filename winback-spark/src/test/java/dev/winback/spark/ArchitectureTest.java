package dev.winback.spark;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** winback-spark stands on the public APIs of winback-lapse and winback-core, and shows three entry points. */
class ArchitectureTest {
  private static final JavaClasses CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.winback.spark");

  @Test
  void itUsesNoInternalsOfTheCore() {
    noClasses()
        .that()
        .resideInAPackage("dev.winback.spark..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.winback.internal..", "dev.winback.jdbc..")
        .check(CLASSES);
  }

  @Test
  void onlyTheSummariesTheFitAndTheScoringArePublic() {
    classes()
        .that()
        .arePublic()
        .should()
        .haveSimpleName("SparkSummaries")
        .orShould()
        .haveSimpleName("SparkFit")
        .orShould()
        .haveSimpleName("SparkScoring")
        .check(CLASSES);
  }
}
