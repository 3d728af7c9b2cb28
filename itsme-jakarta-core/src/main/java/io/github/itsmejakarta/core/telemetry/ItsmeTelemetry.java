package io.github.itsmejakarta.core.telemetry;

import io.github.itsmejakarta.core.Service;
import io.github.itsmejakarta.core.internal.telemetry.NoTelemetry;
import io.github.itsmejakarta.core.internal.telemetry.OpenTelemetryPresence;

/**
 * What {@link io.github.itsmejakarta.core.ItsmeClient} reports about its work: one operation per outbound call to
 * itsme (discovery, JWK set, token, userinfo) and per callback, and the logins it starts, completes and refuses.
 *
 * <p>The JDK {@code HttpClient} is instrumented by no agent, so this is the only place an operator sees itsme's
 * latency. Implementations receive no personal data: endpoint names, HTTP status codes, message ids and the flow
 * ({@link Service}), never a token, a code, a {@code sub} or a claim.
 *
 * <p>{@link #automatic()} uses OpenTelemetry when its API is on the class path ({@link OpenTelemetryItsmeTelemetry})
 * and does nothing otherwise; {@link #none()} always does nothing. Implementations must be thread-safe: one instance
 * serves every request of a client.
 */
public interface ItsmeTelemetry {

    /**
     * One timed piece of work, ended exactly once with {@link #end()}. Thread-confined: used by the thread that
     * started it.
     */
    interface Operation {
        /** The HTTP status itsme answered with. */
        void status(int httpStatus);

        /** The operation failed with this message id (e.g. {@code ITSME-1120}). */
        void failed(String messageId);

        /** Ends the operation, recording its duration. */
        void end();
    }

    /**
     * Starts an outbound call.
     *
     * @param endpoint the endpoint's name: {@code discovery}, {@code jwks}, {@code token} or {@code userinfo}
     * @param method the HTTP method
     * @param host the host called (itsme's, never the user's)
     */
    Operation outbound(String endpoint, String method, String host);

    /** Starts the processing of itsme's callback for a flow of this service. */
    Operation callback(Service service);

    /** A login of this flow was started (an authorization URL handed out). */
    void loginStarted(Service service);

    /** A login of this flow completed with a valid ID token. */
    void loginSucceeded(Service service);

    /**
     * A login was refused or failed with this message id; {@code service} is {@code null} when the callback matched
     * no login in progress.
     */
    void loginFailed(Service service, String messageId);

    /** Reports nothing. */
    static ItsmeTelemetry none() {
        return NoTelemetry.INSTANCE;
    }

    /**
     * OpenTelemetry's global instance ({@code GlobalOpenTelemetry}) when the OpenTelemetry API is on the class path,
     * {@link #none()} otherwise. The global instance is looked up at every operation, so an SDK registered after the
     * client was built is still used.
     */
    static ItsmeTelemetry automatic() {
        return OpenTelemetryPresence.globalOrNone();
    }
}
