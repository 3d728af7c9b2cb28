package io.github.itsmejakarta.benchmarks;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The benchmarks measure core's internal token processing and JWT minting on purpose (beside jose4j and Nimbus
 * configured by hand, with core's shared token fixture), so they may use {@code core.internal.jose} and
 * {@code core.internal.request}, and nothing else that is internal (the rule itself, and the proof that it fails on a
 * violation, live in itsme-jakarta-cdi's {@code ModuleBoundaryTest}).
 */
class ModuleBoundaryTest {
    @Test
    @DisplayName("benchmarks reach into no internal package except the two of core they measure")
    void noReachIntoInternals() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("io.github.itsmejakarta.benchmarks");
        noClasses().that().resideInAPackage("io.github.itsmejakarta.benchmarks..").should().dependOnClassesThat()
                .resideInAnyPackage("io.github.itsmejakarta.core.internal.discovery..",
                        "io.github.itsmejakarta.core.internal.http..", "io.github.itsmejakarta.core.internal.json..",
                        "io.github.itsmejakarta.core.internal.token..", "io.github.itsmejakarta.cdi.internal..",
                        "io.github.itsmejakarta.testkit.internal..")
                .check(classes);
    }
}
