package io.github.itsmejakarta.cdi.internal;

import io.github.itsmejakarta.core.ItsmeClient;
import io.github.itsmejakarta.core.ItsmeConfigurationException;
import io.github.itsmejakarta.core.ItsmeIdentity;
import io.github.itsmejakarta.core.keys.RelyingPartyKeys;
import java.net.URI;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The deployment's services and the client each logs in with: the top-level service ({@code itsme.*}) and every named
 * one ({@code itsme.services.<name>.*}). One core {@link ItsmeClient} per client id, built once at deployment: named
 * services without a client id of their own share the top-level client (and its discovery, JWK set cache and used
 * states); a service with its own client id gets its own client, which reads discovery and itsme's JWK set on its own
 * (core has no cache shared between clients). Each service has its own callback URL ({@link RedirectUris}): its
 * {@code redirect-uri}, else the top-level one, else the request's.
 *
 * <p>Immutable and thread-safe: its parts are.
 */
public final class ServiceRoutes {
    /**
     * One service's way to itsme.
     *
     * @param name the named service's name; {@code null} for the top-level service
     * @param service the named service's settings; {@code null} for the top-level service
     */
    public record Route(String name, NamedService service, ItsmeClient client, RedirectUris redirectUris) {
    }

    /** Builds a core client for one client id; the factory adds everything the top level decides. */
    @FunctionalInterface
    interface ClientFactory {
        ItsmeClient create(String clientId, RelyingPartyKeys keys, URI redirectUri) throws ItsmeConfigurationException;
    }

    private final Route topLevel;
    private final Map<String, Route> named;
    private final Route login;
    private final Map<String, ItsmeClient> clients;

    ServiceRoutes(ItsmeSettings settings, ClientFactory factory) throws ItsmeConfigurationException {
        Map<String, ItsmeClient> byClientId = new LinkedHashMap<>();
        ItsmeClient top = factory.create(settings.clientId(), settings.keys(), settings.redirectUri());
        byClientId.put(settings.clientId(), top);
        this.topLevel = new Route(null, null, top, new RedirectUris(settings.redirectUri(), settings.callbackPath(),
                settings.requestUriPath()));
        Map<String, Route> routes = new LinkedHashMap<>();
        for (NamedService s : settings.services().values()) {
            URI redirect = s.redirectUri();
            ItsmeClient client = byClientId.get(s.clientId());
            if (client == null) {
                // keys were checked at deployment: one client id, one JWK set (ITSME-1744)
                client = factory.create(s.clientId(), s.keys(), redirect != null ? redirect : settings.redirectUri());
                byClientId.put(s.clientId(), client);
            }
            routes.put(s.name(), new Route(s.name(), s, client, new RedirectUris(redirect, settings.callbackPath(),
                    settings.requestUriPath())));
        }
        this.named = Collections.unmodifiableMap(routes);
        this.clients = Collections.unmodifiableMap(byClientId);
        this.login = settings.loginService() == null ? topLevel : named.get(settings.loginService());
    }

    /** The top-level service. */
    public Route topLevel() {
        return topLevel;
    }

    /** The service of protected resources and of a login started without a name. */
    public Route login() {
        return login;
    }

    /** The named service {@code name}, if configured. */
    public Optional<Route> named(String name) {
        return Optional.ofNullable(named.get(name));
    }

    /** The names of the named services, sorted. */
    public Collection<String> names() {
        return named.keySet();
    }

    /** The service a login in progress was started for: {@code null} is the top level. */
    public Optional<Route> forLogin(String serviceName) {
        return serviceName == null ? Optional.of(topLevel) : named(serviceName);
    }

    /**
     * The client an established login came from, by its ID token's audience (OIDC Core 2: {@code aud} contains the
     * client id), so that userinfo is decrypted with the keys it was encrypted to; the top-level client otherwise.
     */
    public ItsmeClient clientOf(ItsmeIdentity identity) {
        for (Map.Entry<String, ItsmeClient> c : clients.entrySet()) {
            if (identity.audience().contains(c.getKey())) {
                return c.getValue();
            }
        }
        return topLevel.client();
    }

    /** Every client, the top-level one first. */
    public Collection<ItsmeClient> clients() {
        return clients.values();
    }
}
