package io.github.itsmejakarta.cdi.internal;

import io.github.itsmejakarta.cdi.ItsmeCdiMessage;
import io.github.itsmejakarta.cdi.ItsmeConfigKeys;
import io.github.itsmejakarta.core.LoopbackUris;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The callback URL ({@code redirect_uri}, OIDC Core 3.1.2.1) and the request-object base ({@code request_uri}, OIDC
 * Core 6.2) of each login. With {@value ItsmeConfigKeys#REDIRECT_URI} set they are that URL and its sibling, whatever
 * the request says. Without it they are built from the request that starts the login, whose host name comes from the
 * browser ({@code Host}): that choice is made for that login only and kept nowhere else, so that requests with forged
 * host names can neither fill, evict nor poison anything another user relies on (checklist item 35); itsme refuses
 * a redirect URI it does not have registered anyway. A host that does not form a usable URL (plain http to a
 * non-loopback host, or not a host name at all) is refused for that request. The first request under a non-loopback
 * host name without the setting logs ITSME-1732 once: production sets {@value ItsmeConfigKeys#REDIRECT_URI}.
 *
 * <p>Thread-safe: immutable but for the once-only warning flag.
 */
public final class RedirectUris {
    private static final System.Logger LOG = System.getLogger(RedirectUris.class.getName());

    /** One login's URLs. */
    public record Target(URI redirectUri, URI requestUriBase) {
    }

    private final String callbackPath;
    private final String requestUriPath;
    private final Target configured;
    private final AtomicBoolean warned = new AtomicBoolean();

    RedirectUris(ItsmeSettings settings) {
        this(settings.redirectUri(), settings.callbackPath(), settings.requestUriPath());
    }

    /** @param redirectUri the configured callback URL; {@code null}: each login's is built from its request */
    RedirectUris(URI redirectUri, String callbackPath, String requestUriPath) {
        this.callbackPath = callbackPath;
        this.requestUriPath = requestUriPath;
        this.configured = redirectUri == null
                ? null
                : new Target(redirectUri, requestUriBase(redirectUri, callbackPath, requestUriPath));
    }

    /**
     * The URLs of a login started by {@code request}: the configured ones, else this application's callback URL as
     * the request names it; empty when the request's host does not form a usable one.
     */
    public Optional<Target> forLogin(HttpServletRequest request) {
        if (configured != null) {
            return Optional.of(configured);
        }
        String scheme = request.getScheme();
        String host = request.getServerName();
        int port = request.getServerPort();
        boolean defaultPort = "http".equals(scheme) && port == 80 || "https".equals(scheme) && port == 443;
        URI redirect;
        try {
            redirect = new URI(scheme, null, host, defaultPort ? -1 : port, request.getContextPath() + callbackPath,
                    null, null);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        if (redirect.getHost() == null || !LoopbackUris.isSecureOrLoopback(redirect)) {
            return Optional.empty();
        }
        if (!LoopbackUris.isLoopbackHost(redirect.getHost()) && warned.compareAndSet(false, true)) {
            LOG.log(Level.WARNING, ItsmeCdiMessage.REDIRECT_URI_FROM_REQUEST.format(ItsmeConfigKeys.REDIRECT_URI));
        }
        return Optional.of(new Target(redirect, requestUriBase(redirect, callbackPath, requestUriPath)));
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
