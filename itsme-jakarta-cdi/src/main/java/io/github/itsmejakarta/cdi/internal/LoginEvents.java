package io.github.itsmejakarta.cdi.internal;

import io.github.itsmejakarta.cdi.ItsmeCdiMessage;
import io.github.itsmejakarta.cdi.ItsmeConfirmationCompleted;
import io.github.itsmejakarta.cdi.ItsmeLoginFailed;
import io.github.itsmejakarta.cdi.ItsmeLoginSucceeded;
import io.github.itsmejakarta.core.telemetry.ItsmeTelemetry;

import java.lang.System.Logger.Level;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Tells the application (CDI events) and the operator (telemetry counters) how each callback ended. Observers run
 * synchronously on the callback's request; an observer that throws is logged with ITSME-1771 and the login goes on,
 * since the user was already verified and the session already changed.
 *
 * <p>Immutable and thread-safe.
 */
public final class LoginEvents {
    private static final System.Logger LOG = System.getLogger(LoginEvents.class.getName());

    private final Consumer<Object> sink;
    private final ItsmeTelemetry telemetry;

    /**
     * @param sink fires an event to the application's observers: {@code BeanManager.getEvent()::fire} in a container
     */
    public LoginEvents(Consumer<Object> sink, ItsmeTelemetry telemetry) {
        this.sink = Objects.requireNonNull(sink, "sink");
        this.telemetry = Objects.requireNonNull(telemetry, "telemetry");
    }

    void succeeded(ItsmeLoginSucceeded event) {
        telemetry.loginSucceeded(event.service());
        fire(event);
    }

    void failed(ItsmeLoginFailed event) {
        telemetry.loginFailed(event.service().orElse(null), event.messageId());
        fire(event);
    }

    void confirmed(ItsmeConfirmationCompleted event) {
        fire(event);
    }

    private void fire(Object event) {
        try {
            sink.accept(event);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING,
                    ItsmeCdiMessage.EVENT_OBSERVER_FAILED.format(event.getClass().getSimpleName(),
                            e.getClass().getName()));
        }
    }
}
