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

    /**
     * {@link OpenTelemetryItsmeTelemetry#global()} when the API is present and usable, {@link NoTelemetry} otherwise:
     * telemetry never fails a client (a server may expose an older or partial OpenTelemetry API to applications).
     */
    public static ItsmeTelemetry globalOrNone() {
        if (!PRESENT) {
            return NoTelemetry.INSTANCE;
        }
        try {
            return OpenTelemetryItsmeTelemetry.global();
        } catch (RuntimeException | LinkageError e) {
            System.getLogger(OpenTelemetryPresence.class.getName()).log(System.Logger.Level.WARNING,
                    "The OpenTelemetry API cannot be used ({0}); itsme calls are not reported", e.getClass().getName());
            return NoTelemetry.INSTANCE;
        }
    }

    private static boolean probe() {
        try {
            Class<?> global = Class.forName("io.opentelemetry.api.GlobalOpenTelemetry", true,
                    OpenTelemetryPresence.class.getClassLoader());
            // getOrNoop (API 1.x, recent) reads the global instance without locking it to a no-op
            global.getMethod("getOrNoop");
            return true;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return false;
        }
    }
}
