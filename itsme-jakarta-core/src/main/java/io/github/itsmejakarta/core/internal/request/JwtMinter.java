package io.github.itsmejakarta.core.internal.request;

import io.github.itsmejakarta.core.keys.SigningKey;
import io.smallrye.jwt.algorithm.ContentEncryptionAlgorithm;
import io.smallrye.jwt.algorithm.KeyEncryptionAlgorithm;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/**
 * Mints the relying party's own JWTs with smallrye-jwt-build: the {@code private_key_jwt} client assertion (OIDC Core
 * 9; RFC 7523 3) and the signed-then-encrypted request object (OIDC Core 6.1, 16.14). Every time-related claim is
 * set explicitly from the injected {@link Clock}, so that smallrye's own defaults never apply.
 *
 * <p>Thread-safe (no state besides its settings).
 */
public final class JwtMinter {
    /** Client assertions live 2 minutes; itsme accepts up to 5 (itsme authentication page). */
    public static final Duration ASSERTION_LIFETIME = Duration.ofMinutes(2);

    private final String clientId;
    private final Clock clock;

    /** A minter for {@code clientId}. */
    public JwtMinter(String clientId, Clock clock) {
        this.clientId = clientId;
        this.clock = clock;
    }

    /**
     * The client assertion for the token endpoint: {@code iss = sub = client_id}, {@code aud} the token endpoint,
     * unique {@code jti}, {@code iat}, {@code exp} 2 minutes later; RS256 with the active key's {@code kid}.
     */
    public String clientAssertion(SigningKey key, String tokenEndpoint) {
        Instant now = clock.instant();
        return Jwt.claims().issuer(clientId).subject(clientId).audience(tokenEndpoint).claim("jti", Randoms.token())
                .issuedAt(now.getEpochSecond()).expiresAt(now.plus(ASSERTION_LIFETIME).getEpochSecond()).jws()
                .keyId(key.kid()).algorithm(SignatureAlgorithm.RS256).sign(key.privateKey());
    }

    /**
     * A request object: the authorization {@code parameters} plus {@code iss = client_id}, {@code aud = issuer},
     * {@code iat}, {@code exp}, {@code jti}; signed RS256 with {@code key}, then encrypted to itsme's encryption key.
     */
    public String requestObject(Map<String, Object> parameters, String issuer, Instant expiresAt, SigningKey key,
            PublicKey itsmeKey, String itsmeKid, String jweAlgorithm, String contentEncryption) {
        Instant now = clock.instant();
        JwtClaimsBuilder claims = Jwt.claims();
        // smallrye-jwt-build cannot take a null inside a Map, yet OIDC Core 5.5 asks for {"name": null} for a
        // claim requested without options: hand it JSON-P values, where null is JsonValue.NULL
        parameters.forEach((name, value) -> claims.claim(name, value instanceof Map<?, ?> ? json(value) : value));
        claims.issuer(clientId).audience(issuer).claim("jti", Randoms.token()).issuedAt(now.getEpochSecond())
                .expiresAt(expiresAt.getEpochSecond());
        var encryption = claims.jws().keyId(key.kid()).algorithm(SignatureAlgorithm.RS256).innerSign(key.privateKey())
                .keyAlgorithm(KeyEncryptionAlgorithm.fromAlgorithm(jweAlgorithm))
                .contentAlgorithm(ContentEncryptionAlgorithm.fromAlgorithm(contentEncryption));
        if (itsmeKid != null) {
            encryption.keyId(itsmeKid);
        }
        return encryption.encrypt(itsmeKey);
    }

    /** {@code value} (null, String, Boolean, Number, Map with string keys, Collection) as a JSON-P value. */
    private static JsonValue json(Object value) {
        if (value == null) {
            return JsonValue.NULL;
        } else if (value instanceof String s) {
            return Json.createValue(s);
        } else if (value instanceof Boolean b) {
            return b ? JsonValue.TRUE : JsonValue.FALSE;
        } else if (value instanceof Integer || value instanceof Long) {
            return Json.createValue(((Number) value).longValue());
        } else if (value instanceof Number n) {
            return Json.createValue(new BigDecimal(n.toString()));
        } else if (value instanceof Map<?, ?> map) {
            JsonObjectBuilder object = Json.createObjectBuilder();
            map.forEach((k, v) -> object.add(String.valueOf(k), json(v)));
            return object.build();
        } else if (value instanceof Collection<?> list) {
            JsonArrayBuilder array = Json.createArrayBuilder();
            list.forEach(item -> array.add(json(item)));
            return array.build();
        }
        throw new IllegalArgumentException("Cannot write " + value.getClass().getName() + " as JSON");
    }
}
