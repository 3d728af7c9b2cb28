package io.github.itsmejakarta.core;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of a successful code exchange (OIDC Core 3.1.3.3): the access token for the userinfo endpoint and the
 * validated identity from the ID token. itsme issues no refresh tokens.
 *
 * <p>The access token is a bearer secret: {@link #toString()} never shows it.
 *
 * <p>Immutable and thread-safe; serializable so that containers can keep it in a session.
 */
public final class ItsmeTokens implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String accessToken;
    private final String tokenType;
    private final Duration expiresIn;
    private final ItsmeIdentity identity;

    /** Assembles the tokens; used by {@link ItsmeClient} and tests. */
    public ItsmeTokens(String accessToken, String tokenType, Duration expiresIn, ItsmeIdentity identity) {
        this.accessToken = Objects.requireNonNull(accessToken, "accessToken");
        this.tokenType = Objects.requireNonNull(tokenType, "tokenType");
        this.expiresIn = expiresIn;
        this.identity = Objects.requireNonNull(identity, "identity");
    }

    /** The access token, for {@link ItsmeClient#userInfo(ItsmeTokens)}. */
    public String accessToken() {
        return accessToken;
    }

    /** The token type as itsme sent it ({@code Bearer}, in any case). */
    public String tokenType() {
        return tokenType;
    }

    /** The access token's lifetime, if itsme sent {@code expires_in}. */
    public Optional<Duration> expiresIn() {
        return Optional.ofNullable(expiresIn);
    }

    /** The decrypted, verified and validated ID token. */
    public ItsmeIdentity identity() {
        return identity;
    }

    @Override
    public String toString() {
        return "ItsmeTokens[tokenType=" + tokenType + ", expiresIn=" + expiresIn + ", identity=" + identity + "]";
    }
}
