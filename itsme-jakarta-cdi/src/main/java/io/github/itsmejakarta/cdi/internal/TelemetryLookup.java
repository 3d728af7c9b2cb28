package io.github.itsmejakarta.cdi.internal;

import io.github.itsmejakarta.core.telemetry.ItsmeTelemetry;
import jakarta.enterprise.inject.spi.BeanManager;

/**
 * Picks the telemetry of a deployment once: the container's {@code OpenTelemetry} bean when the OpenTelemetry API is
 * visible to the application and a bean of that type exists (MicroProfile Telemetry on Payara, WildFly and Liberty),
 * else {@code GlobalOpenTelemetry} through {@link ItsmeTelemetry#automatic()}, which is a no-op without the API.
 *
 * <p>Stateless and thread-safe.
 */
public final class TelemetryLookup {
    private TelemetryLookup() {
    }

    /** The telemetry for this deployment. */
    public static ItsmeTelemetry find(BeanManager beanManager) {
        if (!apiVisible()) {
            return ItsmeTelemetry.none();
        }
        // only reached with the API present, so that OpenTelemetryBeans links
        return OpenTelemetryBeans.containerOrGlobal(beanManager);
    }

    private static boolean apiVisible() {
        try {
            Class.forName("io.opentelemetry.api.OpenTelemetry", false, TelemetryLookup.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
