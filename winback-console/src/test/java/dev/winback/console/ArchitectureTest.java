package dev.winback.console;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.winback.WinBack;
import dev.winback.model.Suppression;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;

/**
 * The console stands on winback-core's public API; its only public types are the auto-configuration and its
 * properties; every action goes through the engine's operations (journalled with the operator), and only one class
 * reads who is asking.
 */
class ArchitectureTest {
  private static final JavaClasses CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.winback.console");

  @Test
  void theConsoleUsesNoInternalsOfTheCore() {
    noClasses()
        .that()
        .resideInAPackage("dev.winback.console..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.winback.internal..", "dev.winback.jdbc..")
        .check(CLASSES);
  }

  @Test
  void theOnlyPublicTypesAreTheAutoConfigurationAndItsProperties() {
    classes()
        .that()
        .resideInAPackage("dev.winback.console..")
        .and()
        .arePublic()
        .should()
        .haveSimpleName("ConsoleAutoConfiguration")
        .orShould()
        .haveSimpleName("ConsoleProperties")
        .check(CLASSES);
  }

  @Test
  void actionsGoThroughTheOperationsThatJournalTheOperator() {
    noClasses()
        .should()
        .callMethod(WinBack.class, "optOut", String.class)
        .orShould()
        .callMethod(WinBack.class, "suppress", String.class, Suppression.class)
        .orShould()
        .callMethod(WinBack.class, "markWonBack", String.class)
        .orShould()
        .callMethod(WinBack.class, "erase", String.class)
        .check(CLASSES);
  }

  @Test
  void onlyTheOperatorReadsWhoIsAsking() {
    noClasses()
        .that()
        .doNotHaveSimpleName("Operator")
        .should()
        .callMethod(HttpServletRequest.class, "getUserPrincipal")
        .orShould()
        .callMethod(HttpServletRequest.class, "isUserInRole", String.class)
        .check(CLASSES);
  }

  @Test
  void onlyOneClassKnowsSpringSecurityWhichIsOptional() {
    noClasses()
        .that()
        .doNotHaveSimpleName("SpringSecurityCsrf")
        .and()
        .doNotHaveSimpleName("Present")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.springframework.security..")
        .check(CLASSES);
  }
}
