package io.github.itsmejakarta.cdi.internal.health;

import io.github.itsmejakarta.cdi.ItsmeCdiMessage;
import io.github.itsmejakarta.cdi.internal.InternalFailures;
import io.github.itsmejakarta.core.ItsmeException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Whether itsme is usable, as a readiness probe sees it: ready while the last successful check of itsme's discovery
 * document and JWK set is younger than {@code maxAge}. A stale or missing success triggers one new check; callers that
 * arrive while a check runs get the current state instead of waiting (a probe endpoint must never pile up threads on
 * an itsme outage).
 *
 * <p>Thread-safe.
 */
public final class ProviderReadiness {
    private static final Logger LOG = Logger.getLogger(ProviderReadiness.class.getName());

    /** One check of itsme; returns normally when discovery and the JWK set were read and usable. */
    @FunctionalInterface
    public interface Check {
        void run() throws ItsmeException;
    }

    /**
     * The state a probe reports.
     *
     * @param ready whether the last success is younger than the maximum age
     * @param lastSuccess when itsme was last read successfully
     * @param failureId the message id of the last failure since that success
     */
    public record State(boolean ready, Optional<Instant> lastSuccess, Optional<String> failureId) {
    }

    private final Check check;
    private final Duration maxAge;
    private final Clock clock;
    private final ReentrantLock checking = new ReentrantLock();
    private volatile Instant lastSuccess;
    private volatile String failureId = ItsmeCdiMessage.HEALTH_NOT_CHECKED.id();

    public ProviderReadiness(Check check, Duration maxAge, Clock clock) {
        this.check = Objects.requireNonNull(check, "check");
        this.maxAge = Objects.requireNonNull(maxAge, "maxAge");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The current state, checking itsme first when the last success is missing or stale and no check runs. */
    public State state() {
        if (!fresh() && checking.tryLock()) {
            try {
                if (!fresh()) {
                    runCheck();
                }
            } finally {
                checking.unlock();
            }
        }
        Instant success = lastSuccess;
        boolean ready = fresh();
        return new State(ready, Optional.ofNullable(success), ready ? Optional.empty() : Optional.of(failureId));
    }

    private boolean fresh() {
        Instant success = lastSuccess;
        return success != null && clock.instant().isBefore(success.plus(maxAge));
    }

    private void runCheck() {
        try {
            check.run();
            lastSuccess = clock.instant();
        } catch (ItsmeException e) {
            failureId = e.messageId();
        } catch (RuntimeException e) {
            // not an itsme answer but a fault of ours: the probe names the internal-error id, the log keeps the cause
            failureId = ItsmeCdiMessage.INTERNAL_ERROR.id();
            LOG.log(Level.WARNING, ItsmeCdiMessage.INTERNAL_ERROR.format(InternalFailures.describe(e)));
        }
    }
}
