package io.github.itsmejakarta.cdi.internal;

import io.github.itsmejakarta.core.RequestObject;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Request objects waiting for itsme to fetch them by {@code request_uri} (OIDC Core 6.2, RFC 9101 5.2): each is served
 * once and only until it expires (core sets the expiry to the login's). Where they wait is the
 * {@link RequestObjectCache}'s business: the cluster's distributed cache (JCache) so that itsme's fetch may reach any
 * node, or this node's memory.
 *
 * <p>Only ids of the form core generates reach the cache: a fetch for anything else is unknown at once, so strangers
 * cannot make the cache look up keys of their choosing.
 *
 * <p>Thread-safe.
 */
public final class RequestObjectStore {
    /** At most this many request objects wait in one node's memory (the in-memory cache only). */
    static final int MAX_ENTRIES = 10_000;
    /** Core's ids: 32 random bytes, base64url without padding (43 characters); some room for other generators. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{16,128}");

    private final RequestObjectCache cache;
    private final Clock clock;

    public RequestObjectStore(RequestObjectCache cache, Clock clock) {
        this.cache = cache;
        this.clock = clock;
    }

    /** Keeps {@code object} until it is fetched or expires. Never refuses: a full cache drops its oldest entry. */
    public void put(RequestObject object) {
        cache.put(object.id(), object.expiresAt().toEpochMilli() + "." + object.jwt());
    }

    /** The object with this id, removed: a second fetch, on any node, finds nothing. Empty if unknown or expired. */
    public Optional<RequestObject> take(String id) {
        if (!ID.matcher(id).matches()) {
            return Optional.empty();
        }
        String value = cache.getAndRemove(id);
        if (value == null) {
            return Optional.empty();
        }
        int dot = value.indexOf('.');
        Instant expiresAt;
        try {
            expiresAt = Instant.ofEpochMilli(Long.parseLong(value.substring(0, dot)));
        } catch (RuntimeException e) {
            return Optional.empty(); // not written by this class
        }
        if (!clock.instant().isBefore(expiresAt)) {
            return Optional.empty();
        }
        return Optional.of(new RequestObject(id, value.substring(dot + 1), expiresAt));
    }

    /** Forgets the object with this id: its login ended or was dropped before itsme fetched it. */
    public void remove(String id) {
        if (ID.matcher(id).matches()) {
            cache.remove(id);
        }
    }

    /** Whether every node of a cluster sees the same objects. */
    public boolean isDistributed() {
        return !(cache instanceof MemoryRequestObjectCache);
    }

    /** Where the objects wait, for the deployment log. */
    public String description() {
        return cache.description();
    }
}
