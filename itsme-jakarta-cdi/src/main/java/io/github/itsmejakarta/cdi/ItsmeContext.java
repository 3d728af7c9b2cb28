package io.github.itsmejakarta.cdi;

import io.github.itsmejakarta.cdi.internal.ItsmeSessionData;
import io.github.itsmejakarta.cdi.internal.RelyingParty;
import io.github.itsmejakarta.core.Acr;
import io.github.itsmejakarta.core.ItsmeException;
import io.github.itsmejakarta.core.ItsmeIdentity;
import io.github.itsmejakarta.core.ItsmeUserInfo;
import io.github.itsmejakarta.core.claims.ItsmeClaims;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;

/**
 * The current caller's itsme login, injectable anywhere a request is active:
 *
 * <pre>
 * &#64;Inject
 * ItsmeContext itsme;
 * ...
 * String name = itsme.claims().flatMap(ItsmeClaims::name).orElse("?");
 * </pre>
 *
 * Everything here is read from the HTTP session; only {@link #userInfo()} goes to itsme, and only when asked (its
 * result is kept for the rest of the session), so that a login costs at most two RSA private-key operations.
 *
 * <p>Request-scoped; not for use across threads.
 */
@RequestScoped
public class ItsmeContext {

    @Inject
    Instance<HttpServletRequest> requests;
    @Inject
    ItsmeExtension extension;

    private HttpServletRequest request;
    private RelyingParty relyingParty;

    /** For CDI. */
    public ItsmeContext() {
    }

    /** Outside CDI (tests): over one request and the relying party the mechanism works with. */
    ItsmeContext(HttpServletRequest request, RelyingParty relyingParty) {
        this.request = request;
        this.relyingParty = relyingParty;
    }

    /** The deployment's flows and clients, shared with the mechanism so that a flow started here completes there. */
    private RelyingParty relyingParty() {
        if (relyingParty == null) {
            relyingParty = extension.relyingParty();
        }
        return relyingParty;
    }

    private HttpServletRequest request() {
        if (request == null) {
            request = requests.get();
        }
        return request;
    }

    private Optional<ItsmeSessionData> data() {
        return Optional.ofNullable(ItsmeSessionData.in(request().getSession(false)));
    }

    /** Whether the caller logged in with itsme in this session. */
    public boolean isAuthenticated() {
        return data().isPresent();
    }

    /** The caller, when the itsme identity store named it (another store may have validated the credential). */
    public Optional<ItsmeCallerPrincipal> caller() {
        return data().map(ItsmeSessionData::caller).filter(ItsmeCallerPrincipal.class::isInstance)
                .map(ItsmeCallerPrincipal.class::cast);
    }

    /** The verified ID token identity of the last itsme flow. */
    public Optional<ItsmeIdentity> identity() {
        return data().map(ItsmeSessionData::identity);
    }

    /** The identity claims from the ID token, typed. */
    public Optional<ItsmeClaims> claims() {
        return identity().map(ItsmeIdentity::claims);
    }

    /** The authentication level itsme reported. */
    public Optional<Acr> acr() {
        return identity().flatMap(ItsmeIdentity::acr);
    }

    /** The last Confirm flow the caller completed in this session. */
    public Optional<ItsmeConfirmation> lastConfirmation() {
        return data().map(ItsmeSessionData::lastConfirmation);
    }

    /**
     * The userinfo claims, fetched from itsme on the first call after a login (one network call, one RSA decryption)
     * and kept in the session afterwards; the session then drops itsme's access token, which it kept only for this.
     * Empty without an itsme login, and with {@value ItsmeConfigKeys#USERINFO}{@code =never} (the session holds no
     * access token to fetch it with).
     *
     * @throws ItsmeException when itsme cannot be reached or its answer fails a check (the login itself stays valid;
     *             the access token lives an hour)
     */
    public Optional<ItsmeUserInfo> userInfo() throws ItsmeException {
        Optional<ItsmeSessionData> data = data();
        if (data.isEmpty()) {
            return Optional.empty();
        }
        HttpSession session = request().getSession(false);
        Object cached = session.getAttribute(ItsmeSessionData.USERINFO_ATTRIBUTE);
        if (cached instanceof ItsmeUserInfo info && info.sub().equals(data.get().identity().sub())) {
            return Optional.of(info);
        }
        if (data.get().userInfoTokens() == null) {
            return Optional.empty();
        }
        ItsmeUserInfo info = relyingParty().userInfo(data.get());
        session.setAttribute(ItsmeSessionData.USERINFO_ATTRIBUTE, info);
        session.setAttribute(ItsmeSessionData.ATTRIBUTE, data.get().withoutUserInfoTokens());
        return Optional.of(info);
    }

    /**
     * Starts the itsme flow {@code parameters} name, typically share-data or confirm for a caller who is already
     * logged in: the browser is redirected to itsme (the login in progress is kept like any other), and itsme's
     * callback is completed by the mechanism, which then redirects to {@code returnTo} (or the current page for a
     * GET, else the root). Afterwards {@link #claims()} and {@link #lastConfirmation()} carry the result.
     *
     * <p>Use this rather than {@code SecurityContext.authenticate(request, response, parameters)} when the caller may
     * already be authenticated: Jakarta Security leaves it to the container whether {@code authenticate} calls the
     * mechanism again for an authenticated caller, and WildFly (Elytron) does not: it answers {@code SUCCESS} at once,
     * so the flow never reaches itsme. This method does not go through the container and works the same on every
     * server; {@code SecurityContext.authenticate} keeps working where the container calls the mechanism.
     *
     * <pre>
     * if (itsme.start(request, response, ItsmeAuthenticationParameters.confirm(approval).returnTo("/signed"))
     *         == AuthenticationStatus.SEND_CONTINUE) {
     *     return; // the response is written
     * }
     * </pre>
     *
     * @return {@code SEND_CONTINUE}: the response is complete (the redirect to itsme, or an error page: 500 when the
     *         flow's service code is not configured, 503 when itsme cannot be reached); write nothing more
     * @throws IOException when the response cannot be written
     */
    public AuthenticationStatus start(HttpServletRequest request, HttpServletResponse response,
            ItsmeAuthenticationParameters parameters) throws IOException {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(response, "response");
        Objects.requireNonNull(parameters, "parameters");
        relyingParty().flows().start(request, response, parameters);
        return AuthenticationStatus.SEND_CONTINUE;
    }

    /**
     * Ends the local login: the container forgets the caller ({@code HttpServletRequest.logout}) and the session is
     * invalidated. itsme has no end-session endpoint, so this is all a logout can do.
     */
    public void logout() throws ServletException {
        HttpServletRequest r = request();
        r.logout();
        HttpSession session = r.getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }
}
