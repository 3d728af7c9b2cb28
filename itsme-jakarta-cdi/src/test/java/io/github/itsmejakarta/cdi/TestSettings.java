package io.github.itsmejakarta.cdi;

import io.github.itsmejakarta.cdi.internal.ItsmeSettings;
import io.github.itsmejakarta.cdi.internal.SettingsResolver;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Settings resolved exactly as at deployment, from a map of config keys, without a container. */
final class TestSettings {
    private TestSettings() {
    }

    static ItsmeSettings of(Map<String, String> config) {
        SettingsResolver.Resolution r = resolve(config);
        if (!r.isValid()) {
            throw new IllegalArgumentException(r.problems().toString());
        }
        return r.settings();
    }

    /** The resolution, problems included; the map's keys are the property names (named services are found there). */
    static SettingsResolver.Resolution resolve(Map<String, String> config) {
        Map<String, String> values = new HashMap<>(config);
        return SettingsResolver.resolve(k -> Optional.ofNullable(values.get(k)).filter(v -> !v.isEmpty()),
                values.keySet(), Definitions.Empty.class.getAnnotation(ItsmeAuthenticationMechanismDefinition.class),
                s -> s);
    }
}
