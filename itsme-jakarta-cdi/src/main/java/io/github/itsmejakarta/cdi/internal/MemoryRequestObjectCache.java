package io.github.itsmejakarta.cdi.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Request objects in this node's memory, for servers that offer the application no distributed cache (or
 * {@code itsme.request-object-store=memory}): itsme's fetch must then reach the node that started the login.
 *
 * <p>Bounded, and never refusing: at most {@code capacity} entries, each for at most {@code lifetime}; when full, the
 * oldest entry goes. A stranger cannot use this to take a real user's request object away: itsme fetches it while the
 * user's browser follows the redirect, within seconds, and pushing a newer entry costs the stranger one started login,
 * each of which costs the server an RSA signature; {@code capacity} started logins take the server far longer than
 * that fetch (the README gives the measured rate). A full store used to answer 503 to everyone, which is what a flood
 * of started logins aimed for.
 *
 * <p>Entries are kept in insertion order, which is also expiry order (one lifetime for all): purging expired entries
 * and evicting the oldest only ever touch the head, so a put is O(1) whatever the size.
 *
 * <p>Thread-safe (one lock; every operation is short).
 */
public final class MemoryRequestObjectCache implements RequestObjectCache {
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>();
    private final int capacity;
    private final Duration lifetime;
    private final Clock clock;

    public MemoryRequestObjectCache(int capacity, Duration lifetime, Clock clock) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity < 1");
        }
        this.capacity = capacity;
        this.lifetime = lifetime;
        this.clock = clock;
    }

    @Override
    public synchronized void put(String id, String value) {
        Instant now = clock.instant();
        Iterator<Map.Entry<String, Entry>> oldest = entries.entrySet().iterator();
        while (oldest.hasNext()) {
            Map.Entry<String, Entry> e = oldest.next();
            if (entries.size() >= capacity || !now.isBefore(e.getValue().expiresAt())) {
                oldest.remove();
            } else {
                break;
            }
        }
        entries.put(id, new Entry(value, now.plus(lifetime)));
    }

    @Override
    public synchronized String getAndRemove(String id) {
        Entry e = entries.remove(id);
        return e == null || !clock.instant().isBefore(e.expiresAt()) ? null : e.value();
    }

    @Override
    public synchronized void remove(String id) {
        entries.remove(id);
    }

    synchronized int size() {
        return entries.size();
    }

    @Override
    public String description() {
        return "memory of this node (at most " + capacity + " request objects)";
    }

    private record Entry(String value, Instant expiresAt) {
    }
}
