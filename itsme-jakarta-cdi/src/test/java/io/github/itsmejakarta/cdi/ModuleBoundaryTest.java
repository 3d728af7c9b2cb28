package io.github.itsmejakarta.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.EvaluationResult;
import io.github.itsmejakarta.cdi.boundaryfixture.ReachesIntoCoreInternals;
import io.github.itsmejakarta.cdi.boundaryfixture.UsesCorePublicApi;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The structure says what is public: the production classes of core, cdi and testkit (all on this module's test class
 * path) never reach into another module's {@code internal} packages, and the packages that are not internal are
 * exactly the ones the root README's "Public packages" table documents. Benchmarks and the quickstart run the same
 * rule in their own tests.
 */
class ModuleBoundaryTest {
    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        // core and testkit come as their target/classes or, in a build that packages them, as their jars
        // core's test-jar (its token fixture, on this class path for keystore tests) holds test classes too
        production = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("io.github.itsmejakarta.core", "io.github.itsmejakarta.cdi",
                        "io.github.itsmejakarta.testkit");
    }

    @Test
    @DisplayName("core, cdi and testkit never use another module's internal packages")
    void noModuleReachesIntoAnothersInternals() {
        assertThat(modules(production)).containsExactlyInAnyOrder("core", "cdi", "testkit");
        ModuleBoundaries.noReachIntoOtherModulesInternals().check(production);
    }

    @Test
    @DisplayName("the rule fails on a class that uses core's internal package from cdi")
    void ruleFailsOnAReachIntoInternals() {
        JavaClasses violating = new ClassFileImporter().importClasses(ReachesIntoCoreInternals.class);
        EvaluationResult result = ModuleBoundaries.noReachIntoOtherModulesInternals().evaluate(violating);
        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails())
                .anySatisfy(line -> assertThat(line).contains("core.internal.http.SafeText"));
    }

    @Test
    @DisplayName("accepting twin: the same use through core's public API passes")
    void rulePassesOnPublicApiUse() {
        JavaClasses clean = new ClassFileImporter().importClasses(UsesCorePublicApi.class);
        assertThat(ModuleBoundaries.noReachIntoOtherModulesInternals().evaluate(clean).hasViolation()).isFalse();
    }

    @Test
    @DisplayName("the public packages of core, cdi and testkit are exactly those the README documents")
    void publicPackagesAreDocumented() throws IOException {
        Set<String> publicPackages = new TreeSet<>();
        for (JavaClass c : production) {
            if (!ModuleBoundaries.isInternal(c.getPackageName()) && c.getModifiers().contains(JavaModifier.PUBLIC)) {
                publicPackages.add(c.getPackageName());
            }
        }
        assertThat(documentedPackages()).containsExactlyInAnyOrderElementsOf(publicPackages);
    }

    /** The packages named in the README's "Public packages" section, for core, cdi and testkit. */
    private static Set<String> documentedPackages() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        int start = readme.indexOf("\n## Public packages");
        assertThat(start).as("README section 'Public packages'").isPositive();
        int end = readme.indexOf("\n## ", start + 1);
        String section = readme.substring(start, end < 0 ? readme.length() : end);
        Set<String> documented = new TreeSet<>();
        Matcher m = Pattern.compile("`(io\\.github\\.itsmejakarta\\.[a-z.]+)`").matcher(section);
        while (m.find()) {
            String module = ModuleBoundaries.module(m.group(1));
            if (Set.of("core", "cdi", "testkit").contains(module)) {
                documented.add(m.group(1));
            }
        }
        return documented;
    }

    private static Set<String> modules(JavaClasses classes) {
        Set<String> modules = new TreeSet<>();
        classes.forEach(c -> modules.add(ModuleBoundaries.module(c.getPackageName())));
        return modules;
    }
}
