package io.github.itsmejakarta.core.internal.discovery;

import io.github.itsmejakarta.core.ItsmeCommunicationException;
import io.github.itsmejakarta.core.ItsmeException;
import io.github.itsmejakarta.core.ItsmeMessage;
import io.github.itsmejakarta.core.internal.http.HttpResult;
import io.github.itsmejakarta.core.internal.http.ItsmeHttp;
import io.github.itsmejakarta.core.internal.jose.JwksFetcher;

import java.net.URI;
import java.util.Map;

/**
 * Fetches itsme's JWK set from its {@code jwks_uri} for the key cache ({@code ItsmeJwks}), which calls it on first
 * use and for an unknown {@code kid}, rate-limited.
 *
 * <p>Thread-safe.
 */
public final class JwksSource implements JwksFetcher {
    private final ItsmeHttp http;
    private final URI jwksUri;

    /** A source for {@code jwksUri}. */
    public JwksSource(ItsmeHttp http, URI jwksUri) {
        this.http = http;
        this.jwksUri = jwksUri;
    }

    @Override
    public String fetch() throws ItsmeException {
        HttpResult result = http.get(jwksUri, "jwks endpoint",
                Map.of("Accept", "application/jwk-set+json, application/json"));
        if (result.status() != 200) {
            throw new ItsmeCommunicationException(ItsmeMessage.JWKS_UNAVAILABLE, "HTTP " + result.status());
        }
        return result.bodyText();
    }
}
