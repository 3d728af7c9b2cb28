package io.github.itsmejakarta.core.internal.telemetry;

import io.github.itsmejakarta.core.telemetry.ItsmeTelemetry;
import io.github.itsmejakarta.core.telemetry.OpenTelemetryItsmeTelemetry;

/**
 * Decides once whether the OpenTelemetry API can be used. The API is an optional dependency: without it,
 * {@link OpenTelemetryItsmeTelemetry} must never be linked, so it is reached only after the probe succeeded.
 * Thread-safe (the probe's result is a constant).
 */
public final class OpenTelemetryPresence {
    private static final boolean PRESENT = probe();

    private OpenTelemetryPresence() {
    }

    /** Whether {@code io.opentelemetry.api.GlobalOpenTelemetry} can be loaded by core's class loader. */
    public static boolean present() {
        return PRESENT;
    }

    /** {@link OpenTelemetryItsmeTelemetry#global()} when the API is present, {@link NoTelemetry} otherwise. */
    public static ItsmeTelemetry globalOrNone() {
        return PRESENT ? OpenTelemetryItsmeTelemetry.global() : NoTelemetry.INSTANCE;
    }

    private static boolean probe() {
        try {
            Class.forName("io.opentelemetry.api.GlobalOpenTelemetry", false,
                    OpenTelemetryPresence.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
