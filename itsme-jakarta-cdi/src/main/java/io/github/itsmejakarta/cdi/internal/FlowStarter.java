package io.github.itsmejakarta.cdi.internal;

import io.github.itsmejakarta.cdi.ItsmeAuthenticationParameters;
import io.github.itsmejakarta.cdi.ItsmeCdiMessage;
import io.github.itsmejakarta.cdi.ItsmeConfigKeys;
import io.github.itsmejakarta.core.Acr;
import io.github.itsmejakarta.core.AuthorizationRequest;
import io.github.itsmejakarta.core.ClaimsRequest;
import io.github.itsmejakarta.core.ItsmeClient;
import io.github.itsmejakarta.core.ItsmeCommunicationException;
import io.github.itsmejakarta.core.ItsmeException;
import io.github.itsmejakarta.core.PendingAuthorization;
import io.github.itsmejakarta.core.RequestObject;
import io.github.itsmejakarta.core.RequestObjectMode;
import io.github.itsmejakarta.core.Scope;
import io.github.itsmejakarta.core.Service;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Starts an itsme flow (login, share-data or confirm): builds the authorization request from the settings and the
 * flow's {@link ItsmeAuthenticationParameters}, lets core mint state, nonce and PKCE verifier (OIDC Core 3.1.2.1, RFC
 * 7636 4.1), remembers the login in progress with the path to return to, keeps a request object for itsme's fetch
 * when it travels by reference (OIDC Core 6.2), and redirects the browser (302) to itsme. Used by the mechanism for a
 * protected resource or {@code SecurityContext.authenticate}, and by {@code ItsmeContext.start} for a caller who is
 * already logged in: the callback is the same either way. A flow started by a logged-in caller remembers that caller's
 * {@code sub}, so that the callback can refuse another person (checklist item 38).
 *
 * <p>Every outcome is a complete response: the redirect, 400 when the request's host forms no usable callback URL
 * ({@link RedirectUris}), 500 when the flow's service code is not configured or core
 * refuses the request, 503 when itsme cannot be reached.
 *
 * <p>Immutable and thread-safe: its collaborators are.
 */
public final class FlowStarter {
    private static final System.Logger LOG = System.getLogger(FlowStarter.class.getName());

    private final ItsmeSettings settings;
    private final ServiceRoutes routes;
    private final LoginStateStore loginStates;
    private final RequestObjectStore requestObjects;
    private final ItsmeReachability reachability;

    FlowStarter(ItsmeSettings settings, ServiceRoutes routes, LoginStateStore loginStates,
            RequestObjectStore requestObjects, ItsmeReachability reachability) {
        this.settings = settings;
        this.routes = routes;
        this.loginStates = loginStates;
        this.requestObjects = requestObjects;
        this.reachability = reachability;
    }

    /** Sends the browser to itsme for the flow {@code parameters} name, or writes the error page. */
    public void start(HttpServletRequest request, HttpServletResponse response,
            ItsmeAuthenticationParameters parameters) throws IOException {
        String returnPath = returnPath(request, parameters.returnTo().orElse(null));
        AuthorizationRequest authorization;
        ServiceRoutes.Route route;
        try {
            route = route(parameters);
            authorization = authorizationRequest(parameters, route.service());
        } catch (ServiceNotConfigured e) {
            LOG.log(Level.ERROR, e.getMessage());
            ErrorPages.write(response, 500, "itsme login is not available", e.getMessage());
            return;
        }
        ItsmeClient client = route.client();
        Optional<RedirectUris.Target> target = route.redirectUris().forLogin(request);
        if (target.isEmpty()) {
            String message = ItsmeCdiMessage.HOST_UNUSABLE.format(ItsmeConfigKeys.REDIRECT_URI);
            LOG.log(Level.INFO, message);
            ErrorPages.write(response, 400, "Bad request", message);
            return;
        }
        try {
            PendingAuthorization pending = client.authorize(authorization, target.get().redirectUri(),
                    target.get().requestUriBase());
            Optional<RequestObject> requestObject = pending.requestObject();
            if (requestObject.isPresent()) {
                try {
                    requestObjects.put(requestObject.get());
                } catch (RuntimeException e) {
                    // the distributed cache cannot be reached (a partitioned cluster): no login starts by reference
                    ErrorPages.unavailable(response, ItsmeCdiMessage.REQUEST_OBJECT_STORE_FAILED.format(e.getClass()
                            .getName()));
                    return;
                }
            }
            ItsmeSessionData established = ItsmeSessionData.in(request.getSession(false));
            // share-data and confirm must come back for the caller who started them; a new login may switch
            // persons, which is how an application re-links an account whose itsme sub changed (ItsmeLoginSucceeded
            // carries the previous sub)
            String expectedSub = established == null || pending.service() == Service.LOGIN
                    ? null
                    : established.identity().sub();
            loginStates.save(request, response, LoginState.started(pending, returnPath,
                    parameters.approval().orElse(null), expectedSub, route.name()));
            response.setHeader("Cache-Control", "no-store");
            response.sendRedirect(pending.uri().toString());
        } catch (ItsmeCommunicationException e) {
            reachability.failed(e);
            ErrorPages.unavailable(response, e.messageId());
        } catch (ItsmeException e) {
            LOG.log(Level.ERROR, () -> ItsmeCdiMessage.INTERNAL_ERROR.format(e.getMessage()));
            ErrorPages.write(response, 500, "itsme login is not available",
                    ItsmeCdiMessage.INTERNAL_ERROR.format(e.messageId()));
        }
    }

    /**
     * The service the flow runs with: the one named in the parameters (which must exist and be of the flow's type),
     * else for a login the login service, else the top level.
     */
    private ServiceRoutes.Route route(ItsmeAuthenticationParameters p) throws ServiceNotConfigured {
        Optional<String> name = p.serviceName();
        if (name.isEmpty()) {
            return p.service() == Service.LOGIN ? routes.login() : routes.topLevel();
        }
        ServiceRoutes.Route route = routes.named(name.get()).orElseThrow(() -> new ServiceNotConfigured(
                ItsmeCdiMessage.SERVICE_UNKNOWN.format(name.get(), routes.names().isEmpty()
                        ? "none"
                        : String.join(", ", routes.names()))));
        if (route.service().flow() != p.service()) {
            throw new ServiceNotConfigured(ItsmeCdiMessage.SERVICE_FLOW_MISMATCH.format(flowName(p.service()),
                    name.get(), flowName(route.service().flow())));
        }
        return route;
    }

    private static String flowName(Service s) {
        return s.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /**
     * The authorization request of the flow: from the named service's settings when it runs with one (its flow type
     * decides: the login service may be a share-data one), else from the top-level settings.
     */
    private AuthorizationRequest authorizationRequest(ItsmeAuthenticationParameters p, NamedService named)
            throws ServiceNotConfigured {
        if (named != null) {
            AuthorizationRequest request = switch (named.flow()) {
                case LOGIN -> AuthorizationRequest.login(named.serviceCode());
                case SHARE_DATA -> AuthorizationRequest.shareData(named.serviceCode());
                case DATA_SHARING -> AuthorizationRequest.dataSharing(named.serviceCode());
                case CONFIRM -> AuthorizationRequest.confirm(named.serviceCode(), p.approval().orElseThrow());
            };
            return withParameters(request, p, named.flow(), named.scopes(), named.claims(), named.acr());
        }
        AuthorizationRequest request = switch (p.service()) {
            case LOGIN -> AuthorizationRequest.login(settings.serviceCode());
            case SHARE_DATA -> AuthorizationRequest.shareData(serviceCode(settings.shareDataServiceCode(),
                    ItsmeConfigKeys.SHARE_DATA_SERVICE_CODE, "share-data"));
            case CONFIRM -> AuthorizationRequest.confirm(serviceCode(settings.confirmServiceCode(),
                    ItsmeConfigKeys.CONFIRM_SERVICE_CODE, "confirm"), p.approval().orElseThrow());
            case DATA_SHARING -> AuthorizationRequest.dataSharing(serviceCode(settings.dataSharingServiceCode(),
                    ItsmeConfigKeys.DATA_SHARING_SERVICE_CODE, "data-sharing"));
        };
        return withParameters(request, p, p.service(), settings.scopes(), settings.claims(), settings.acr());
    }

    /** The configured scopes, claims and acr with the call's: scopes and claims added, an acr replacing. */
    private AuthorizationRequest withParameters(AuthorizationRequest request, ItsmeAuthenticationParameters p,
            Service flow, List<Scope> configuredScopes, List<String> configuredClaims, Acr configuredAcr) {
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        scopes.addAll(configuredScopes);
        scopes.addAll(p.scopes());
        request = request.scopes(scopes.toArray(Scope[]::new)).acr(p.acrOverride().orElse(configuredAcr))
                .claims(ClaimsRequest.idToken(configuredClaims.toArray(String[]::new)).merge(p.claims()));
        String[] locales = (p.uiLocales().isEmpty() ? settings.uiLocales() : p.uiLocales()).toArray(String[]::new);
        if (locales.length > 0) {
            request = request.uiLocales(locales);
        }
        // Confirm always needs a request object: core's default (by value) stays unless one was configured
        if (flow != Service.CONFIRM || settings.requestObject() != RequestObjectMode.NONE) {
            request = request.requestObject(settings.requestObject());
        }
        return request;
    }

    private static String serviceCode(String code, String key, String flow) throws ServiceNotConfigured {
        if (code == null) {
            throw new ServiceNotConfigured(ItsmeCdiMessage.SERVICE_NOT_CONFIGURED.format(flow, key));
        }
        return code;
    }

    /** A flow whose service code is not configured: the application's mistake, not the user's. */
    private static final class ServiceNotConfigured extends Exception {
        private static final long serialVersionUID = 1L;

        ServiceNotConfigured(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * The path to come back to: the one asked for if safe, else the current request's path and query for a GET, else
     * the application root. Always checked by {@link ReturnPaths} (a request for {@code //evil.example} is a path
     * too).
     */
    private static String returnPath(HttpServletRequest request, String requested) {
        if (requested != null) {
            Optional<String> safe = ReturnPaths.safe(requested);
            if (safe.isPresent()) {
                return safe.get();
            }
            LOG.log(Level.WARNING, ItsmeCdiMessage.RETURN_URL_REFUSED.format());
        }
        if (!"GET".equals(request.getMethod())) {
            return "/";
        }
        String uri = request.getRequestURI();
        String path = uri.substring(request.getContextPath().length());
        String query = request.getQueryString();
        Optional<String> safe = ReturnPaths.safe(query == null ? path : path + "?" + query);
        if (safe.isEmpty()) {
            LOG.log(Level.WARNING, ItsmeCdiMessage.RETURN_URL_REFUSED.format());
        }
        return safe.orElse("/");
    }
}
