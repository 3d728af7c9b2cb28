package io.github.itsmejakarta.core.internal.discovery;

import io.github.itsmejakarta.core.ItsmeCommunicationException;
import io.github.itsmejakarta.core.ItsmeConfigurationException;
import io.github.itsmejakarta.core.ItsmeException;
import io.github.itsmejakarta.core.ItsmeMessage;
import io.github.itsmejakarta.core.ItsmeRejectedException;

import java.lang.System.Logger.Level;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Reads itsme's discovery document once and keeps what it says for the life of the client, so that an outage of
 * itsme costs each caller at most one timeout and never a queue of them:
 * <ul>
 * <li><b>single flight:</b> concurrent callers share one fetch. The caller that starts it does the network wait;
 * the others wait on its result, not on a lock, so none of them waits longer than that one fetch.</li>
 * <li><b>failures remembered:</b> a failed read is remembered for {@code failureMemory} (measured with the injected
 * {@link Clock}); callers in that time, like the callers that waited on the failed fetch, fail at once with ITSME-1104 naming
 * the failure, instead of each
 * waiting out the timeouts again. After it, the next caller tries again.</li>
 * <li><b>never read:</b> as long as no read has succeeded, {@link #everRead()} is false; the first failure is logged
 * once at WARNING as ITSME-1105 with the discovery URL, because a document that was never reachable is usually a
 * configuration problem (wrong environment, no route, wrong discovery URI) rather than an outage.</li>
 * </ul>
 *
 * <p>Thread-safe: the state is guarded by a monitor held only for field updates, never across the network.
 */
public final class ProviderSource {
    /** Reads and checks the document once; may block on the network. */
    @FunctionalInterface
    public interface Loader {
        ProviderContext load() throws ItsmeException;
    }

    private static final System.Logger LOG = System.getLogger(ProviderSource.class.getName());

    private final URI discoveryUri;
    private final Loader loader;
    private final Clock clock;
    private final Duration failureMemory;
    private final AtomicBoolean warned = new AtomicBoolean();
    private final Object lock = new Object();
    private volatile ProviderContext provider;
    private CompletableFuture<ProviderContext> inFlight; // guarded by lock
    private ItsmeException failure; // guarded by lock
    private Instant retryAt; // guarded by lock

    /** A source for the document at {@code discoveryUri}, remembering failures for {@code failureMemory}. */
    public ProviderSource(URI discoveryUri, Loader loader, Clock clock, Duration failureMemory) {
        this.discoveryUri = discoveryUri;
        this.loader = loader;
        this.clock = clock;
        this.failureMemory = failureMemory;
    }

    /** Whether a read of the discovery document has ever succeeded. */
    public boolean everRead() {
        return provider != null;
    }

    /**
     * What discovery says, read now if it never was.
     *
     * @throws ItsmeException the read's own failure for the caller whose fetch failed or that waited on it; ITSME-1104
     *             (same exception class, the remembered failure as cause) while a failure is remembered
     */
    public ProviderContext get() throws ItsmeException {
        ProviderContext p = provider;
        if (p != null) {
            return p;
        }
        CompletableFuture<ProviderContext> shared;
        boolean fetching = false;
        synchronized (lock) {
            if (provider != null) {
                return provider;
            }
            if (failure != null && clock.instant().isBefore(retryAt)) {
                throw remembered(failure, retryAt);
            }
            if (inFlight == null) {
                inFlight = new CompletableFuture<>();
                fetching = true;
            }
            shared = inFlight;
        }
        return fetching ? fetch(shared) : await(shared);
    }

    private ProviderContext fetch(CompletableFuture<ProviderContext> shared) throws ItsmeException {
        try {
            ProviderContext p = loader.load();
            synchronized (lock) {
                provider = p;
                failure = null;
                inFlight = null;
            }
            shared.complete(p);
            return p;
        } catch (ItsmeException | RuntimeException | Error e) {
            ItsmeException remembered = e instanceof ItsmeException ie
                    ? ie
                    : new ItsmeCommunicationException(ItsmeMessage.DISCOVERY_UNAVAILABLE, e, discoveryUri,
                            e.getClass().getSimpleName());
            synchronized (lock) {
                failure = remembered;
                retryAt = clock.instant().plus(failureMemory);
                inFlight = null;
            }
            warnOnceIfNeverRead(remembered);
            shared.completeExceptionally(remembered);
            if (e instanceof ItsmeException) {
                throw remembered;
            }
            if (e instanceof Error err) {
                throw err;
            }
            throw (RuntimeException) e;
        }
    }

    private ProviderContext await(CompletableFuture<ProviderContext> shared) throws ItsmeException {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return shared.get();
                } catch (InterruptedException e) {
                    interrupted = true; // the fetch is bounded by its own timeouts: finish waiting for it
                } catch (ExecutionException e) {
                    ItsmeException cause = (ItsmeException) e.getCause();
                    Instant until;
                    synchronized (lock) {
                        until = retryAt;
                    }
                    throw remembered(cause, until);
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void warnOnceIfNeverRead(ItsmeException e) {
        if (provider == null && warned.compareAndSet(false, true)) {
            LOG.log(Level.WARNING, ItsmeMessage.DISCOVERY_NEVER_READ.format(discoveryUri, e.getMessage()));
        }
    }

    /**
     * ITSME-1104 as the same kind of exception as the failure, which is its cause: each caller gets its own exception
     * (and stack trace), and a container maps it as it maps the original.
     */
    private static ItsmeException remembered(ItsmeException failure, Instant retryAt) {
        ItsmeMessage m = ItsmeMessage.DISCOVERY_FAILURE_REMEMBERED;
        if (failure instanceof ItsmeConfigurationException) {
            return new ItsmeConfigurationException(m, failure, retryAt, failure.getMessage());
        }
        if (failure instanceof ItsmeRejectedException) {
            return new ItsmeRejectedException(m, failure, retryAt, failure.getMessage());
        }
        return new ItsmeCommunicationException(m, failure, retryAt, failure.getMessage());
    }
}
