package io.github.itsmejakarta.cdi.internal;

import io.github.itsmejakarta.core.telemetry.ItsmeTelemetry;
import jakarta.enterprise.inject.spi.BeanManager;

import java.lang.System.Logger.Level;

/**
 * Picks the telemetry of a deployment once: {@link ItsmeTelemetry#automatic()}, that is OpenTelemetry's global
 * instance when the OpenTelemetry API is visible to the application (read at every operation, so a server that
 * registers it later is still used), and nothing otherwise. The container's {@code OpenTelemetry} bean is not looked
 * up: resolving a bean while the deployment is being validated failed Payara Micro's deployment.
 *
 * <p>Stateless and thread-safe.
 */
public final class TelemetryLookup {
    private static final System.Logger LOG = System.getLogger(TelemetryLookup.class.getName());

    private TelemetryLookup() {
    }

    /** The telemetry for this deployment; never fails the deployment. */
    public static ItsmeTelemetry find(BeanManager beanManager) {
        try {
            return ItsmeTelemetry.automatic();
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.WARNING, "OpenTelemetry cannot be used ({0}); itsme calls are not reported",
                    e.getClass().getName());
            return ItsmeTelemetry.none();
        }
    }
}
