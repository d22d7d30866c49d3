package dev.winback.web;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The pages stand on winback-core's public API alone, and only the adapter knows the JDK's HTTP server, so that
 * another adapter (Spring MVC) can serve the same pages.
 */
class ArchitectureTest {
  private static final JavaClasses CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.winback.web");

  @Test
  void thePagesUseNoInternalsOfTheCore() {
    noClasses()
        .that()
        .resideInAPackage("dev.winback.web..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.winback.internal..", "dev.winback.jdbc..")
        .check(CLASSES);
  }

  @Test
  void onlyTheAdapterKnowsTheJdkHttpServer() {
    noClasses()
        .that()
        .resideInAPackage("dev.winback.web..")
        .and()
        .doNotHaveSimpleName("JdkHttpAdapter")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("com.sun.net.httpserver..")
        .check(CLASSES);
  }

  @Test
  void theOnlyPublicTypesAreTheEntryPointTheRequestModelAndTheAdapter() {
    classes()
        .that()
        .resideInAPackage("dev.winback.web..")
        .and()
        .arePublic()
        .and()
        .areTopLevelClasses()
        .should()
        .haveSimpleNameStartingWith("CustomerPages")
        .orShould()
        .haveSimpleNameStartingWith("Web")
        .orShould()
        .haveSimpleName("JdkHttpAdapter")
        .check(CLASSES);
  }
}
