package io.github.itsmejakarta.testkit.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Values that expire, by the injected clock: authorization codes, access tokens, pending consents. Thread-safe;
 * {@link #take} is atomic, so a value is handed out once (single-use codes).
 */
public final class ExpiringStore<T> {

    private record Entry<T>(T value, Instant expiresAt) {
    }

    private static final int PURGE_EVERY = 256;

    private final ConcurrentMap<String, Entry<T>> entries = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration lifetime;
    private final java.util.concurrent.atomic.AtomicInteger puts = new java.util.concurrent.atomic.AtomicInteger();

    public ExpiringStore(Clock clock, Duration lifetime) {
        this.clock = clock;
        this.lifetime = lifetime;
    }

    /** Stores a value for the store's lifetime. */
    public void put(String key, T value) {
        if (puts.incrementAndGet() % PURGE_EVERY == 0) {
            purge();
        }
        entries.put(key, new Entry<>(value, clock.instant().plus(lifetime)));
    }

    /** Removes and returns a live value; empty when unknown, already taken or expired. */
    public Optional<T> take(String key) {
        if (key == null) {
            return Optional.empty();
        }
        Entry<T> entry = entries.remove(key);
        return live(entry);
    }

    /** Returns a live value without removing it. */
    public Optional<T> get(String key) {
        if (key == null) {
            return Optional.empty();
        }
        return live(entries.get(key));
    }

    /** Removes a value. */
    public void remove(String key) {
        if (key != null) {
            entries.remove(key);
        }
    }

    /** Forgets everything. */
    public void clear() {
        entries.clear();
    }

    private Optional<T> live(Entry<T> entry) {
        if (entry == null || !clock.instant().isBefore(entry.expiresAt())) {
            return Optional.empty();
        }
        return Optional.of(entry.value());
    }

    private void purge() {
        Instant now = clock.instant();
        entries.values().removeIf(e -> !now.isBefore(e.expiresAt()));
    }
}
