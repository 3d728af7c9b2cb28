package io.github.itsmejakarta.cdi;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * The project's module boundary as an ArchUnit rule: a class may use another module's public packages, never its
 * {@code ..internal..} packages. A module is the package segment after {@code io.github.itsmejakarta} ({@code core},
 * {@code cdi}, {@code testkit}, {@code benchmarks}, {@code examples}), so a module's own internals stay usable.
 */
final class ModuleBoundaries {
    static final String ROOT = "io.github.itsmejakarta.";

    private ModuleBoundaries() {
    }

    /** No class reaches into another module's internal package. */
    static ArchRule noReachIntoOtherModulesInternals() {
        return classes().should(new ArchCondition<JavaClass>("not depend on another module's internal packages") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                for (Dependency d : origin.getDirectDependenciesFromSelf()) {
                    String target = d.getTargetClass().getPackageName();
                    boolean violates = isInternal(target) && target.startsWith(ROOT)
                            && !module(target).equals(module(origin.getPackageName()));
                    if (violates) {
                        events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                    }
                }
            }
        });
    }

    static boolean isInternal(String packageName) {
        return (packageName + ".").contains(".internal.");
    }

    /** {@code core} for {@code io.github.itsmejakarta.core.internal.http}. */
    static String module(String packageName) {
        if (!packageName.startsWith(ROOT)) {
            return packageName;
        }
        String rest = packageName.substring(ROOT.length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }
}
