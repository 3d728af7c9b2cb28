package io.github.itsmejakarta.cdi.internal;

import io.github.itsmejakarta.cdi.internal.health.ProviderReadiness;
import io.github.itsmejakarta.core.ItsmeClient;
import io.github.itsmejakarta.core.ItsmeClientBuilder;
import io.github.itsmejakarta.core.ItsmeConfigurationException;
import io.github.itsmejakarta.cdi.ItsmeCdiMessage;
import io.github.itsmejakarta.cdi.ItsmeConfigKeys;
import io.github.itsmejakarta.core.ItsmeException;
import io.github.itsmejakarta.core.ItsmeUserInfo;
import io.github.itsmejakarta.core.RequestObjectMode;
import io.github.itsmejakarta.core.keys.RelyingPartyKeys;
import io.github.itsmejakarta.core.telemetry.ItsmeTelemetry;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import java.net.URI;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.function.Consumer;

/**
 * What one deployment of the itsme mechanism shares between requests: the settings, the core clients (one per client
 * id: the top level's and those of named services with a client id of their own, {@link ServiceRoutes}; each fetches
 * and keeps discovery, itsme's keys and the used states once, whichever host name a login came in under: each login
 * names its own redirect URI, see {@link RedirectUris}), the logins in progress and the request objects waiting for itsme, and the collaborators built over them: {@link FlowStarter}
 * (sends the browser to itsme), {@link CallbackProcessor} (completes itsme's callback) and
 * {@link RelyingPartyEndpoints} (the RP's public JWK set and request objects). Built once per deployment by the
 * extension after the settings are validated; the mechanism and {@code ItsmeContext} both work over the same instance,
 * so that a flow started by either completes at the mechanism's callback and its request object is served by the
 * mechanism's endpoint.
 *
 * <p>Immutable after construction and thread-safe: every part is thread-safe.
 */
public final class RelyingParty {
    private static final System.Logger LOG = System.getLogger(RelyingParty.class.getName());
    private final ItsmeSettings settings;
    private final Clock clock;
    private final ItsmeClient client;
    private final ServiceRoutes routes;
    private final ItsmeTelemetry telemetry;
    private final ProviderReadiness readiness;
    private final LoginStateStore loginStates;
    private final RequestObjectStore requestObjects;
    private final FlowStarter flows;
    private final RelyingPartyEndpoints endpoints;
    private final ItsmeReachability reachability;

    /**
     * Builds the deployment's parts; no network call.
     *
     * @throws ItsmeConfigurationException if core refuses the settings (e.g. no JSON-B implementation, ITSME-1006)
     */
    public RelyingParty(ItsmeSettings settings, Clock clock, ItsmeTelemetry telemetry)
            throws ItsmeConfigurationException {
        this.settings = settings;
        this.clock = clock;
        this.telemetry = telemetry;
        this.routes = new ServiceRoutes(settings, (clientId, keys, redirect) -> client(settings, clientId, keys,
                redirect, clock, telemetry));
        this.client = routes.topLevel().client();
        this.readiness = new ProviderReadiness(client::checkProvider, settings.healthMaxAge(), clock);
        this.requestObjects = requestObjectStore(settings, clock);
        this.loginStates = settings.loginState() == LoginStateMode.COOKIE
                ? new CookieLoginStateStore(settings.cookieKey(), settings.cookieName(), settings.callbackPath(),
                        settings.loginTimeout(), clock)
                : new SessionLoginStateStore(clock, requestObjects::remove);
        this.reachability = new ItsmeReachability(settings.discoveryUri(), routes.clients(), clock);
        this.flows = new FlowStarter(settings, routes, loginStates, requestObjects, reachability);
        this.endpoints = new RelyingPartyEndpoints(settings, requestObjects);
        if (!settings.services().isEmpty()) {
            LOG.log(Level.INFO, () -> "itsme services: " + settings.services().values() + "; protected resources use "
                    + (settings.loginService() == null ? "the top-level service" : settings.loginService())
                    + "; core clients: " + routes.clients().size());
        }
    }

    /** Where request objects wait: only reference mode looks for a distributed cache, and says which it found. */
    private static RequestObjectStore requestObjectStore(ItsmeSettings s, Clock c) {
        if (s.requestObject() != RequestObjectMode.REFERENCE) {
            return RequestObjectStores.create(RequestObjectStoreMode.MEMORY, "", s.loginTimeout(), c);
        }
        RequestObjectStore store = RequestObjectStores.create(s.requestObjectStore(),
                "itsme.request-objects." + s.clientId(), s.loginTimeout(), c);
        if (store.isDistributed()) {
            LOG.log(Level.INFO, ItsmeCdiMessage.REQUEST_OBJECTS_KEPT_IN.format(store.description()));
        } else {
            LOG.log(Level.WARNING, ItsmeCdiMessage.REQUEST_OBJECTS_NODE_LOCAL.format(s.requestUriPath() + "/*",
                    ItsmeConfigKeys.REQUEST_OBJECT));
        }
        return store;
    }

    /** The validated settings. */
    public ItsmeSettings settings() {
        return settings;
    }

    /** Starts flows: for the mechanism and for {@code ItsmeContext.start}. */
    public FlowStarter flows() {
        return flows;
    }

    /** Serves the RP's public JWK set and its request objects. */
    public RelyingPartyEndpoints endpoints() {
        return endpoints;
    }

    /**
     * Completes callbacks, handing each verified identity to {@code identityStoreHandler} and the login events to
     * {@code events} (the CDI event bus in a container).
     */
    public CallbackProcessor callbackProcessor(IdentityStoreHandler identityStoreHandler, Consumer<Object> events) {
        return new CallbackProcessor(routes, loginStates, identityStoreHandler, new LoginEvents(events, telemetry),
                clock, reachability, settings.userInfo());
    }

    /** Whether itsme is usable now, for the readiness check. */
    public ProviderReadiness readiness() {
        return readiness;
    }

    /**
     * Fetches userinfo for an established login that still holds its access token (one RSA decryption, one network
     * call), with the client of the service it logged in with (the ID token's audience names it).
     */
    public ItsmeUserInfo userInfo(ItsmeSessionData data) throws ItsmeException {
        if (data.userInfoTokens() == null) {
            throw new IllegalStateException("the session holds no access token for userinfo");
        }
        return routes.clientOf(data.identity()).userInfo(data.userInfoTokens());
    }

    /**
     * The core client. Its own redirect URI is the configured one; without one, a loopback stand-in that no login
     * sends, because every login passes its own ({@link FlowStarter}).
     */
    private static ItsmeClient client(ItsmeSettings s, String clientId, RelyingPartyKeys keys, URI redirectUri,
            Clock clock, ItsmeTelemetry telemetry) throws ItsmeConfigurationException {
        URI redirect = redirectUri != null ? redirectUri : URI.create("http://localhost" + s.callbackPath());
        ItsmeClientBuilder b = s.environment() != null
                ? ItsmeClient.builder().discovery(s.environment())
                : ItsmeClient.builder().discoveryUri(s.discoveryUri());
        return b.clientId(clientId).keys(keys).redirectUri(redirect).connectTimeout(s.connectTimeout())
                .readTimeout(s.readTimeout()).clockSkew(s.clockSkew())
                .jwksRefetchInterval(s.jwksRefetchInterval()).pendingLifetime(s.loginTimeout()).clock(clock)
                // the callback decides whether a login succeeded (identity stores included): LoginEvents counts it
                .telemetry(new CallsOnlyTelemetry(telemetry)).build();
    }
}
