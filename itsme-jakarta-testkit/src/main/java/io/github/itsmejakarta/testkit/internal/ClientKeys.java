package io.github.itsmejakarta.testkit.internal;

import io.github.itsmejakarta.testkit.SimulatedClient;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.Use;
import org.jose4j.lang.JoseException;

/**
 * One relying party's public keys, from its registration: inline, or fetched from its {@code jwks_uri}. A fetched set
 * is kept for the response's {@code Cache-Control: max-age} (not kept without one) and fetched again when a
 * {@code kid} is unknown, as itsme does.
 * <p>
 * Thread-safe.
 */
public final class ClientKeys {

    private static final Pattern MAX_AGE = Pattern.compile("max-age\\s*=\\s*(\\d{1,9})");
    private static final int MAX_JWKS_BYTES = 256 * 1024;

    private final SimulatedClient client;
    private final HttpClient http;
    private final Clock clock;
    private final JsonWebKeySet inline;
    private JsonWebKeySet cached;
    private Instant cachedUntil = Instant.MIN;

    public ClientKeys(SimulatedClient client, HttpClient http, Clock clock) {
        this.client = client;
        this.http = http;
        this.clock = clock;
        this.inline = client.publicJwks().map(ClientKeys::parse).orElse(null);
    }

    /** The RP's RSA {@code use=sig} key with this key id. */
    public RsaJsonWebKey signatureKey(String kid) throws ClientKeyException {
        if (kid == null) {
            throw new ClientKeyException("the JWS header has no kid");
        }
        Optional<RsaJsonWebKey> key = find(keys(false), kid, Use.SIGNATURE);
        if (key.isEmpty() && inline == null) {
            key = find(keys(true), kid, Use.SIGNATURE);
        }
        return key.orElseThrow(() -> new ClientKeyException("no use=sig RSA key with kid '" + kid
                + "' in the JWK set of client " + client.clientId()));
    }

    /** The RP's first RSA {@code use=enc} key: ID tokens and userinfo are encrypted to it. */
    public RsaJsonWebKey encryptionKey() throws ClientKeyException {
        for (JsonWebKey key : keys(false).getJsonWebKeys()) {
            if (key instanceof RsaJsonWebKey rsa && Use.ENCRYPTION.equals(key.getUse())) {
                return rsa;
            }
        }
        throw new ClientKeyException("no use=enc RSA key in the JWK set of client " + client.clientId());
    }

    /** Drops a fetched JWK set so that the next use fetches it again. */
    public synchronized void forget() {
        cached = null;
        cachedUntil = Instant.MIN;
    }

    private static Optional<RsaJsonWebKey> find(JsonWebKeySet set, String kid, String use) {
        for (JsonWebKey key : set.getJsonWebKeys()) {
            if (key instanceof RsaJsonWebKey rsa && kid.equals(key.getKeyId()) && use.equals(key.getUse())) {
                return Optional.of(rsa);
            }
        }
        return Optional.empty();
    }

    private synchronized JsonWebKeySet keys(boolean refresh) throws ClientKeyException {
        if (inline != null) {
            return inline;
        }
        Instant now = clock.instant();
        if (!refresh && cached != null && now.isBefore(cachedUntil)) {
            return cached;
        }
        URI uri = client.jwksUri().orElseThrow();
        if (!FetchPolicy.allowed(uri)) {
            throw new ClientKeyException("jwks_uri must be https (http only on loopback)");
        }
        HttpResponse<byte[]> response;
        try {
            response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5))
                    .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new ClientKeyException("cannot fetch the jwks_uri of client " + client.clientId(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClientKeyException("interrupted while fetching a jwks_uri", e);
        }
        if (response.statusCode() != 200) {
            throw new ClientKeyException(
                    "jwks_uri of client " + client.clientId() + " answered HTTP " + response.statusCode());
        }
        if (response.body().length > MAX_JWKS_BYTES) {
            throw new ClientKeyException("jwks_uri of client " + client.clientId() + " answered too large a body");
        }
        JsonWebKeySet set;
        try {
            set = parse(new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new ClientKeyException("jwks_uri of client " + client.clientId() + " is not a JWK set", e);
        }
        cached = set;
        cachedUntil = now.plusSeconds(maxAge(response));
        return set;
    }

    private static long maxAge(HttpResponse<?> response) {
        String cacheControl = response.headers().firstValue("Cache-Control").orElse("").toLowerCase(Locale.ROOT);
        if (cacheControl.contains("no-store") || cacheControl.contains("no-cache")) {
            return 0;
        }
        Matcher m = MAX_AGE.matcher(cacheControl);
        return m.find() ? Math.min(Long.parseLong(m.group(1)), 86_400L) : 0;
    }

    private static JsonWebKeySet parse(String json) {
        try {
            return new JsonWebKeySet(json);
        } catch (JoseException e) {
            throw new IllegalArgumentException("not a JWK set", e);
        }
    }
}
