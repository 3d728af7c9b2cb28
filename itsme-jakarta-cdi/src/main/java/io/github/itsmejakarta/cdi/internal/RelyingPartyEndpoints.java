package io.github.itsmejakarta.cdi.internal;

import io.github.itsmejakarta.cdi.ItsmeCdiMessage;
import io.github.itsmejakarta.core.RequestObject;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The endpoints itsme itself calls on the relying party: the RP's public JWK set (the {@code jwks_uri} registered at
 * onboarding; itsme verifies client assertions and request objects with it and encrypts tokens to it) and request
 * objects by reference ({@code request_uri}, OIDC Core 6.2), each served once.
 *
 * <p>Immutable and thread-safe: the JWK set is serialised once; the request object store is thread-safe.
 */
public final class RelyingPartyEndpoints {
    /** Cache lifetime of the public JWK set: itsme caches it 30 min to 24 h; an hour keeps rotations prompt. */
    public static final String JWKS_CACHE_CONTROL = "public, max-age=3600";

    private final byte[] publicJwks;
    private final RequestObjectStore requestObjects;

    RelyingPartyEndpoints(ItsmeSettings settings, RequestObjectStore requestObjects) {
        this.publicJwks = settings.keys().publicJwkSetJson().getBytes(StandardCharsets.UTF_8);
        this.requestObjects = requestObjects;
    }

    /** Writes the public JWK set with {@value #JWKS_CACHE_CONTROL}. */
    public void serveJwks(HttpServletResponse response) throws IOException {
        response.setStatus(200);
        response.setContentType("application/jwk-set+json");
        response.setHeader("Cache-Control", JWKS_CACHE_CONTROL);
        response.setContentLength(publicJwks.length);
        response.getOutputStream().write(publicJwks);
        response.flushBuffer();
    }

    /** Writes the request object {@code id} and forgets it, or 404 if it is unknown, expired or already served. */
    public void serveRequestObject(String id, HttpServletResponse response) throws IOException {
        Optional<RequestObject> object = requestObjects.take(id);
        response.setHeader("Cache-Control", "no-store");
        if (object.isEmpty()) {
            ErrorPages.write(response, 404, "Not found", ItsmeCdiMessage.REQUEST_OBJECT_UNKNOWN.format());
            return;
        }
        byte[] body = object.get().jwt().getBytes(StandardCharsets.US_ASCII);
        response.setStatus(200);
        response.setContentType(RequestObject.MEDIA_TYPE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }
}
