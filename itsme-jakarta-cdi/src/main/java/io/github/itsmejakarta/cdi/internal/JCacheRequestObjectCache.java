package io.github.itsmejakarta.cdi.internal;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.CreatedExpiryPolicy;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Request objects in the cluster's own distributed cache, through JCache (JSR 107): on Payara the Hazelcast data
 * grid its members already form ({@code payara/CacheManager} in JNDI), elsewhere the JCache provider the application
 * brings. Every node can serve an object that any node created, exactly once ({@code getAndRemove} is atomic across
 * the cluster), and the grid's backup copy keeps it when the node that created it stops.
 *
 * <p>Keys and values are strings, so the grid never has to load a class of the application. Entries expire
 * {@code lifetime} after their creation ({@link CreatedExpiryPolicy}); the grid's own eviction, if configured, only
 * ever removes the least recently used.
 *
 * <p>Only loaded when {@code javax.cache} is visible to the application ({@link RequestObjectStores}). Thread-safe, as
 * JCache caches are.
 */
public final class JCacheRequestObjectCache implements RequestObjectCache {
    /** Where Payara binds the CacheManager of its Hazelcast member. */
    static final String PAYARA_CACHE_MANAGER = "payara/CacheManager";

    private final Cache<String, String> cache;
    private final String description;

    private JCacheRequestObjectCache(Cache<String, String> cache, String description) {
        this.cache = cache;
        this.description = description;
    }

    /**
     * The cache {@code name} from the server's own CacheManager ({@code payara/CacheManager}) or, if
     * {@code standardProvider}, from JCache's default provider ({@code Caching.getCachingProvider()}); created with
     * {@code lifetime} if it does not exist yet. Empty if neither is available.
     *
     * <p>The default provider is only asked when the configuration says {@code jcache}: with some providers (a
     * Hazelcast jar on the class path) asking starts a new cluster member with its own network discovery.
     */
    static Optional<RequestObjectCache> find(String name, Duration lifetime, boolean standardProvider) {
        CacheManager manager = serverCacheManager();
        String where = PAYARA_CACHE_MANAGER;
        if (manager == null && standardProvider) {
            manager = Caching.getCachingProvider(JCacheRequestObjectCache.class.getClassLoader()).getCacheManager();
            where = manager.getCachingProvider().getClass().getName();
        }
        if (manager == null) {
            return Optional.empty();
        }
        return Optional.of(new JCacheRequestObjectCache(cache(manager, name, lifetime),
                "JCache '" + name + "' of " + where));
    }

    private static CacheManager serverCacheManager() {
        try {
            return new InitialContext().lookup(PAYARA_CACHE_MANAGER) instanceof CacheManager m ? m : null;
        } catch (NamingException | RuntimeException | LinkageError e) {
            return null; // not Payara, or no naming here (tests)
        }
    }

    static Cache<String, String> cache(CacheManager manager, String name, Duration lifetime) {
        Cache<String, String> cache = manager.getCache(name, String.class, String.class);
        if (cache != null) {
            return cache;
        }
        MutableConfiguration<String, String> config = new MutableConfiguration<String, String>()
                .setTypes(String.class, String.class).setStoreByValue(true)
                .setExpiryPolicyFactory(CreatedExpiryPolicy.factoryOf(
                        new javax.cache.expiry.Duration(TimeUnit.MILLISECONDS, lifetime.toMillis())));
        try {
            return manager.createCache(name, config);
        } catch (CacheException alreadyCreated) {
            // another node (or application instance) created it between the two calls
            Cache<String, String> created = manager.getCache(name, String.class, String.class);
            if (created == null) {
                throw alreadyCreated;
            }
            return created;
        }
    }

    /** Over an existing cache (tests with a local JCache provider). */
    static JCacheRequestObjectCache over(Cache<String, String> cache) {
        return new JCacheRequestObjectCache(cache, "JCache '" + cache.getName() + "'");
    }

    @Override
    public void put(String id, String value) {
        cache.put(id, value);
    }

    @Override
    public String getAndRemove(String id) {
        return cache.getAndRemove(id);
    }

    @Override
    public void remove(String id) {
        cache.remove(id);
    }

    @Override
    public String description() {
        return description;
    }
}
