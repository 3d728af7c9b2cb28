package io.github.itsmejakarta.core;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * A request object to be served by the application for {@code request_uri} (OIDC Core 6.2): itsme fetches
 * {@code requestUriBase + "/" + id()} and must receive {@link #jwt()} with content type
 * {@code application/oauth-authz-req+jwt} (or {@code application/jwt}). Serve each once, and not after
 * {@link #expiresAt()}.
 *
 * <p>The JWT is signed by the application and encrypted to itsme; still it is not logged ({@link #toString()}
 * leaves it out).
 *
 * <p>Immutable and thread-safe.
 *
 * @param id random, URL-safe identifier (the last path segment of the {@code request_uri})
 * @param jwt the nested JWT (JWE compact serialization)
 * @param expiresAt when the application should stop serving it
 */
public record RequestObject(String id, String jwt, Instant expiresAt) implements Serializable {
    /** Checks that nothing is missing. */
    public RequestObject {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(jwt, "jwt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** The media type to serve the JWT with (RFC 9101 10.2). */
    public static final String MEDIA_TYPE = "application/oauth-authz-req+jwt";

    @Override
    public String toString() {
        return "RequestObject[id=" + id + ", expiresAt=" + expiresAt + "]";
    }
}
