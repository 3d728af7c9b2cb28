package io.github.itsmejakarta.examples.quickstart;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The quickstart is what users copy: it uses the library through its public packages only (the rule itself, and the
 * proof that it fails on a violation, live in itsme-jakarta-cdi's {@code ModuleBoundaryTest}).
 */
class ModuleBoundaryTest {
    @Test
    @DisplayName("the quickstart reaches into no internal package of the library")
    void noReachIntoInternals() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("io.github.itsmejakarta.examples.quickstart");
        noClasses().that().resideInAPackage("io.github.itsmejakarta.examples..").should().dependOnClassesThat()
                .resideInAnyPackage("io.github.itsmejakarta.core.internal..", "io.github.itsmejakarta.cdi.internal..",
                        "io.github.itsmejakarta.testkit.internal..")
                .check(classes);
    }
}
