package io.github.itsmejakarta.cdi.internal;

import io.github.itsmejakarta.core.ItsmeClient;
import io.github.itsmejakarta.core.ItsmeConfigurationException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The core clients of the application, one per redirect URI. With {@code itsme.redirect-uri} set there is exactly
 * one. Without it the redirect URI is built from the request that starts a login, whose host name comes from the
 * browser: so at most {@value #MAX_CLIENTS} are made, after which logins from further host names are refused rather
 * than letting forged {@code Host} headers grow the map (itsme would refuse an unregistered redirect URI anyway).
 * Building a client makes no network call; each fetches discovery on first use and caches it.
 *
 * <p>Thread-safe.
 */
public final class ItsmeClients {
    static final int MAX_CLIENTS = 8;

    private final ItsmeSettings settings;
    private final Clock clock;
    private final ConcurrentHashMap<URI, ItsmeClient> byRedirectUri = new ConcurrentHashMap<>();

    public ItsmeClients(ItsmeSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * The client for {@code redirectUri}.
     *
     * @throws ItsmeConfigurationException if core refuses the settings
     * @throws IllegalStateException if {@value #MAX_CLIENTS} clients exist already
     */
    public ItsmeClient forRedirectUri(URI redirectUri) throws ItsmeConfigurationException {
        ItsmeClient client = byRedirectUri.get(redirectUri);
        if (client != null) {
            return client;
        }
        if (byRedirectUri.size() >= MAX_CLIENTS) {
            throw new IllegalStateException("More than " + MAX_CLIENTS
                    + " host names started itsme logins; set itsme.redirect-uri");
        }
        ItsmeClient built = build(settings, redirectUri, clock);
        ItsmeClient raced = byRedirectUri.putIfAbsent(redirectUri, built);
        return raced != null ? raced : built;
    }

    /** A client for {@code redirectUri}; makes no network call. */
    public static ItsmeClient build(ItsmeSettings s, URI redirectUri, Clock clock) throws ItsmeConfigurationException {
        ItsmeClient.Builder b = s.environment() != null
                ? ItsmeClient.builder().discovery(s.environment())
                : ItsmeClient.builder().discoveryUri(s.discoveryUri());
        return b.clientId(s.clientId()).keys(s.keys()).redirectUri(redirectUri)
                .requestUriBase(requestUriBase(redirectUri, s.callbackPath(), s.requestUriPath()))
                .connectTimeout(s.connectTimeout()).readTimeout(s.readTimeout()).clockSkew(s.clockSkew())
                .pendingLifetime(s.loginTimeout()).clock(clock).build();
    }

    /**
     * Where request objects are served: the redirect URI with its callback path replaced by the request-uri path (so
     * that a context path or a proxy prefix carries over), or the redirect URI's origin plus that path. An https base
     * carries the explicit port {@code :443}, which itsme requires of a {@code request_uri}.
     */
    static URI requestUriBase(URI redirectUri, String callbackPath, String requestUriPath) {
        String path = redirectUri.getPath() == null ? "" : redirectUri.getPath();
        String prefix = path.endsWith(callbackPath) ? path.substring(0, path.length() - callbackPath.length()) : "";
        int port = redirectUri.getPort() == -1 && "https".equalsIgnoreCase(redirectUri.getScheme())
                ? 443
                : redirectUri.getPort();
        try {
            return new URI(redirectUri.getScheme(), redirectUri.getUserInfo(), redirectUri.getHost(), port,
                    prefix + requestUriPath, null, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Cannot derive the request_uri base from the redirect URI", e);
        }
    }
}
