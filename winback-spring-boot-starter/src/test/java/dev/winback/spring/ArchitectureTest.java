package dev.winback.spring;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The starter stands on WinBack's public API; each optional library is known only by the class that needs it, so
 * that an application without it still starts; its public types are the few an application uses.
 */
class ArchitectureTest {
  private static final JavaClasses CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.winback.spring");

  @Test
  void theStarterUsesNoInternalsOfTheCore() {
    noClasses()
        .that()
        .resideInAPackage("dev.winback.spring..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.winback.internal..")
        .check(CLASSES);
  }

  @Test
  void onlyTheHealthClassesKnowSpringBootsHealthSupport() {
    noClasses()
        .that()
        .resideInAPackage("dev.winback.spring..")
        .and()
        .haveNameNotMatching(".*\\.(HealthConfiguration|WinBackHealthIndicator)(\\$.*)?")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.springframework.boot.health..")
        .check(CLASSES);
  }

  @Test
  void onlyThePagesClassesKnowTheServletApiAndWinBackWeb() {
    noClasses()
        .that()
        .resideInAPackage("dev.winback.spring..")
        .and()
        .doNotHaveSimpleName("CustomerPagesConfiguration")
        .and()
        .doNotHaveSimpleName("CustomerPagesHandler")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("jakarta.servlet..", "org.springframework.web..", "dev.winback.web..")
        .check(CLASSES);
  }

  @Test
  void theOnlyPublicTypesAreTheConfigurationThePropertiesTheCustomizerAndTheRunner() {
    classes()
        .that()
        .resideInAPackage("dev.winback.spring..")
        .and()
        .arePublic()
        .and()
        .areTopLevelClasses()
        .should()
        .haveSimpleName("WinBackAutoConfiguration")
        .orShould()
        .haveSimpleName("WinBackProperties")
        .orShould()
        .haveSimpleName("WinBackBuilderCustomizer")
        .orShould()
        .haveSimpleName("WinBackRunner")
        .check(CLASSES);
  }
}
