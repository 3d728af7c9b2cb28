package io.github.itsmejakarta.cdi.internal;

import io.github.itsmejakarta.cdi.ItsmeCdiMessage;
import io.github.itsmejakarta.core.RequestObject;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
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
    private final Map<String, byte[]> serviceJwks;
    private final RequestObjectStore requestObjects;

    RelyingPartyEndpoints(ItsmeSettings settings, RequestObjectStore requestObjects) {
        this.publicJwks = settings.keys().publicJwkSetJson().getBytes(StandardCharsets.UTF_8);
        Map<String, byte[]> byService = new HashMap<>();
        settings.services().values().forEach(s -> byService.put(s.name(), s.keys().publicJwkSetJson()
                .getBytes(StandardCharsets.UTF_8)));
        this.serviceJwks = Map.copyOf(byService);
        this.requestObjects = requestObjects;
    }

    /** Writes the top-level client's public JWK set with {@value #JWKS_CACHE_CONTROL}. */
    public void serveJwks(HttpServletResponse response) throws IOException {
        writeJwks(publicJwks, response);
    }

    /**
     * Writes the public JWK set of the named service {@code name}'s client (the URL registered at itsme as that
     * client id's {@code jwks_uri}: {@code <jwks-path>/<name>}), or 404 if no service has that name.
     */
    public void serveJwks(String name, HttpServletResponse response) throws IOException {
        byte[] jwks = serviceJwks.get(name);
        if (jwks == null) {
            // the page names no configured service: a stranger learns nothing from probing names
            ErrorPages.write(response, 404, "Not found", ItsmeCdiMessage.SERVICE_UNKNOWN.format("…", "…"));
            return;
        }
        writeJwks(jwks, response);
    }

    private static void writeJwks(byte[] publicJwks, HttpServletResponse response) throws IOException {
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
