package io.github.itsmejakarta.cdi.boundaryfixture;

import io.github.itsmejakarta.core.internal.http.SafeText;

/** Deliberately breaks the module boundary, so that {@code ModuleBoundaryTest} can show the rule fails on it. */
public final class ReachesIntoCoreInternals {
    private ReachesIntoCoreInternals() {
    }

    static String sanitise(String text) {
        return SafeText.description(text);
    }
}
