package io.github.itsmejakarta.cdi.internal;

import io.github.itsmejakarta.cdi.ItsmeCdiMessage;
import io.github.itsmejakarta.cdi.ItsmeConfigKeys;
import io.github.itsmejakarta.core.ItsmeClient;
import io.github.itsmejakarta.core.ItsmeCommunicationException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Tells a configuration problem from an outage. Core fetches itsme's discovery document on first use and keeps it;
 * until it has read it once ({@link ItsmeClient#hasReadDiscovery()}), a communication failure is a failure to fetch
 * it, and most likely the configuration (wrong {@value ItsmeConfigKeys#ENVIRONMENT}, a wrong or missing
 * {@value ItsmeConfigKeys#DISCOVERY_URI}, no route from this server to itsme) rather than itsme being down. Such a
 * failure logs ITSME-1736 with the URL, beside the ITSME-1723 the user sees (the page stays generic), at most once a
 * minute so that an outage at start-up does not flood the log.
 *
 * <p>Thread-safe: the client is, and the timestamp is atomic.
 */
public final class ItsmeReachability {
    private static final System.Logger LOG = System.getLogger(ItsmeReachability.class.getName());
    static final Duration LOG_INTERVAL = Duration.ofMinutes(1);

    private final URI discoveryUri;
    private final Collection<ItsmeClient> clients;
    private final Clock clock;
    private final AtomicReference<Instant> lastLogged = new AtomicReference<>();

    /** @param clients every client of the deployment (named services may have their own): they share discovery */
    ItsmeReachability(URI discoveryUri, Collection<ItsmeClient> clients, Clock clock) {
        this.discoveryUri = discoveryUri;
        this.clients = List.copyOf(clients);
        this.clock = clock;
    }

    /** Logs ITSME-1736 when {@code failure} is the discovery document never reached since deployment. */
    public void failed(ItsmeCommunicationException failure) {
        if (clients.stream().anyMatch(ItsmeClient::hasReadDiscovery)) {
            return;
        }
        Instant now = clock.instant();
        Instant last = lastLogged.get();
        if ((last == null || !now.isBefore(last.plus(LOG_INTERVAL))) && lastLogged.compareAndSet(last, now)) {
            LOG.log(Level.WARNING, ItsmeCdiMessage.DISCOVERY_NEVER_REACHED.format(discoveryUri, failure.messageId(),
                    ItsmeConfigKeys.ENVIRONMENT, ItsmeConfigKeys.DISCOVERY_URI));
        }
    }
}
