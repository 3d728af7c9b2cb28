package io.github.itsmejakarta.benchmarks;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The benchmarks use the library through its public packages (the rule itself, and the proof that it fails on a
 * violation, live in itsme-jakarta-cdi's {@code ModuleBoundaryTest}). Two benchmark paths measure core's internal
 * token processing and JWT minting on purpose, beside jose4j and Nimbus configured by hand; they are named here so that
 * no other class can follow them.
 */
class ModuleBoundaryTest {
    @Test
    @DisplayName("benchmarks reach into no internal package, except the two paths that measure core's internals")
    void noReachIntoInternals() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("io.github.itsmejakarta.benchmarks");
        noClasses().that().resideInAPackage("io.github.itsmejakarta.benchmarks..")
                .and().doNotHaveFullyQualifiedName(CoreProcessorPath.class.getName())
                .and().doNotHaveFullyQualifiedName(OutboundJwtBenchmark.class.getName())
                .should().dependOnClassesThat().resideInAnyPackage("io.github.itsmejakarta.core.internal..",
                        "io.github.itsmejakarta.cdi.internal..", "io.github.itsmejakarta.testkit.internal..")
                .check(classes);
    }
}
