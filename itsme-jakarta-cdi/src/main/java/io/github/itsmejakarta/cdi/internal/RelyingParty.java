package io.github.itsmejakarta.cdi.internal;

import io.github.itsmejakarta.core.ItsmeException;
import io.github.itsmejakarta.core.ItsmeUserInfo;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import java.time.Clock;

/**
 * What one deployment of the itsme mechanism shares between requests: the settings, the core clients, the logins in
 * progress and the request objects waiting for itsme, and the collaborators built over them: {@link FlowStarter}
 * (sends the browser to itsme), {@link CallbackProcessor} (completes itsme's callback) and
 * {@link RelyingPartyEndpoints} (the RP's public JWK set and request objects). Built once per deployment by the
 * extension after the settings are validated; the mechanism and {@code ItsmeContext} both work over the same instance,
 * so that a flow started by either completes at the mechanism's callback and its request object is served by the
 * mechanism's endpoint.
 *
 * <p>Immutable after construction and thread-safe: every part is thread-safe.
 */
public final class RelyingParty {
    private final ItsmeSettings settings;
    private final Clock clock;
    private final ItsmeClients clients;
    private final LoginStateStore loginStates;
    private final RequestObjectStore requestObjects;
    private final FlowStarter flows;
    private final RelyingPartyEndpoints endpoints;

    public RelyingParty(ItsmeSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.clients = new ItsmeClients(settings, clock);
        this.loginStates = settings.loginState() == LoginStateMode.COOKIE
                ? new CookieLoginStateStore(settings.cookieKey(), settings.cookieName(), settings.callbackPath(),
                        settings.loginTimeout(), clock)
                : new SessionLoginStateStore(clock);
        this.requestObjects = new RequestObjectStore(clock);
        this.flows = new FlowStarter(settings, clients, loginStates, requestObjects);
        this.endpoints = new RelyingPartyEndpoints(settings, requestObjects);
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

    /** Completes callbacks, handing each verified identity to {@code identityStoreHandler}. */
    public CallbackProcessor callbackProcessor(IdentityStoreHandler identityStoreHandler) {
        return new CallbackProcessor(clients, loginStates, identityStoreHandler, clock);
    }

    /** Fetches userinfo for an established login (one RSA decryption, one network call). */
    public ItsmeUserInfo userInfo(ItsmeSessionData data) throws ItsmeException {
        return clients.forRedirectUri(data.redirectUri()).userInfo(data.tokens());
    }
}
