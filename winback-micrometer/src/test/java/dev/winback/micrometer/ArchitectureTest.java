package dev.winback.micrometer;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** winback-micrometer stands on winback-core's public API alone and shows one type (and its builder). */
class ArchitectureTest {
  private static final JavaClasses CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.winback.micrometer");

  @Test
  void theMetricsUseNoInternalsOfTheCore() {
    noClasses()
        .that()
        .resideInAPackage("dev.winback.micrometer..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.winback.internal..", "dev.winback.jdbc..")
        .check(CLASSES);
  }

  @Test
  void onlyTheMetricsAndTheirBuilderArePublic() {
    classes()
        .that()
        .arePublic()
        .should()
        .haveSimpleName("WinBackMetrics")
        .orShould()
        .haveSimpleName("Builder")
        .check(CLASSES);
  }
}
