package dev.winback.message;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The messages stand on winback-core's public API alone, and show only a few public types. */
class ArchitectureTest {
  private static final JavaClasses CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.winback.message");

  @Test
  void theMessagesUseNoInternalsOfTheCore() {
    noClasses()
        .that()
        .resideInAPackage("dev.winback.message..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.winback.internal..", "dev.winback.jdbc..")
        .check(CLASSES);
  }

  @Test
  void onlyTheComposerItsMessageTheTemplatesAndTheGalleryArePublic() {
    classes()
        .that()
        .arePublic()
        .should()
        .haveSimpleNameStartingWith("ComposedMessage")
        .orShould()
        .haveSimpleNameStartingWith("MessageComposer")
        .orShould()
        .haveSimpleNameStartingWith("Templates")
        .orShould()
        .haveSimpleNameStartingWith("Gallery")
        .orShould()
        .haveFullyQualifiedName("dev.winback.message.Templates$Builder")
        .check(CLASSES);
  }
}
