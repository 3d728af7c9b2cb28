package io.github.itsmejakarta.cdi.internal;

import io.github.itsmejakarta.core.RequestObject;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Request objects waiting for itsme to fetch them by {@code request_uri} (OIDC Core 6.2). Each is served once and
 * only until it expires (core sets the expiry to the login's, minutes away); expired entries are purged whenever one
 * is added, and the store holds at most {@value #MAX_ENTRIES} so that a flood of started logins cannot exhaust memory.
 *
 * <p>In memory on one node: with {@code itsme.request-object=reference} behind a load balancer, itsme's fetch must
 * reach the node that started the login (sticky routing on the path, or use {@code value}).
 *
 * <p>Thread-safe.
 */
public final class RequestObjectStore {
    static final int MAX_ENTRIES = 10_000;

    private final ConcurrentHashMap<String, RequestObject> byId = new ConcurrentHashMap<>();
    private final Clock clock;

    public RequestObjectStore(Clock clock) {
        this.clock = clock;
    }

    /**
     * Keeps {@code object} until it is fetched or expires.
     *
     * @return false if the store is full of unexpired objects
     */
    public boolean put(RequestObject object) {
        byId.values().removeIf(o -> !clock.instant().isBefore(o.expiresAt()));
        if (byId.size() >= MAX_ENTRIES) {
            return false;
        }
        byId.put(object.id(), object);
        return true;
    }

    /** The object with this id, removed: a second fetch finds nothing. Empty if unknown or expired. */
    public Optional<RequestObject> take(String id) {
        RequestObject object = byId.remove(id);
        if (object == null || !clock.instant().isBefore(object.expiresAt())) {
            return Optional.empty();
        }
        return Optional.of(object);
    }
}
