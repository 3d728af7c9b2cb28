package io.github.itsmejakarta.cdi.internal;

import io.github.itsmejakarta.core.Service;
import io.github.itsmejakarta.core.telemetry.ItsmeTelemetry;

/**
 * The telemetry core's client reports to inside the container: calls, callbacks and started logins go through, but
 * a login's outcome is counted by {@link LoginEvents}, where the identity stores' verdict and the integration's own
 * refusals (no login in progress, another person) are known, so that each callback counts exactly once.
 *
 * <p>Immutable and thread-safe when the delegate is.
 */
final class CallsOnlyTelemetry implements ItsmeTelemetry {
    private final ItsmeTelemetry delegate;

    CallsOnlyTelemetry(ItsmeTelemetry delegate) {
        this.delegate = delegate;
    }

    @Override
    public Operation outbound(String endpoint, String method, String host) {
        return delegate.outbound(endpoint, method, host);
    }

    @Override
    public Operation callback(Service service) {
        return delegate.callback(service);
    }

    @Override
    public void loginStarted(Service service) {
        delegate.loginStarted(service);
    }

    @Override
    public void loginSucceeded(Service service) {
        // counted by LoginEvents once the identity stores accepted the caller
    }

    @Override
    public void loginFailed(Service service, String messageId) {
        // counted by LoginEvents, with the integration's own refusals
    }
}
