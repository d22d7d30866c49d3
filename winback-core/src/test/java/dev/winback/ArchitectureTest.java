package dev.winback;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.constructors;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The package tiers hold: the API never hands out internals, and the model and SPI stay free of the engine. */
class ArchitectureTest {
  private static final JavaClasses CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.winback");

  @Test
  void publicMethodsOutsideInternalNeverReturnInternalTypes() {
    methods()
        .that()
        .arePublic()
        .and()
        .areDeclaredInClassesThat()
        .resideOutsideOfPackage("dev.winback.internal..")
        .and()
        .areDeclaredInClassesThat()
        .arePublic()
        .should()
        .haveRawReturnType(com.tngtech.archunit.base.DescribedPredicate.not(
            com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage(
                "dev.winback.internal..")))
        .check(CLASSES);
  }

  @Test
  void theModelAndSpiDoNotDependOnTheEngine() {
    noClasses()
        .that()
        .resideInAnyPackage("dev.winback.model..", "dev.winback.spi..")
        .should()
        .dependOnClassesThat()
        .haveFullyQualifiedName(WinBack.class.getName())
        .check(CLASSES);
  }

  @Test
  void thePackagesUnderTheRootFormNoCycle() {
    com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices()
        .matching("dev.winback.(*)..")
        .should()
        .beFreeOfCycles()
        .check(CLASSES);
  }

  @Test
  void theSpiDependsOnNoInternalOrStoreType() {
    noClasses()
        .that()
        .resideInAPackage("dev.winback.spi..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.winback.internal..", "dev.winback.jdbc..")
        .check(CLASSES);
  }

  @Test
  void belowTheRootOnlyTheApisExceptionsAreUsedFromIt() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "dev.winback.model..",
            "dev.winback.spi..",
            "dev.winback.internal..",
            "dev.winback.jdbc..")
        .should()
        .dependOnClassesThat(DescribedPredicate.describe(
            "engine types of the root package",
            (JavaClass c) -> c.getPackageName().equals("dev.winback")
                && !c.isAssignableTo(WinBackException.class)
                && !c.getName().equals(Problem.class.getName())))
        .check(CLASSES);
  }

  @Test
  void namesSayWhatThingsAreInTheDomain() {
    noClasses()
        .should()
        .haveSimpleNameEndingWith("Manager")
        .orShould()
        .haveSimpleNameEndingWith("Helper")
        .orShould()
        .haveSimpleNameEndingWith("Util")
        .orShould()
        .haveSimpleNameEndingWith("Utils")
        .orShould()
        .haveSimpleNameEndingWith("Impl")
        .check(CLASSES);
  }

  @Test
  void theModelDependsOnlyOnItselfTheJdkJacksonAndTheInputExceptions() {
    classes()
        .that()
        .resideInAPackage("dev.winback.model..")
        .should()
        .onlyDependOnClassesThat(JavaClass.Predicates.resideInAnyPackage(
                "dev.winback.model..",
                "java..",
                "com.fasterxml.jackson..",
                "org.immutables..",
                "org.jspecify..",
                "javax.annotation.processing..")
            .or(JavaClass.Predicates.belongToAnyOf(
                WinBackException.class,
                InvalidInputException.class,
                InvalidPlaybookException.class,
                Problem.class)))
        .check(CLASSES);
  }

  @Test
  void valueTypesCannotBeSubclassedOutsideTheModel() {
    constructors()
        .that()
        .areDeclaredInClassesThat()
        .resideInAPackage("dev.winback.model")
        .and()
        .areDeclaredInClassesThat(DescribedPredicate.describe(
            "abstract",
            (JavaClass c) -> c.getModifiers().contains(JavaModifier.ABSTRACT)
                && !c.isInterface()
                && !c.isEnum()))
        .should()
        .notBePublic()
        .andShould()
        .notBeProtected()
        .check(CLASSES);
  }

  @Test
  void generatedImplementationsAreHidden() {
    classes()
        .that()
        .resideInAPackage("dev.winback.model")
        .and()
        .haveSimpleNameStartingWith("Immutable")
        .should()
        .notBePublic()
        .check(CLASSES);
  }
}
