package io.github.itsmejakarta.cdi.internal;

import io.github.itsmejakarta.cdi.ItsmeConfirmation;
import io.github.itsmejakarta.core.ItsmeTokens;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.net.URI;
import java.util.Objects;
import java.util.Set;

/**
 * What an established itsme login leaves in the HTTP session: the caller and groups the identity stores gave (so that
 * later requests re-establish the caller without a token, a key or the network), the tokens (the access token is only
 * used if the application asks for userinfo), the redirect URI the login used (it selects the client) and the last
 * completed confirmation.
 *
 * <p>Immutable and thread-safe; serializable for session replication. {@link #toString()} shows no token.
 *
 * @param lastConfirmation nullable
 */
public record ItsmeSessionData(CallerPrincipal caller, Set<String> groups, ItsmeTokens tokens, URI redirectUri,
        ItsmeConfirmation lastConfirmation) implements Serializable {
    /** The session attribute holding it. */
    public static final String ATTRIBUTE = "io.github.itsmejakarta.cdi.session";

    public ItsmeSessionData {
        Objects.requireNonNull(caller, "caller");
        groups = Set.copyOf(groups);
        Objects.requireNonNull(tokens, "tokens");
        Objects.requireNonNull(redirectUri, "redirectUri");
    }

    /**
     * The itsme login kept in this request's session, if any; creates no session and, without a session cookie, does
     * not even look one up (the common public request).
     */
    public static ItsmeSessionData established(HttpServletRequest request) {
        return request.getRequestedSessionId() == null ? null : in(request.getSession(false));
    }

    /**
     * The itsme login kept in {@code session} ({@code null} allowed), if any. {@code instanceof}, not a cast: after a
     * redeployment a persisted session may hold the old class loader's instance, which is no login of this one.
     */
    public static ItsmeSessionData in(HttpSession session) {
        return session != null && session.getAttribute(ATTRIBUTE) instanceof ItsmeSessionData d ? d : null;
    }

    @Override
    public String toString() {
        return "ItsmeSessionData[" + caller.getName() + ", groups=" + groups + "]";
    }
}
