package io.github.itsmejakarta.core.internal.token;

import java.time.Duration;

/**
 * A successful token endpoint answer (OIDC Core 3.1.3.3), checked for presence and types.
 *
 * <p>Immutable and thread-safe. {@link #toString()} shows no token.
 *
 * @param accessToken the access token
 * @param tokenType {@code Bearer} in any case
 * @param idToken the ID token (a JWE)
 * @param expiresIn the access token's lifetime, or {@code null}
 */
public record TokenResponse(String accessToken, String tokenType, String idToken, Duration expiresIn) {
    @Override
    public String toString() {
        return "TokenResponse[tokenType=" + tokenType + ", expiresIn=" + expiresIn + "]";
    }
}
