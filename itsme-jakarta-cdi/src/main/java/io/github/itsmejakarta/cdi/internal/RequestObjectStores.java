package io.github.itsmejakarta.cdi.internal;

import io.github.itsmejakarta.cdi.ItsmeCdiMessage;
import io.github.itsmejakarta.cdi.ItsmeConfigKeys;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Picks where request objects wait ({@link RequestObjectStoreMode}). JCache is only touched when its API is visible
 * to the application, so servers without it (WildFly, Open Liberty by default) never load a {@code javax.cache}
 * class.
 *
 * <p>Stateless; thread-safe.
 */
public final class RequestObjectStores {
    private RequestObjectStores() {
    }

    /**
     * The store for one application.
     *
     * @param cacheName the distributed cache's name: one per client id, so that two applications of a cluster never
     *            serve each other's objects
     * @throws IllegalStateException ({@link ItsmeCdiMessage#REQUEST_OBJECT_STORE_MISSING}) if {@code JCACHE} was
     *             configured and there is none
     */
    public static RequestObjectStore create(RequestObjectStoreMode mode, String cacheName, Duration lifetime,
            Clock clock) {
        Optional<RequestObjectCache> distributed = mode == RequestObjectStoreMode.MEMORY || !jcacheVisible()
                ? Optional.empty()
                : JCacheRequestObjectCache.find(cacheName, lifetime, mode == RequestObjectStoreMode.JCACHE);
        if (distributed.isEmpty() && mode == RequestObjectStoreMode.JCACHE) {
            throw new IllegalStateException(ItsmeCdiMessage.REQUEST_OBJECT_STORE_MISSING
                    .format(ItsmeConfigKeys.REQUEST_OBJECT_STORE));
        }
        RequestObjectCache cache = distributed
                .orElseGet(() -> new MemoryRequestObjectCache(RequestObjectStore.MAX_ENTRIES, lifetime, clock));
        return new RequestObjectStore(cache, clock);
    }

    /** Whether the JCache API is visible to this application. */
    public static boolean jcacheVisible() {
        try {
            Class.forName("javax.cache.Cache", false, RequestObjectStores.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
