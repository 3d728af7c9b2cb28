package io.github.itsmejakarta.testkit;

import io.github.itsmejakarta.testkit.internal.TokenAlterationSpec;

import java.security.PrivateKey;
import java.util.Objects;

/**
 * Changes to the next ID token or userinfo response, for negative tests of a relying party (see
 * security-checklist.md): any claim, the inner JWS header, the signature (algorithm {@code none}, HMAC with public
 * key material, a foreign key, corrupted bytes, none at all), the JWE layer (algorithm, {@code enc}, header,
 * {@code kid}, none at all), or an exact raw token. Without changes the simulator mints a faithful itsme token; with
 * any, the token is assembled by hand so that nothing "corrects" it.
 * <p>
 * Used inside the callback given to {@link SimulatorHooks#alterNextIdToken} / {@link SimulatorHooks#alterNextUserInfo},
 * on the thread that mints the token; not thread-safe, do not keep it.
 */
public final class TokenAlteration {

    private final TokenAlterationSpec spec;

    TokenAlteration(TokenAlterationSpec spec) {
        this.spec = spec;
    }

    /** The claims as they stand (read-only view). */
    public java.util.Map<String, Object> claims() {
        return java.util.Collections.unmodifiableMap(spec.claims);
    }

    /** Sets or replaces a claim; values are JSON-like ({@code String}, numbers, {@code Boolean}, {@code Map}, {@code List}). */
    public TokenAlteration claim(String name, Object value) {
        spec.claims.put(Objects.requireNonNull(name, "name"), value);
        return this;
    }

    /** Removes a claim. */
    public TokenAlteration removeClaim(String name) {
        spec.claims.remove(name);
        return this;
    }

    /** Sets an inner JWS header entry; a null value removes it (e.g. {@code header("kid", null)}). */
    public TokenAlteration header(String name, Object value) {
        spec.jwsHeaders.put(Objects.requireNonNull(name, "name"), value);
        return this;
    }

    /**
     * Signs with another JWS algorithm: {@code none} (empty signature), {@code HS256}/{@code HS384}/{@code HS512}
     * (HMAC keyed with the active signing key's public modulus bytes: algorithm confusion), {@code RS384},
     * {@code PS256}..., {@code ES256} (needs an EC key from {@link #signWith}; otherwise random signature bytes).
     */
    public TokenAlteration signatureAlgorithm(String alg) {
        spec.signatureAlgorithm = Objects.requireNonNull(alg, "alg");
        return this;
    }

    /** Signs with a key that is not in the simulator's JWKS; {@code kid} null omits the header. */
    public TokenAlteration signWith(PrivateKey key, String kid) {
        spec.signingKey = Objects.requireNonNull(key, "key");
        spec.signingKeyId = kid;
        return this;
    }

    /** Alters the signature bytes (or adds some where {@code none} has none). */
    public TokenAlteration corruptSignature() {
        spec.corruptSignature = true;
        return this;
    }

    /** No JWS at all: the JWE carries the plain JSON claims (and no {@code cty}). */
    public TokenAlteration unsigned() {
        spec.unsigned = true;
        return this;
    }

    /**
     * Encrypts with another key management algorithm, e.g. {@code RSA1_5}. One the RP's RSA key cannot serve
     * ({@code dir}, {@code A128KW}, {@code PBES2-HS256+A128KW}, ...) is written into the header of a token really
     * encrypted with RSA-OAEP-256, which an RP must reject on the header alone.
     */
    public TokenAlteration jweAlgorithm(String alg) {
        spec.jweAlgorithm = Objects.requireNonNull(alg, "alg");
        return this;
    }

    /** Encrypts the content with another {@code enc}, e.g. {@code A192GCM}. */
    public TokenAlteration contentEncryption(String enc) {
        spec.contentEncryption = Objects.requireNonNull(enc, "enc");
        return this;
    }

    /**
     * Sets a JWE header entry ({@code zip: DEF} really compresses; {@code crit}, {@code jku}, ...); null removes
     * one (e.g. {@code jweHeader("cty", null)}).
     */
    public TokenAlteration jweHeader(String name, Object value) {
        spec.jweHeaders.put(Objects.requireNonNull(name, "name"), value);
        return this;
    }

    /** The JWE {@code kid}; null omits it (old deployments did), another value names a key the RP lacks. */
    public TokenAlteration jweKeyId(String kid) {
        spec.jweKeyIdSet = true;
        spec.jweKeyId = kid;
        return this;
    }

    /** Sends the bare JWS (or, with {@link #unsigned()}, the bare JSON claims). */
    public TokenAlteration noEncryption() {
        spec.noEncryption = true;
        return this;
    }

    /**
     * Tampers with one segment of the JWE after encryption: 0 the protected header (a member is added, so it is no
     * longer what the tag covers), 1 the encrypted key, 2 the IV, 3 the ciphertext, 4 the tag (a byte flipped).
     * Call more than once for several segments.
     */
    public TokenAlteration corruptJwe(int segment) {
        if (segment < 0 || segment > 4) {
            throw new IllegalArgumentException("a JWE has segments 0 to 4: " + segment);
        }
        spec.corruptedJweSegments.add(segment);
        return this;
    }

    /** Sends exactly this text instead of a token. */
    public TokenAlteration rawToken(String token) {
        spec.rawToken = Objects.requireNonNull(token, "token");
        return this;
    }
}
