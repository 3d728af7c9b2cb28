package io.github.itsmejakarta.cdi.internal;

/**
 * Where request objects wait for itsme's fetch: a string key (the random id of the {@code request_uri}) to a string
 * value ({@link RequestObjectStore} encodes the expiry and the JWT), so that nothing of the application's classes has
 * to cross a cluster's serialization. Implementations decide where the entries live: this node's memory, or the
 * cluster's distributed cache.
 *
 * <p>Implementations are thread-safe; {@link #getAndRemove} is atomic, across the cluster where there is one.
 */
public interface RequestObjectCache {
    /** Keeps {@code value} under {@code id} for at most the cache's lifetime. */
    void put(String id, String value);

    /** The value of {@code id}, removed in the same step: of concurrent callers, at most one gets it. */
    String getAndRemove(String id);

    /** Forgets {@code id}, if present. */
    void remove(String id);

    /** What and where, for the log: {@code "memory of this node"}, {@code "JCache itsme.request-objects..."}. */
    String description();
}
