package io.github.itsmejakarta.core.internal.jose;

import io.github.itsmejakarta.core.Acr;
import io.github.itsmejakarta.core.ItsmeException;
import io.github.itsmejakarta.core.ItsmeIdentity;
import io.github.itsmejakarta.core.ItsmeMessage;
import io.github.itsmejakarta.core.ItsmeRejectedException;
import io.github.itsmejakarta.core.ItsmeUserInfo;
import io.github.itsmejakarta.core.claims.ClaimNames;
import io.github.itsmejakarta.core.claims.ItsmeClaims;
import io.github.itsmejakarta.core.keys.RelyingPartyKeys;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;

/**
 * Opens and validates itsme's nested JWTs: the ID token and the userinfo answer. Each is a JWS (RS256, signed by itsme)
 * inside a JWE (encrypted to one of the relying party's {@code use: enc} keys). The order of the checks is the point:
 * <ol>
 * <li>shape before crypto (checklist 17): at most {@code maxTokenBytes}, exactly five base64url segments, a flat JSON
 * header;</li>
 * <li>JWE header before any key operation (13, 14, 11, 12): {@code alg} in the allowed set (RSA-OAEP-256,
 * RSA-OAEP; RFC 8725 3.2 rules out RSA1_5), {@code enc} advertised and allowed, no {@code zip} (CVE-2024-29371), no
 * {@code crit}, {@code cty: JWT} (RFC 7519 5.2);</li>
 * <li>decryption with the key the JWE {@code kid} names, or every decryption key when the kid is absent or unknown
 * (16, 30); every failure of the decryption (tampered header, key, IV, ciphertext or tag) gives the one message
 * ITSME-1404 (15);</li>
 * <li>the payload must be a JWS (12); its header: {@code alg} exactly RS256 (3; OIDC Core 3.1.3.7 step 7), no
 * {@code crit} (11); its key found by {@code kid} in itsme's JWK set only (4, 28; {@code jwk/jku/x5u/x5c} never used),
 * its signature verified (2; step 6);</li>
 * <li>the claims (steps 2 to 11): {@code iss} exact (5), {@code aud} contains the client id and no other audience,
 * several audiences need an {@code azp}, an {@code azp} must be the client id (5, 34; steps 3 to 5), {@code sub} a string
 * (6), {@code exp} in the future within the skew (7), {@code iat} present, not in the future beyond the skew and not
 * older than {@code maxTokenAge} (8), {@code nonce} equal to the login's (9, compared in constant time), {@code acr}
 * not weaker than requested, ignoring case (10).</li>
 * </ol>
 *
 * <p>jose4j does all the cryptography ({@link JweOpener}: its JWE key-management and content-encryption algorithms;
 * {@link JwsVerifier}: its RS256 algorithm) and parses the JSON; this class and {@link TokenShape} add only what jose4j does not decide:
 * the shape and header checks before any key operation, the allow-lists (the only algorithms taken from jose4j),
 * itsme's claim rules, the message ids, the refetch on an unknown kid ({@link ItsmeJwks}). Cost per token: one RSA
 * private-key operation (when the JWE kid matches), one RS256 verification, one parse of each JSON part. Keys,
 * algorithms, JCA provider names and lookup tables are resolved once in the constructor; jose4j makes its JCA objects
 * per token.
 *
 * <p>Thread-safe: immutable; jose4j's algorithm objects are stateless.
 */
public final class ItsmeTokenProcessor {
    private static final String ID_TOKEN = "ID token";
    private static final String USERINFO = "userinfo";

    private final TokenPolicy policy;
    private final long skewSeconds;
    private final long maxAgeSeconds;
    private final JweOpener jwe;
    private final JwsVerifier jws;

    public ItsmeTokenProcessor(RelyingPartyKeys keys, ItsmeJwks jwks, TokenPolicy policy) {
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(jwks, "jwks");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.skewSeconds = policy.clockSkew().toSeconds();
        this.maxAgeSeconds = policy.maxTokenAge().toSeconds();
        this.jwe = new JweOpener(keys.decryptionKeys(), policy.allowedJweAlgorithms(),
                policy.allowedContentEncryptions());
        this.jws = new JwsVerifier(jwks);
    }

    /** The policy this processor enforces. */
    public TokenPolicy policy() {
        return policy;
    }

    /**
     * Decrypts, verifies and validates an ID token (OIDC Core 3.1.3.7 with itsme's nested JWT).
     *
     * @param token the {@code id_token} of the token response
     * @param expectedNonce the nonce sent in this login's authorization request
     * @param requestedAcr the level asked for, or {@code null} when none was asked
     * @throws ItsmeRejectedException ITSME-14xx naming the failed check
     * @throws ItsmeException when itsme's keys cannot be fetched
     */
    public ItsmeIdentity processIdToken(String token, String expectedNonce, Acr requestedAcr) throws ItsmeException {
        JwtClaims claims = open(token, ID_TOKEN);
        long now = policy.clock().instant().getEpochSecond();
        String issuer = checkIssuer(claims, ID_TOKEN);
        List<String> audience = checkAudience(claims, ID_TOKEN);
        String sub = checkSubject(claims, ID_TOKEN);
        long exp = checkExpiry(claims, ID_TOKEN, now, true);
        long iat = checkIssuedAt(claims, ID_TOKEN, now, true);
        checkNonce(claims, expectedNonce);
        String acr = checkAcr(claims, requestedAcr);
        Instant authTime = numericInstant(claims, ClaimNames.AUTH_TIME, ID_TOKEN);
        return ItsmeIdentity.of(sub, issuer, audience, acr, authTime, Instant.ofEpochSecond(iat),
                Instant.ofEpochSecond(exp), ItsmeClaims.of(claims.getClaimsMap()));
    }

    /**
     * Decrypts, verifies and validates a userinfo answer (OIDC Core 5.3.2): the format is told from the body (five
     * segments: a JWE; three: a bare JWS, refused because itsme always encrypts; anything else, such as JSON: refused),
     * then the nested JWT is processed as an ID token is, with {@code iss} and {@code aud} checked, {@code exp} and
     * {@code iat} checked when present, and {@code sub} required to equal the ID token's.
     *
     * @param body the userinfo response body
     * @param expectedSub the ID token's {@code sub}
     * @throws ItsmeRejectedException ITSME-1503 not a nested JWT, ITSME-1502 another subject, ITSME-14xx as for ID
     *         tokens
     */
    public ItsmeUserInfo processUserInfo(String body, String expectedSub) throws ItsmeException {
        Objects.requireNonNull(expectedSub, "expectedSub");
        String token = body == null ? "" : body.strip();
        if (token.isEmpty() || token.charAt(0) == '{' || token.charAt(0) == '[') {
            throw new ItsmeRejectedException(ItsmeMessage.USERINFO_NOT_JWT);
        }
        JwtClaims claims = open(token, USERINFO);
        long now = policy.clock().instant().getEpochSecond();
        checkIssuer(claims, USERINFO);
        checkAudience(claims, USERINFO);
        String sub = checkSubject(claims, USERINFO);
        checkExpiry(claims, USERINFO, now, false);
        checkIssuedAt(claims, USERINFO, now, false);
        if (!MessageDigest.isEqual(sub.getBytes(StandardCharsets.UTF_8),
                expectedSub.getBytes(StandardCharsets.UTF_8))) {
            throw new ItsmeRejectedException(ItsmeMessage.USERINFO_SUBJECT_MISMATCH);
        }
        return ItsmeUserInfo.of(sub, ItsmeClaims.of(claims.getClaimsMap()));
    }

    // ---------------------------------------------------------------- JOSE

    /** Shape, then the JWE (jose4j decrypts), then the JWS inside (jose4j verifies), then the claims parsed. */
    private JwtClaims open(String token, String what) throws ItsmeException {
        TokenShape.checkJwe(token, policy.maxTokenBytes(), what);
        byte[] plaintext = jwe.open(token, what);
        String payload = jws.verify(TokenShape.checkJws(plaintext, what), what);
        try {
            return JwtClaims.parse(payload);
        } catch (InvalidJwtException | RuntimeException e) {
            throw new ItsmeRejectedException(ItsmeMessage.TOKEN_MALFORMED, what, "claims are not a JSON object");
        }
    }

    // ---------------------------------------------------------------- claims

    private String checkIssuer(JwtClaims claims, String what) throws ItsmeRejectedException {
        if (!(claims.getClaimValue(ClaimNames.ISS) instanceof String iss) || !iss.equals(policy.issuer())) {
            throw new ItsmeRejectedException(ItsmeMessage.CLAIM_ISSUER_INVALID, what);
        }
        return iss;
    }

    /**
     * OIDC Core 3.1.3.7 steps 3 to 5 (also for userinfo, 5.3.2, where itsme signs it as an ID token): {@code aud} a string
     * or a non-empty array of strings that contains the client id (step 3, ITSME-1411); no audience besides the client
     * id, the only audience this client trusts (step 3, ITSME-1418); with several entries an {@code azp} (step 4), and
     * an {@code azp}, when present, equal to the client id (step 5) (ITSME-1419).
     */
    private List<String> checkAudience(JwtClaims claims, String what) throws ItsmeRejectedException {
        Object aud = claims.getClaimValue(ClaimNames.AUD);
        List<String> audience;
        if (aud instanceof String s) {
            audience = List.of(s);
        } else if (aud instanceof List<?> list && !list.isEmpty() && list.stream().allMatch(String.class::isInstance)) {
            audience = list.stream().map(String.class::cast).toList();
        } else {
            throw new ItsmeRejectedException(ItsmeMessage.CLAIM_AUDIENCE_INVALID, what);
        }
        String clientId = policy.clientId();
        if (!audience.contains(clientId)) {
            throw new ItsmeRejectedException(ItsmeMessage.CLAIM_AUDIENCE_INVALID, what);
        }
        List<String> untrusted = audience.stream().filter(a -> !a.equals(clientId)).toList();
        if (!untrusted.isEmpty()) {
            throw new ItsmeRejectedException(ItsmeMessage.CLAIM_AUDIENCE_UNTRUSTED, what, untrusted.size(),
                    TokenShape.printable(untrusted.get(0)));
        }
        Object azp = claims.getClaimValue(ClaimNames.AZP);
        if (azp == null && audience.size() > 1) {
            throw new ItsmeRejectedException(ItsmeMessage.CLAIM_AZP_INVALID, what,
                    "missing although aud has " + audience.size() + " entries");
        }
        if (azp != null && !clientId.equals(azp)) {
            throw new ItsmeRejectedException(ItsmeMessage.CLAIM_AZP_INVALID, what,
                    azp instanceof String z ? "'" + TokenShape.printable(z) + "', not the client id" : "not a string");
        }
        return audience;
    }

    private static String checkSubject(JwtClaims claims, String what) throws ItsmeRejectedException {
        if (claims.getClaimValue(ClaimNames.SUB) instanceof String sub && !sub.isEmpty()) {
            return sub;
        }
        throw new ItsmeRejectedException(ItsmeMessage.CLAIM_SUBJECT_INVALID, what);
    }

    private long checkExpiry(JwtClaims claims, String what, long now, boolean required)
            throws ItsmeRejectedException {
        Object exp = claims.getClaimValue(ClaimNames.EXP);
        if (exp == null && !required) {
            return 0;
        }
        if (!(exp instanceof Number n) || now - skewSeconds >= n.longValue()) {
            throw new ItsmeRejectedException(ItsmeMessage.CLAIM_EXPIRED, what);
        }
        return n.longValue();
    }

    private long checkIssuedAt(JwtClaims claims, String what, long now, boolean required)
            throws ItsmeRejectedException {
        Object iat = claims.getClaimValue(ClaimNames.IAT);
        if (iat == null && !required) {
            return 0;
        }
        if (!(iat instanceof Number n) || n.longValue() > now + skewSeconds
                || n.longValue() < now - maxAgeSeconds - skewSeconds) {
            throw new ItsmeRejectedException(ItsmeMessage.CLAIM_ISSUED_AT_INVALID, what);
        }
        return n.longValue();
    }

    private static void checkNonce(JwtClaims claims, String expectedNonce) throws ItsmeRejectedException {
        if (expectedNonce == null || !(claims.getClaimValue(ClaimNames.NONCE) instanceof String nonce)
                || !MessageDigest.isEqual(nonce.getBytes(StandardCharsets.UTF_8),
                        expectedNonce.getBytes(StandardCharsets.UTF_8))) {
            throw new ItsmeRejectedException(ItsmeMessage.CLAIM_NONCE_INVALID, ID_TOKEN);
        }
    }

    private static String checkAcr(JwtClaims claims, Acr requested) throws ItsmeRejectedException {
        Object acr = claims.getClaimValue(ClaimNames.ACR);
        if (acr != null && !(acr instanceof String)) {
            throw new ItsmeRejectedException(ItsmeMessage.CLAIM_TYPE_INVALID, ID_TOKEN, ClaimNames.ACR);
        }
        String value = (String) acr;
        if (requested != null) {
            Optional<Acr> got = Acr.find(value);
            if (got.isEmpty() || !got.get().isAtLeast(requested)) {
                // the value as received (sanitised), so that an unexpected spelling can be seen in the log
                throw new ItsmeRejectedException(ItsmeMessage.CLAIM_ACR_INSUFFICIENT, ID_TOKEN,
                        value == null ? "(none)" : TokenShape.printable(value), requested.uri());
            }
        }
        return value;
    }

    private static Instant numericInstant(JwtClaims claims, String name, String what) throws ItsmeRejectedException {
        Object v = claims.getClaimValue(name);
        if (v == null) {
            return null;
        }
        if (v instanceof Number n) {
            return Instant.ofEpochSecond(n.longValue());
        }
        throw new ItsmeRejectedException(ItsmeMessage.CLAIM_TYPE_INVALID, what, name);
    }

    @Override
    public String toString() {
        return "ItsmeTokenProcessor[issuer=" + policy.issuer() + ", clientId=" + policy.clientId() + "]";
    }

}
