package io.github.itsmejakarta.core.internal.request;

import io.github.itsmejakarta.core.keys.SigningKey;
import io.smallrye.jwt.algorithm.ContentEncryptionAlgorithm;
import io.smallrye.jwt.algorithm.KeyEncryptionAlgorithm;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

import jakarta.json.JsonValue;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

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

    // smallrye's fromAlgorithm(String) compiles three regular expressions per call: look the names up once
    private static final Map<String, KeyEncryptionAlgorithm> KEY_ALGORITHMS = Arrays.stream(KeyEncryptionAlgorithm
            .values()).collect(Collectors.toUnmodifiableMap(KeyEncryptionAlgorithm::getAlgorithm, a -> a));
    private static final Map<String, ContentEncryptionAlgorithm> CONTENT_ALGORITHMS = Arrays.stream(
            ContentEncryptionAlgorithm.values()).collect(
                    Collectors.toUnmodifiableMap(
                            ContentEncryptionAlgorithm::getAlgorithm, a -> a));

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
        parameters.forEach((name, value) -> claims.claim(name, nullsAsJsonNull(value)));
        claims.issuer(clientId).audience(issuer).claim("jti", Randoms.token()).issuedAt(now.getEpochSecond())
                .expiresAt(expiresAt.getEpochSecond());
        var encryption = claims.jws().keyId(key.kid()).algorithm(SignatureAlgorithm.RS256).innerSign(key.privateKey())
                .keyAlgorithm(keyAlgorithm(jweAlgorithm)).contentAlgorithm(contentAlgorithm(contentEncryption));
        if (itsmeKid != null) {
            encryption.keyId(itsmeKid);
        }
        return encryption.encrypt(itsmeKey);
    }

    private static KeyEncryptionAlgorithm keyAlgorithm(String name) {
        KeyEncryptionAlgorithm algorithm = KEY_ALGORITHMS.get(name);
        return algorithm != null ? algorithm : KeyEncryptionAlgorithm.fromAlgorithm(name); // throws if unknown
    }

    private static ContentEncryptionAlgorithm contentAlgorithm(String name) {
        ContentEncryptionAlgorithm algorithm = CONTENT_ALGORITHMS.get(name);
        return algorithm != null ? algorithm : ContentEncryptionAlgorithm.fromAlgorithm(name); // throws if unknown
    }

    /**
     * {@code value} with every {@code null} inside it (map values, list items) replaced by {@link JsonValue#NULL}:
     * smallrye-jwt-build turns that constant into a JSON {@code null} and fails on a plain one (OIDC Core 5.5 writes
     * a claim requested without options as {@code "name": null}). Everything else is handed over as it is: strings
     * stay strings (a JSON-P string would be written with its escapes escaped again), and no JSON-P value is built,
     * since each {@code Json.createXxx} call looks its provider up anew through the {@code ServiceLoader} (measured:
     * a fifth of a request object's CPU time and a third of its garbage).
     */
    private static Object nullsAsJsonNull(Object value) {
        if (value == null) {
            return JsonValue.NULL;
        } else if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), nullsAsJsonNull(v)));
            return copy;
        } else if (value instanceof Collection<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(item -> copy.add(nullsAsJsonNull(item)));
            return copy;
        }
        return value;
    }
}
