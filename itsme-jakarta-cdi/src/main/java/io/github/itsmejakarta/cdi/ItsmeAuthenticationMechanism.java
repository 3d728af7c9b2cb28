package io.github.itsmejakarta.cdi;

import io.github.itsmejakarta.cdi.internal.ApiClients;
import io.github.itsmejakarta.cdi.internal.CallbackProcessor;
import io.github.itsmejakarta.cdi.internal.ErrorPages;
import io.github.itsmejakarta.cdi.internal.FlowStarter;
import io.github.itsmejakarta.cdi.internal.InternalFailures;
import io.github.itsmejakarta.cdi.internal.ItsmeSessionData;
import io.github.itsmejakarta.cdi.internal.ItsmeSettings;
import io.github.itsmejakarta.cdi.internal.RelyingParty;
import io.github.itsmejakarta.cdi.internal.RelyingPartyEndpoints;
import io.github.itsmejakarta.core.Service;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.function.Consumer;

/**
 * The itsme {@link HttpAuthenticationMechanism}: it sees every request of the application and dispatches, cheapest
 * test first, to the collaborator that does the work (as a login filter hands the work to its authentication
 * provider):
 * <ol>
 * <li>its own endpoints, matched on the request path: the callback ({@value ItsmeConfigKeys#CALLBACK_PATH}) to the
 * callback processor; the RP's public JWK set ({@value ItsmeConfigKeys#JWKS_PATH}) and request objects
 * ({@value ItsmeConfigKeys#REQUEST_URI_PATH} {@code /<id>}) to the RP's endpoints, and with named services each
 * one's JWK set ({@value ItsmeConfigKeys#JWKS_PATH} {@code /<name>}). Serving them here rather than from
 * a servlet works unchanged on Payara, WildFly and Liberty;</li>
 * <li>{@code SecurityContext.authenticate(...)}: the flow its {@link ItsmeAuthenticationParameters} name is started
 * (a login with other parameters); a login reuses an established session unless a new authentication is asked;</li>
 * <li>a session holding an itsme caller: the caller and groups are handed to the container again
 * ({@code notifyContainerAboutLogin}), with no token, key or network involved (what {@code @AutoApplySession} does,
 * kept in a session attribute so that it behaves the same on every container);</li>
 * <li>a protected resource: a login is started (302 to itsme), remembering the path and query to return to; a request
 * that cannot follow that redirect (a script's call, an API path: {@link ApiClients}) gets 401 with
 * {@code WWW-Authenticate: itsme} instead;</li>
 * <li>anything else: {@code doNothing()} at once: no session is created, nothing is looked up.</li>
 * </ol>
 *
 * <p>Whenever a collaborator wrote the response it returns {@code SEND_CONTINUE} (see {@link #ANSWERED}). An
 * unexpected failure answers 500 with ITSME-1730 and the exception's class, no stack trace; the log line adds the
 * sanitised message and the cause chain's classes, and ITSME-1734 when it is WildFly's integrated-JASPI failure.
 *
 * <p>Application-scoped and thread-safe: the collaborators are the deployment's one {@link RelyingParty}, built once.
 */
@ApplicationScoped
public class ItsmeAuthenticationMechanism implements HttpAuthenticationMechanism {
    private static final System.Logger LOG = System.getLogger(ItsmeAuthenticationMechanism.class.getName());
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
    @Inject
    BeanManager beanManager;

    private String callbackPath;
    private String jwksPath;
    private String serviceJwksPrefix;
    private String requestObjectPrefix;
    private FlowStarter flows;
    private CallbackProcessor callback;
    private RelyingPartyEndpoints endpoints;
    private ApiClients apiClients;

    /** For CDI. */
    public ItsmeAuthenticationMechanism() {
    }

    /**
     * Outside CDI (tests): the same mechanism over an explicit relying party and identity store handler, handing the
     * login events to {@code events}.
     */
    ItsmeAuthenticationMechanism(RelyingParty relyingParty, IdentityStoreHandler identityStoreHandler,
            Consumer<Object> events) {
        this.identityStoreHandler = identityStoreHandler;
        setUp(relyingParty, events);
    }

    @PostConstruct
    void init() {
        setUp(extension.relyingParty(), beanManager.getEvent()::fire);
    }

    private void setUp(RelyingParty relyingParty, Consumer<Object> events) {
        ItsmeSettings s = relyingParty.settings();
        this.callbackPath = s.callbackPath();
        this.jwksPath = s.jwksPath();
        this.serviceJwksPrefix = s.services().isEmpty() ? null : s.jwksPath() + "/";
        this.requestObjectPrefix = s.requestUriPath() + "/";
        this.flows = relyingParty.flows();
        this.callback = relyingParty.callbackProcessor(identityStoreHandler, events);
        this.endpoints = relyingParty.endpoints();
        this.apiClients = ApiClients.of(s);
    }

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext httpMessageContext) {
        try {
            return decide(request, response, httpMessageContext);
        } catch (IOException | RuntimeException e) {
            // the page names only the class; the log adds the sanitised message and the causes' classes, and the fix
            // when it is WildFly's integrated JASPI
            String message = ItsmeCdiMessage.INTERNAL_ERROR.format(e.getClass().getName());
            LOG.log(Level.ERROR, ItsmeCdiMessage.INTERNAL_ERROR.format(InternalFailures.describe(e)));
            String hint = InternalFailures.hint(e);
            if (hint != null) {
                LOG.log(Level.ERROR, hint);
            }
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
        if (pathIs(uri, offset, callbackPath)) {
            callback.complete(request, response, httpMessageContext);
            return ANSWERED;
        }
        if (pathIs(uri, offset, jwksPath)) {
            endpoints.serveJwks(response);
            return ANSWERED;
        }
        if (serviceJwksPrefix != null && uri.startsWith(serviceJwksPrefix, offset)) {
            endpoints.serveJwks(uri.substring(offset + serviceJwksPrefix.length()), response);
            return ANSWERED;
        }
        if (uri.startsWith(requestObjectPrefix, offset)) {
            endpoints.serveRequestObject(uri.substring(offset + requestObjectPrefix.length()), response);
            return ANSWERED;
        }
        ItsmeSessionData established = ItsmeSessionData.established(request);
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
            flows.start(request, response, itsme);
            return ANSWERED;
        }
        if (established != null) {
            return httpMessageContext.notifyContainerAboutLogin(established.caller(), established.groups());
        }
        if (httpMessageContext.isProtected()) {
            if (apiClients.cannotFollowRedirect(request)) {
                // a script or another program: a redirect to itsme's page would be followed invisibly, or not at all
                ApiClients.challenge(request, response);
                return ANSWERED;
            }
            flows.start(request, response, ItsmeAuthenticationParameters.login());
            return ANSWERED;
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
}
