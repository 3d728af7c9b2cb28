package io.github.itsmejakarta.core.internal.request;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The states of logins this client has already completed, kept until their pending authorization expires, so that a
 * replayed callback is refused even when the application forgot to remove its stored login (checklist item 24: the
 * login state is single-use). Per JVM: across a cluster, the application's own removal is what counts.
 *
 * <p>Thread-safe.
 */
public final class UsedStates {
    private static final int PURGE_EVERY = 256;

    private final Map<String, Instant> used = new ConcurrentHashMap<>();
    private final AtomicInteger inserts = new AtomicInteger();

    /** Marks {@code state} used until {@code expiresAt}; false if it was already used. */
    public boolean markUsed(String state, Instant expiresAt, Instant now) {
        if (inserts.incrementAndGet() % PURGE_EVERY == 0) {
            used.values().removeIf(expiry -> expiry.isBefore(now));
        }
        return used.putIfAbsent(state, expiresAt) == null;
    }
}
