package dev.winback.mail;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.winback.WinBackException;
import org.junit.jupiter.api.Test;

/** winback-mail stands on winback-core's public API and the composer alone, and shows little of itself. */
class ArchitectureTest {
  private static final JavaClasses CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.winback.mail");

  @Test
  void theMailModuleUsesNoInternalsOfTheCore() {
    noClasses()
        .that()
        .resideInAPackage("dev.winback.mail..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.winback.internal..", "dev.winback.jdbc..")
        .check(CLASSES);
  }

  @Test
  void onlyTheStrategyItsBuilderAndTheSecurityChoiceArePublic() {
    classes()
        .that()
        .arePublic()
        .should()
        .haveSimpleName("MailStrategy")
        .orShould()
        .haveSimpleName("MailStrategyBuilder")
        .orShould()
        .haveSimpleName("SmtpSecurity")
        .check(CLASSES);
  }

  @Test
  void anyExceptionOfItsOwnExtendsTheWinBackRoot() {
    classes()
        .that()
        .areAssignableTo(RuntimeException.class)
        .should()
        .beAssignableTo(WinBackException.class)
        .allowEmptyShould(true)
        .check(CLASSES);
  }
}
