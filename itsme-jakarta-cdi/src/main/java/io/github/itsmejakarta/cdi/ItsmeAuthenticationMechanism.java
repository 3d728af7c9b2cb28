package io.github.itsmejakarta.cdi;

import io.github.itsmejakarta.cdi.internal.CookieLoginStateStore;
import io.github.itsmejakarta.cdi.internal.ErrorPages;
import io.github.itsmejakarta.cdi.internal.ItsmeClients;
import io.github.itsmejakarta.cdi.internal.ItsmeSessionData;
import io.github.itsmejakarta.cdi.internal.ItsmeSettings;
import io.github.itsmejakarta.cdi.internal.LoginState;
import io.github.itsmejakarta.cdi.internal.LoginStateMode;
import io.github.itsmejakarta.cdi.internal.LoginStateStore;
import io.github.itsmejakarta.cdi.internal.RequestObjectStore;
import io.github.itsmejakarta.cdi.internal.ReturnPaths;
import io.github.itsmejakarta.cdi.internal.SessionLoginStateStore;
import io.github.itsmejakarta.core.AuthorizationRequest;
import io.github.itsmejakarta.core.AuthorizationResponse;
import io.github.itsmejakarta.core.ClaimsRequest;
import io.github.itsmejakarta.core.ItsmeClient;
import io.github.itsmejakarta.core.ItsmeCommunicationException;
import io.github.itsmejakarta.core.ItsmeErrorResponseException;
import io.github.itsmejakarta.core.ItsmeException;
import io.github.itsmejakarta.core.ItsmeTokens;
import io.github.itsmejakarta.core.ItsmeUserInfo;
import io.github.itsmejakarta.core.PendingAuthorization;
import io.github.itsmejakarta.core.RequestObject;
import io.github.itsmejakarta.core.RequestObjectMode;
import io.github.itsmejakarta.core.Scope;
import io.github.itsmejakarta.core.Service;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The itsme {@link HttpAuthenticationMechanism}. It sees every request of the application and decides, cheapest test
 * first:
 * <ol>
 * <li>its own endpoints, matched on the request path: the callback ({@value ItsmeConfigKeys#CALLBACK_PATH}), the RP's
 * public JWK set ({@value ItsmeConfigKeys#JWKS_PATH}) and request objects ({@value ItsmeConfigKeys#REQUEST_URI_PATH}
 * {@code /<id>}). Serving them here rather than from a servlet works unchanged on Payara, WildFly and Liberty;</li>
 * <li>{@code SecurityContext.authenticate(...)}: starts the flow its {@link ItsmeAuthenticationParameters} name (a
 * login with other parameters);</li>
 * <li>a session holding an itsme caller: the caller and groups are handed to the container again
 * ({@code notifyContainerAboutLogin}), with no token, key or network involved (what {@code @AutoApplySession} does,
 * kept in a session attribute so that it behaves the same on every container);</li>
 * <li>a protected resource: redirect (302, GET) to itsme, remembering the path and query to return to;</li>
 * <li>anything else: {@code doNothing()} at once: no session is created, nothing is looked up.</li>
 * </ol>
 *
 * <p>The callback checks the state against this browser's logins in progress (single use), lets core exchange the
 * code and validate the ID token, hands an {@link ItsmeCredential} to the {@link IdentityStoreHandler}, changes the
 * session id (no session fixation, checklist item 32), stores the caller in the session, notifies the container and
 * redirects to the remembered path. Refusals answer 401 with a message id, an unreachable or "temporarily unavailable"
 * itsme answers 503; the pages never carry a stack trace, a token, a code or a key. Whenever the mechanism wrote the
 * response itself it returns {@code SEND_CONTINUE} (see {@link #ANSWERED}).
 *
 * <p>Application-scoped and thread-safe: settings, clients and stores are built once in {@link #init()}.
 */
@ApplicationScoped
public class ItsmeAuthenticationMechanism implements HttpAuthenticationMechanism {
    private static final System.Logger LOG = System.getLogger(ItsmeAuthenticationMechanism.class.getName());
    /** Cache lifetime of the public JWK set: itsme caches it 30 min to 24 h; an hour keeps rotations prompt. */
    static final String JWKS_CACHE_CONTROL = "public, max-age=3600";
    /**
     * What the mechanism returns once it has written a complete response itself: a redirect, one of its endpoints, or
     * an error page (401, 404, 500, 503, the status set on the response). {@code SEND_CONTINUE}, not
     * {@code SEND_FAILURE}, because {@code SEND_FAILURE} does not stop every container: on a path the application
     * does not protect (the callback has no servlet), Open Liberty goes on to serve the request after
     * {@code SEND_FAILURE} and appends its own "Error 404 ... SRVE0190E" to the page. With {@code SEND_CONTINUE}
     * Payara (Soteria), WildFly and Liberty all send the response as the mechanism left it, as they do after the
     * redirect to itsme; its Javadoc ({@code AuthenticationStatus.SEND_CONTINUE}) also tells application code calling
     * {@code SecurityContext.authenticate} not to write to the response, which is what a complete page needs.
     */
    static final AuthenticationStatus ANSWERED = AuthenticationStatus.SEND_CONTINUE;

    @Inject
    ItsmeExtension extension;
    @Inject
    IdentityStoreHandler identityStoreHandler;

    private ItsmeSettings settings;
    private Clock clock;
    private ItsmeClients clients;
    private LoginStateStore loginStates;
    private RequestObjectStore requestObjects;
    private String requestObjectPrefix;
    private byte[] publicJwks;

    /** For CDI. */
    public ItsmeAuthenticationMechanism() {
    }

    /** Outside CDI (tests): the same mechanism over explicit settings, identity store handler and clock. */
    ItsmeAuthenticationMechanism(ItsmeSettings settings, IdentityStoreHandler identityStoreHandler, Clock clock) {
        this.identityStoreHandler = identityStoreHandler;
        setUp(settings, clock);
    }

    @PostConstruct
    void init() {
        setUp(extension.settings(), Clock.systemUTC());
    }

    private void setUp(ItsmeSettings s, Clock c) {
        this.settings = s;
        this.clock = c;
        this.clients = new ItsmeClients(s, c);
        this.loginStates = s.loginState() == LoginStateMode.COOKIE
                ? new CookieLoginStateStore(s.cookieKey(), s.cookieName(), s.callbackPath(), s.loginTimeout(), c)
                : new SessionLoginStateStore(c);
        this.requestObjects = new RequestObjectStore(c);
        this.requestObjectPrefix = s.requestUriPath() + "/";
        this.publicJwks = s.keys().publicJwkSetJson().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext httpMessageContext) {
        try {
            return decide(request, response, httpMessageContext);
        } catch (IOException | RuntimeException e) {
            // the message of a library's exception may quote input (a token): only the class is logged and shown
            String message = ItsmeCdiMessage.INTERNAL_ERROR.format(e.getClass().getName());
            LOG.log(Level.ERROR, message);
            try {
                if (!response.isCommitted()) {
                    ErrorPages.write(response, 500, "itsme login is not available", message);
                }
            } catch (IOException | RuntimeException ignored) {
                // the client went away; nothing left to tell it
            }
            return ANSWERED;
        }
    }

    private AuthenticationStatus decide(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext httpMessageContext) throws IOException {
        String uri = request.getRequestURI();
        int offset = request.getContextPath().length();
        if (pathIs(uri, offset, settings.callbackPath())) {
            return callback(request, response, httpMessageContext);
        }
        if (pathIs(uri, offset, settings.jwksPath())) {
            return serveJwks(response);
        }
        if (uri.startsWith(requestObjectPrefix, offset)) {
            return serveRequestObject(uri.substring(offset + requestObjectPrefix.length()), response);
        }
        ItsmeSessionData established = established(request);
        if (httpMessageContext.isAuthenticationRequest()) {
            // SecurityContext.authenticate: a login may reuse the session unless newAuthentication is asked for;
            // share-data and confirm always go to itsme
            AuthenticationParameters parameters = httpMessageContext.getAuthParameters();
            ItsmeAuthenticationParameters itsme = parameters instanceof ItsmeAuthenticationParameters p
                    ? p
                    : ItsmeAuthenticationParameters.login().newAuthentication(parameters != null
                            && parameters.isNewAuthentication());
            if (established != null && itsme.service() == Service.LOGIN && !itsme.isNewAuthentication()) {
                return httpMessageContext.notifyContainerAboutLogin(established.caller(), established.groups());
            }
            return start(request, response, itsme);
        }
        if (established != null) {
            return httpMessageContext.notifyContainerAboutLogin(established.caller(), established.groups());
        }
        if (httpMessageContext.isProtected()) {
            return start(request, response, ItsmeAuthenticationParameters.login());
        }
        return httpMessageContext.doNothing();
    }

    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext httpMessageContext) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(ItsmeSessionData.ATTRIBUTE);
        }
        HttpAuthenticationMechanism.super.cleanSubject(request, response, httpMessageContext);
    }

    private static boolean pathIs(String uri, int offset, String path) {
        return uri.length() == offset + path.length() && uri.startsWith(path, offset);
    }

    /** The itsme login kept in this request's session, if any; creates no session. */
    static ItsmeSessionData established(HttpServletRequest request) {
        if (request.getRequestedSessionId() == null) {
            return null; // no session cookie: no session to look up (the common public request)
        }
        HttpSession session = request.getSession(false);
        // instanceof, not a cast: after a redeployment the session may hold the old class loader's instance
        return session != null && session.getAttribute(ItsmeSessionData.ATTRIBUTE) instanceof ItsmeSessionData d
                ? d
                : null;
    }

    // ------------------------------------------------------------------ starting a flow

    /**
     * Sends the browser to itsme for the flow {@code parameters} name, remembering the login in progress, or writes
     * the error page. Called from {@code validateRequest} and, for a caller who is already logged in, from
     * {@link ItsmeContext#start}: the callback is the same either way.
     *
     * @return {@link #ANSWERED}: the response is complete
     */
    AuthenticationStatus start(HttpServletRequest request, HttpServletResponse response,
            ItsmeAuthenticationParameters parameters) throws IOException {
        String returnPath = returnPath(request, parameters.returnTo().orElse(null));
        AuthorizationRequest authorization;
        try {
            authorization = authorizationRequest(parameters);
        } catch (ServiceNotConfigured e) {
            LOG.log(Level.ERROR, e.getMessage());
            ErrorPages.write(response, 500, "itsme login is not available", e.getMessage());
            return ANSWERED;
        }
        try {
            ItsmeClient client = clients.forRedirectUri(redirectUri(request));
            PendingAuthorization pending = client.authorize(authorization);
            Optional<RequestObject> requestObject = pending.requestObject();
            if (requestObject.isPresent() && !requestObjects.put(requestObject.get())) {
                return unavailable(response, "too many logins in progress");
            }
            loginStates.save(request, response, new LoginState(pending, returnPath,
                    parameters.approval().orElse(null)));
            response.setHeader("Cache-Control", "no-store");
            response.sendRedirect(pending.uri().toString());
            return ANSWERED;
        } catch (ItsmeCommunicationException e) {
            return unavailable(response, e.messageId());
        } catch (ItsmeException e) {
            LOG.log(Level.ERROR, () -> ItsmeCdiMessage.INTERNAL_ERROR.format(e.getMessage()));
            ErrorPages.write(response, 500, "itsme login is not available",
                    ItsmeCdiMessage.INTERNAL_ERROR.format(e.messageId()));
            return ANSWERED;
        }
    }

    private AuthorizationRequest authorizationRequest(ItsmeAuthenticationParameters p) throws ServiceNotConfigured {
        AuthorizationRequest request = switch (p.service()) {
            case LOGIN -> AuthorizationRequest.login(settings.serviceCode());
            case SHARE_DATA -> AuthorizationRequest.shareData(serviceCode(settings.shareDataServiceCode(),
                    ItsmeConfigKeys.SHARE_DATA_SERVICE_CODE, "share-data"));
            case CONFIRM -> AuthorizationRequest.confirm(serviceCode(settings.confirmServiceCode(),
                    ItsmeConfigKeys.CONFIRM_SERVICE_CODE, "confirm"), p.approval().orElseThrow());
        };
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        scopes.addAll(settings.scopes());
        scopes.addAll(p.scopes());
        request = request.scopes(scopes.toArray(Scope[]::new)).acr(p.acrOverride().orElse(settings.acr()))
                .claims(ClaimsRequest.idToken(settings.claims().toArray(String[]::new)).merge(p.claims()));
        String[] locales = (p.uiLocales().isEmpty() ? settings.uiLocales() : p.uiLocales()).toArray(String[]::new);
        if (locales.length > 0) {
            request = request.uiLocales(locales);
        }
        // Confirm always needs a request object: core's default (by value) stays unless one was configured
        if (p.service() != Service.CONFIRM || settings.requestObject() != RequestObjectMode.NONE) {
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
    private String returnPath(HttpServletRequest request, String requested) {
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

    /** The configured redirect URI, else this application's callback URL as the request names it. */
    private URI redirectUri(HttpServletRequest request) {
        if (settings.redirectUri() != null) {
            return settings.redirectUri();
        }
        String scheme = request.getScheme();
        int port = request.getServerPort();
        boolean defaultPort = "http".equals(scheme) && port == 80 || "https".equals(scheme) && port == 443;
        try {
            return new URI(scheme, null, request.getServerName(), defaultPort ? -1 : port,
                    request.getContextPath() + settings.callbackPath(), null, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("The request's host does not form a redirect URI", e);
        }
    }

    // ------------------------------------------------------------------ the callback

    private AuthenticationStatus callback(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext httpMessageContext) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        AuthorizationResponse authorization;
        try {
            authorization = AuthorizationResponse.fromParameterMap(request.getParameterMap());
        } catch (ItsmeException e) {
            return refused(response, e.messageId());
        }
        Optional<LoginState> login = authorization.state().flatMap(s -> loginStates.take(request, response, s));
        if (login.isEmpty()) {
            String message = ItsmeCdiMessage.LOGIN_NOT_IN_PROGRESS.format();
            LOG.log(Level.INFO, message);
            ErrorPages.write(response, 401, "itsme login failed", message + ". Please start again.");
            return ANSWERED;
        }
        LoginState state = login.get();
        PendingAuthorization pending = state.pending();
        ItsmeTokens tokens;
        try {
            tokens = clients.forRedirectUri(pending.redirectUri()).exchange(authorization, pending);
        } catch (ItsmeErrorResponseException e) {
            if (e.isTemporarilyUnavailable()) {
                return unavailable(response, e.messageId() + " " + e.error());
            }
            return refused(response, e.messageId() + " " + e.error());
        } catch (ItsmeCommunicationException e) {
            return unavailable(response, e.messageId());
        } catch (ItsmeException e) {
            LOG.log(Level.INFO, e.getMessage()); // core's messages carry no secret
            return refused(response, e.messageId());
        }
        CredentialValidationResult result = identityStoreHandler
                .validate(new ItsmeCredential(tokens.identity(), pending.service()));
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            String message = ItsmeCdiMessage.CREDENTIAL_REFUSED.format(result.getStatus());
            LOG.log(Level.INFO, message);
            ErrorPages.write(response, 401, "itsme login failed", message);
            return ANSWERED;
        }
        HttpSession session = request.getSession(true);
        request.changeSessionId();
        Object previous = session.getAttribute(ItsmeSessionData.ATTRIBUTE);
        ItsmeConfirmation confirmation = state.approval() != null
                ? new ItsmeConfirmation(state.approval(), tokens.identity(), clock.instant())
                : previous instanceof ItsmeSessionData p ? p.lastConfirmation() : null;
        session.setAttribute(ItsmeSessionData.ATTRIBUTE, new ItsmeSessionData(result.getCallerPrincipal(),
                result.getCallerGroups(), tokens, pending.redirectUri(), confirmation));
        httpMessageContext.notifyContainerAboutLogin(result.getCallerPrincipal(), result.getCallerGroups());
        response.sendRedirect(request.getContextPath() + state.returnPath());
        return ANSWERED;
    }

    private static AuthenticationStatus refused(HttpServletResponse response, String cause) throws IOException {
        String message = ItsmeCdiMessage.LOGIN_FAILED.format(cause);
        LOG.log(Level.INFO, message);
        ErrorPages.write(response, 401, "itsme login failed", message + ". Please start again.");
        return ANSWERED;
    }

    private static AuthenticationStatus unavailable(HttpServletResponse response, String cause) throws IOException {
        String message = ItsmeCdiMessage.ITSME_UNAVAILABLE.format(cause);
        LOG.log(Level.WARNING, message);
        response.setHeader("Retry-After", "30");
        ErrorPages.write(response, 503, "itsme is unavailable", message + ". Please try again in a moment.");
        return ANSWERED;
    }

    // ------------------------------------------------------------------ the RP's own endpoints

    private AuthenticationStatus serveJwks(HttpServletResponse response) throws IOException {
        response.setStatus(200);
        response.setContentType("application/jwk-set+json");
        response.setHeader("Cache-Control", JWKS_CACHE_CONTROL);
        response.setContentLength(publicJwks.length);
        response.getOutputStream().write(publicJwks);
        response.flushBuffer();
        return ANSWERED;
    }

    private AuthenticationStatus serveRequestObject(String id, HttpServletResponse response) throws IOException {
        Optional<RequestObject> object = requestObjects.take(id);
        response.setHeader("Cache-Control", "no-store");
        if (object.isEmpty()) {
            ErrorPages.write(response, 404, "Not found", ItsmeCdiMessage.REQUEST_OBJECT_UNKNOWN.format());
            return ANSWERED;
        }
        byte[] body = object.get().jwt().getBytes(StandardCharsets.US_ASCII);
        response.setStatus(200);
        response.setContentType(RequestObject.MEDIA_TYPE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
        return ANSWERED;
    }

    // ------------------------------------------------------------------ for ItsmeContext

    /** Fetches userinfo for an established login (one RSA decryption, one network call). */
    ItsmeUserInfo userInfo(ItsmeSessionData data) throws ItsmeException {
        return clients.forRedirectUri(data.redirectUri()).userInfo(data.tokens());
    }
}
