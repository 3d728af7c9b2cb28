package io.github.itsmejakarta.testkit.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.jose4j.jwk.RsaJsonWebKey;

/**
 * Reads a request object (OIDC Core 6.1, 6.2), by value or fetched from its {@code request_uri}: a nested JWT,
 * encrypted to the simulator's {@code use=enc} key and signed (RS256) by the client's {@code use=sig} key, with
 * {@code iss} = the client id and {@code aud} = the issuer (or issuer + {@code /authorization}, the form itsme used
 * before March 2024), encrypted with a content encryption that discovery advertises. Thread-safe.
 */
public final class RequestObjectReader {

    private static final int MAX_BYTES = 64 * 1024;
    private static final long CLOCK_SKEW_SECONDS = 30;

    private final String issuer;
    private final SimulatorKeys keys;
    private final HttpClient http;
    private final Clock clock;
    private final org.jose4j.jwa.AlgorithmConstraints encs;

    public RequestObjectReader(String issuer, SimulatorKeys keys, HttpClient http, Clock clock,
            List<String> advertisedEncs) {
        this.issuer = issuer;
        this.keys = keys;
        this.http = http;
        this.clock = clock;
        this.encs = IncomingJwt.contentEncryptions(advertisedEncs);
    }

    /** Fetches a request object by reference; failures are {@code invalid_request_uri}. */
    public String fetch(String requestUri) throws AuthorizationError.Invalid {
        URI uri;
        try {
            uri = URI.create(requestUri);
        } catch (IllegalArgumentException e) {
            throw new AuthorizationError.Invalid("invalid_request_uri", "request_uri is not a URI");
        }
        if (!FetchPolicy.allowed(uri)) {
            throw new AuthorizationError.Invalid("invalid_request_uri",
                    "request_uri must be https (http only on loopback)");
        }
        HttpResponse<byte[]> response;
        try {
            response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5))
                    .header("Accept", "application/oauth-authz-req+jwt, application/jwt").GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new AuthorizationError.Invalid("invalid_request_uri", "request_uri could not be fetched");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuthorizationError.Invalid("invalid_request_uri", "interrupted while fetching request_uri");
        }
        if (response.statusCode() != 200) {
            throw new AuthorizationError.Invalid("invalid_request_uri",
                    "request_uri answered HTTP " + response.statusCode());
        }
        if (response.body().length > MAX_BYTES) {
            throw new AuthorizationError.Invalid("invalid_request_uri", "request_uri answered too large a body");
        }
        return new String(response.body(), StandardCharsets.UTF_8).trim();
    }

    /** Decrypts, verifies and checks a request object of a client; failures are {@code invalid_request_object}. */
    public Map<String, Object> read(String token, Clients.Registered client) throws AuthorizationError.Invalid {
        try {
            if (IncomingJwt.segments(token) != 5) {
                throw new IncomingJwt.Rejected("the request object must be signed then encrypted (a nested JWT)");
            }
            String inner = IncomingJwt.decrypt(token, keys.encryptionKey(), encs);
            Map<String, Object> claims = IncomingJwt.verify(inner, (kid, unverified) -> {
                try {
                    return client.keys().signatureKey(kid);
                } catch (ClientKeyException e) {
                    throw new IncomingJwt.Rejected(e.getMessage());
                }
            });
            check(claims, client.client().clientId());
            return claims;
        } catch (IncomingJwt.Rejected e) {
            throw new AuthorizationError.Invalid("invalid_request_object", e.getMessage());
        }
    }

    private void check(Map<String, Object> claims, String clientId) throws IncomingJwt.Rejected {
        if (!clientId.equals(claims.get("iss"))) {
            throw new IncomingJwt.Rejected("iss must be the client id");
        }
        Object clientIdClaim = claims.get("client_id");
        if (clientIdClaim != null && !clientId.equals(clientIdClaim)) {
            throw new IncomingJwt.Rejected("client_id in the request object differs from the client_id parameter");
        }
        Object aud = claims.get("aud");
        List<?> audiences = aud instanceof List<?> list ? list : aud == null ? List.of() : List.of(aud);
        if (!audiences.contains(issuer) && !audiences.contains(issuer + "/authorization")) {
            throw new IncomingJwt.Rejected("aud must be the issuer " + issuer);
        }
        long now = clock.instant().getEpochSecond();
        Object exp = claims.get("exp");
        if (exp != null && (!(exp instanceof Number n) || n.longValue() + CLOCK_SKEW_SECONDS <= now)) {
            throw new IncomingJwt.Rejected("the request object has expired");
        }
        Object nbf = claims.get("nbf");
        if (nbf != null && (!(nbf instanceof Number n) || n.longValue() - CLOCK_SKEW_SECONDS > now)) {
            throw new IncomingJwt.Rejected("the request object is not valid yet (nbf)");
        }
    }
}
