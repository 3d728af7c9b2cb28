package io.github.itsmejakarta.core.internal.telemetry;

import io.github.itsmejakarta.core.Service;
import io.github.itsmejakarta.core.telemetry.ItsmeTelemetry;

/** Telemetry that reports nothing and allocates nothing. Immutable and thread-safe. */
public enum NoTelemetry implements ItsmeTelemetry, ItsmeTelemetry.Operation {
    INSTANCE;

    @Override
    public Operation outbound(String endpoint, String method, String host) {
        return this;
    }

    @Override
    public Operation callback(Service service) {
        return this;
    }

    @Override
    public void loginStarted(Service service) {
        // nothing to report to
    }

    @Override
    public void loginSucceeded(Service service) {
        // nothing to report to
    }

    @Override
    public void loginFailed(Service service, String messageId) {
        // nothing to report to
    }

    @Override
    public void status(int httpStatus) {
        // nothing to report to
    }

    @Override
    public void failed(String messageId) {
        // nothing to report to
    }

    @Override
    public void end() {
        // nothing to report to
    }
}
