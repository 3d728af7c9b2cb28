package io.github.itsmejakarta.cdi.internal;

import io.github.itsmejakarta.cdi.ItsmeCdiMessage;
import io.github.itsmejakarta.cdi.ItsmeConfigKeys;
import io.github.itsmejakarta.core.ItsmeCommunicationException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Tells a configuration problem from an outage. Core fetches itsme's discovery document on first use and keeps it, so
 * once any login step succeeded in this deployment the document was reached; until then, a failure to fetch it is
 * most likely the configuration (wrong {@value ItsmeConfigKeys#ENVIRONMENT}, a wrong or missing
 * {@value ItsmeConfigKeys#DISCOVERY_URI}, no route from this server to itsme) rather than itsme being down. Such a
 * failure logs ITSME-1736 with the URL, beside the ITSME-1723 the user sees (the page stays generic), at most once a
 * minute so that an outage at start-up does not flood the log.
 *
 * <p>A failure concerns discovery when core says so: ITSME-1101, or a communication failure naming the discovery
 * endpoint.
 *
 * <p>Thread-safe: one volatile flag and an atomic timestamp.
 */
public final class ItsmeReachability {
    private static final System.Logger LOG = System.getLogger(ItsmeReachability.class.getName());
    static final Duration LOG_INTERVAL = Duration.ofMinutes(1);

    private final URI discoveryUri;
    private final Clock clock;
    private volatile boolean reached;
    private final AtomicReference<Instant> lastLogged = new AtomicReference<>();

    ItsmeReachability(URI discoveryUri, Clock clock) {
        this.discoveryUri = discoveryUri;
        this.clock = clock;
    }

    /** A login step succeeded: itsme's discovery document has been read. */
    public void reached() {
        reached = true;
    }

    /** Logs ITSME-1736 when {@code failure} is the discovery document never reached since deployment. */
    public void failed(ItsmeCommunicationException failure) {
        if (reached || !concernsDiscovery(failure)) {
            return;
        }
        Instant now = clock.instant();
        Instant last = lastLogged.get();
        if ((last == null || !now.isBefore(last.plus(LOG_INTERVAL))) && lastLogged.compareAndSet(last, now)) {
            LOG.log(Level.WARNING, ItsmeCdiMessage.DISCOVERY_NEVER_REACHED.format(discoveryUri, failure.messageId(),
                    ItsmeConfigKeys.ENVIRONMENT, ItsmeConfigKeys.DISCOVERY_URI));
        }
    }

    private static boolean concernsDiscovery(ItsmeCommunicationException failure) {
        String message = failure.getMessage();
        return "ITSME-1101".equals(failure.messageId()) || message != null && message.contains("discovery endpoint");
    }
}
