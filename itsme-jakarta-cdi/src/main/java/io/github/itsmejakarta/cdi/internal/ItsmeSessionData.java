package io.github.itsmejakarta.cdi.internal;

import io.github.itsmejakarta.cdi.ItsmeConfirmation;
import io.github.itsmejakarta.core.ItsmeIdentity;
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
 * later requests re-establish the caller without a token, a key or the network), the verified ID-token identity, the
 * redirect URI the login used (it selects the client) and the last completed confirmation. itsme's access token, a
 * bearer secret that session replication copies to every node, is kept only while the application may still fetch
 * userinfo with it ({@link UserInfoMode}): never with {@code itsme.userinfo=never}, and with {@code lazy} only until
 * the first fetch, whose result the session keeps ({@link #USERINFO_ATTRIBUTE}).
 *
 * <p>Immutable and thread-safe; serializable for session replication. {@link #toString()} shows no token.
 *
 * @param identity the verified ID token
 * @param userInfoTokens the tokens of the code exchange while userinfo may still be fetched with them; else
 *            {@code null}
 * @param lastConfirmation nullable
 */
public record ItsmeSessionData(CallerPrincipal caller, Set<String> groups, ItsmeIdentity identity,
        ItsmeTokens userInfoTokens, URI redirectUri, ItsmeConfirmation lastConfirmation) implements Serializable {
    /** The session attribute holding it. */
    public static final String ATTRIBUTE = "io.github.itsmejakarta.cdi.session";
    /** The session attribute holding the userinfo once fetched ({@code ItsmeContext.userInfo()}). */
    public static final String USERINFO_ATTRIBUTE = "io.github.itsmejakarta.cdi.userinfo";

    public ItsmeSessionData {
        Objects.requireNonNull(caller, "caller");
        groups = Set.copyOf(groups);
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(redirectUri, "redirectUri");
    }

    /** The login a code exchange established: the tokens are kept only for {@link UserInfoMode#LAZY}. */
    public static ItsmeSessionData of(CallerPrincipal caller, Set<String> groups, ItsmeTokens tokens,
            UserInfoMode userInfo, URI redirectUri, ItsmeConfirmation lastConfirmation) {
        return new ItsmeSessionData(caller, groups, tokens.identity(), userInfo == UserInfoMode.LAZY ? tokens : null,
                redirectUri, lastConfirmation);
    }

    /** The same login without the access token: userinfo was fetched and is kept. */
    public ItsmeSessionData withoutUserInfoTokens() {
        return new ItsmeSessionData(caller, groups, identity, null, redirectUri, lastConfirmation);
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
