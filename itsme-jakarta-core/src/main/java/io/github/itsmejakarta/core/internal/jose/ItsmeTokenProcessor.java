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
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwa.AlgorithmConstraints.ConstraintType;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwx.HeaderParameterNames;
import org.jose4j.jwx.Headers;
import org.jose4j.lang.InvalidAlgorithmException;
import org.jose4j.lang.JoseException;

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
 * <li>the claims (steps 2 to 11): {@code iss} exact (5), {@code aud} contains the client id (5), {@code sub} a string
 * (6), {@code exp} in the future within the skew (7), {@code iat} present, not in the future beyond the skew and not
 * older than {@code maxTokenAge} (8), {@code nonce} equal to the login's (9, compared in constant time), {@code acr}
 * not weaker than requested, ignoring case (10).</li>
 * </ol>
 *
 * <p>Cost per token: one RSA private-key operation (when the JWE kid matches), one RS256 verification, one parse of
 * each JSON part (two headers, the claims). Keys, algorithm constraints and lookup tables are built once in the
 * constructor; JCA {@code Cipher}/{@code Signature}/{@code Mac} instances are initialised once and pooled
 * ({@link JweDecryptor}, {@link ContentDecryption}). jose4j parses the JSON ({@link Headers}, {@link JwtClaims}) and
 * its {@link AlgorithmConstraints} back the allow-lists; the cryptography is the JDK's, called directly, because jose4j's
 * {@code JsonWebEncryption}/{@code JsonWebSignature} look up and initialise new JCA objects and decode base64 with a
 * slower codec on every token (about 0.89 of the bare JDK floor of one RSA-OAEP unwrap plus one RS256 verify, against
 * about 0.94 this way, single thread, on this project's 2-core build machine).
 *
 * <p>Thread-safe: immutable configuration, pools of JCA objects each used by one thread at a time.
 */
public final class ItsmeTokenProcessor {
    private static final String ID_TOKEN = "ID token";
    private static final String USERINFO = "userinfo";
    private static final int MAX_HEADER_CHARS = 8 * 1024;
    private static final int MAX_HEADER_DEPTH = 4;
    private static final Base64.Decoder BASE64URL_DECODER = Base64.getUrlDecoder();
    private static final AlgorithmConstraints RS256_ONLY = new AlgorithmConstraints(ConstraintType.PERMIT,
            AlgorithmIdentifiers.RSA_USING_SHA256);

    private final ItsmeJwks jwks;
    private final TokenPolicy policy;
    private final AlgorithmConstraints jweAlgorithms;
    private final AlgorithmConstraints contentEncryptions;
    private final long skewSeconds;
    private final long maxAgeSeconds;
    private final ConcurrentLinkedQueue<Signature> signatures = new ConcurrentLinkedQueue<>();
    private final JweDecryptor decryptor;

    public ItsmeTokenProcessor(RelyingPartyKeys keys, ItsmeJwks jwks, TokenPolicy policy) {
        Objects.requireNonNull(keys, "keys");
        this.jwks = Objects.requireNonNull(jwks, "jwks");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.jweAlgorithms = new AlgorithmConstraints(ConstraintType.PERMIT,
                policy.allowedJweAlgorithms().toArray(String[]::new));
        this.contentEncryptions = new AlgorithmConstraints(ConstraintType.PERMIT,
                policy.allowedContentEncryptions().toArray(String[]::new));
        this.skewSeconds = policy.clockSkew().toSeconds();
        this.maxAgeSeconds = policy.maxTokenAge().toSeconds();
        this.decryptor = new JweDecryptor(keys.decryptionKeys(), policy.allowedJweAlgorithms());
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

    private JwtClaims open(String token, String what) throws ItsmeException {
        checkShape(token, what);
        JweDecryptor.Parts parts;
        try {
            parts = JweDecryptor.parse(token);
        } catch (JoseException | RuntimeException e) {
            throw new ItsmeRejectedException(ItsmeMessage.TOKEN_MALFORMED, what, "unreadable JWE header");
        }
        Headers headers = parts.headers();
        checkJweHeader(headers, what);
        Object kid = headers.getObjectHeaderValue(HeaderParameterNames.KEY_ID);
        byte[] plaintext = decryptor.decrypt(parts, headers.getStringHeaderValue(HeaderParameterNames.ALGORITHM),
                headers.getStringHeaderValue(HeaderParameterNames.ENCRYPTION_METHOD),
                kid instanceof String s ? s : null);
        if (plaintext == null) {
            // one outcome for every kind of damage (checklist 15): no padding, key or tag oracle
            throw new ItsmeRejectedException(ItsmeMessage.JWE_DECRYPTION_FAILED, what);
        }
        String payload = verifyJws(plaintext, what);
        try {
            return JwtClaims.parse(payload);
        } catch (InvalidJwtException | RuntimeException e) {
            throw new ItsmeRejectedException(ItsmeMessage.TOKEN_MALFORMED, what, "claims are not a JSON object");
        }
    }

    /** Checklist 17: bounded size, five non-empty base64url segments, header JSON flat enough. No crypto yet. */
    private void checkShape(String token, String what) throws ItsmeRejectedException {
        if (token == null || token.isEmpty()) {
            throw new ItsmeRejectedException(ItsmeMessage.TOKEN_MALFORMED, what, "empty");
        }
        if (token.length() > policy.maxTokenBytes()) {
            throw new ItsmeRejectedException(ItsmeMessage.TOKEN_TOO_LARGE, what, policy.maxTokenBytes());
        }
        int segments = 1;
        int segmentStart = 0;
        int firstDot = -1;
        for (int i = 0, n = token.length(); i < n; i++) {
            char c = token.charAt(i);
            if (c == '.') {
                checkSegment(token, segmentStart, i, what);
                if (firstDot < 0) {
                    firstDot = i;
                }
                segments++;
                segmentStart = i + 1;
            } else if (!isBase64Url(c)) {
                throw new ItsmeRejectedException(ItsmeMessage.TOKEN_MALFORMED, what, "not base64url");
            }
        }
        if (segments == 3) {
            // a bare JWS: signed but not encrypted although the client registered encryption
            throw new ItsmeRejectedException(ItsmeMessage.JWE_NOT_NESTED, what);
        }
        if (segments != 5) {
            throw new ItsmeRejectedException(ItsmeMessage.TOKEN_MALFORMED, what,
                    segments + " segments instead of 5");
        }
        checkSegment(token, segmentStart, token.length(), what);
        checkHeaderJson(token.substring(0, firstDot), what);
    }

    private static void checkSegment(String token, int from, int to, String what) throws ItsmeRejectedException {
        int length = to - from;
        if (length == 0) {
            throw new ItsmeRejectedException(ItsmeMessage.TOKEN_MALFORMED, what, "empty segment");
        }
        if (length % 4 == 1) {
            throw new ItsmeRejectedException(ItsmeMessage.TOKEN_MALFORMED, what, "not base64url");
        }
    }

    private static final boolean[] BASE64URL = new boolean[128];
    static {
        for (char c : "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".toCharArray()) {
            BASE64URL[c] = true;
        }
    }

    private static boolean isBase64Url(char c) {
        return c < 128 && BASE64URL[c];
    }

    /**
     * JOSE headers are flat objects; a deeply nested one can only be an attack on the JSON parser (compare
     * CVE-2025-53864), so depth and size are bounded before jose4j parses it.
     */
    private static String checkHeaderJson(String encodedHeader, String what) throws ItsmeRejectedException {
        if (encodedHeader.length() > MAX_HEADER_CHARS) {
            throw new ItsmeRejectedException(ItsmeMessage.TOKEN_MALFORMED, what, "header too large");
        }
        byte[] json;
        try {
            json = BASE64URL_DECODER.decode(encodedHeader);
        } catch (IllegalArgumentException e) {
            throw new ItsmeRejectedException(ItsmeMessage.TOKEN_MALFORMED, what, "not base64url");
        }
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < json.length; i++) {
            byte b = json[i];
            if (inString) {
                if (b == '\\') {
                    i++;
                } else if (b == '"') {
                    inString = false;
                }
            } else if (b == '"') {
                inString = true;
            } else if (b == '{' || b == '[') {
                if (++depth > MAX_HEADER_DEPTH) {
                    throw new ItsmeRejectedException(ItsmeMessage.TOKEN_MALFORMED, what, "header nested too deeply");
                }
            } else if (b == '}' || b == ']') {
                depth--;
            }
        }
        return new String(json, StandardCharsets.UTF_8);
    }

    private void checkJweHeader(Headers headers, String what) throws ItsmeRejectedException {
        Object alg = headers.getObjectHeaderValue(HeaderParameterNames.ALGORITHM);
        if (!(alg instanceof String a) || !policy.allowedJweAlgorithms().contains(a) || !permits(jweAlgorithms, a)) {
            throw new ItsmeRejectedException(ItsmeMessage.JWE_ALGORITHM_REFUSED, what, "alg " + safe(alg));
        }
        Object enc = headers.getObjectHeaderValue(HeaderParameterNames.ENCRYPTION_METHOD);
        if (!(enc instanceof String e) || !policy.allowedContentEncryptions().contains(e)
                || !permits(contentEncryptions, e)) {
            throw new ItsmeRejectedException(ItsmeMessage.JWE_ALGORITHM_REFUSED, what, "enc " + safe(enc));
        }
        if (headers.getObjectHeaderValue(HeaderParameterNames.ZIP) != null) {
            throw new ItsmeRejectedException(ItsmeMessage.JOSE_HEADER_REFUSED, what, HeaderParameterNames.ZIP);
        }
        if (headers.getObjectHeaderValue(HeaderParameterNames.CRITICAL) != null) {
            throw new ItsmeRejectedException(ItsmeMessage.JOSE_HEADER_REFUSED, what, HeaderParameterNames.CRITICAL);
        }
        if (!(headers.getObjectHeaderValue(HeaderParameterNames.CONTENT_TYPE) instanceof String cty)
                || !"JWT".equalsIgnoreCase(cty)) {
            throw new ItsmeRejectedException(ItsmeMessage.JWE_NOT_NESTED, what);
        }
    }

    private static boolean permits(AlgorithmConstraints constraints, String alg) {
        try {
            constraints.checkConstraint(alg);
            return true;
        } catch (InvalidAlgorithmException e) {
            return false;
        }
    }

    /**
     * Checks and verifies the inner JWS (RFC 7515 5.2) and returns its payload. Only the header's {@code kid} selects
     * the key, and only among itsme's published keys.
     */
    private String verifyJws(byte[] jws, String what) throws ItsmeException {
        int firstDot = -1;
        int secondDot = -1;
        for (int i = 0; i < jws.length; i++) {
            byte b = jws[i];
            if (b == '.') {
                if (firstDot < 0) {
                    firstDot = i;
                } else if (secondDot < 0) {
                    secondDot = i;
                } else {
                    throw new ItsmeRejectedException(ItsmeMessage.JWE_NOT_NESTED, what);
                }
            } else if (b < 0 || !isBase64Url((char) b)) {
                // JSON claims encrypted but never signed (checklist 12), or anything else
                throw new ItsmeRejectedException(ItsmeMessage.JWE_NOT_NESTED, what);
            }
        }
        if (firstDot <= 0 || secondDot < 0) {
            throw new ItsmeRejectedException(ItsmeMessage.JWE_NOT_NESTED, what);
        }
        String headerJson = checkHeaderJson(new String(jws, 0, firstDot, StandardCharsets.US_ASCII), what);
        Headers headers = new Headers();
        byte[] payload;
        byte[] signature;
        try {
            headers.setFullHeaderAsJsonString(headerJson);
            payload = BASE64URL_DECODER.decode(Arrays.copyOfRange(jws, firstDot + 1, secondDot));
            signature = BASE64URL_DECODER.decode(Arrays.copyOfRange(jws, secondDot + 1, jws.length));
        } catch (JoseException | RuntimeException e) {
            throw new ItsmeRejectedException(ItsmeMessage.TOKEN_MALFORMED, what, "unreadable JWS");
        }
        Object alg = headers.getObjectHeaderValue(HeaderParameterNames.ALGORITHM);
        if (!AlgorithmIdentifiers.RSA_USING_SHA256.equals(alg) || !permits(RS256_ONLY, (String) alg)) {
            throw new ItsmeRejectedException(ItsmeMessage.JWS_ALGORITHM_REFUSED, what, safe(alg));
        }
        if (headers.getObjectHeaderValue(HeaderParameterNames.CRITICAL) != null) {
            throw new ItsmeRejectedException(ItsmeMessage.JOSE_HEADER_REFUSED, what, HeaderParameterNames.CRITICAL);
        }
        Object kidHeader = headers.getObjectHeaderValue(HeaderParameterNames.KEY_ID);
        boolean valid = false;
        if (kidHeader instanceof String kid) {
            Optional<RSAPublicKey> key = jwks.verificationKey(kid);
            valid = key.isPresent() && rs256(key.get(), jws, secondDot, signature);
        } else if (kidHeader == null) {
            // itsme always sends a kid; without one, only the keys already known are tried (no fetch)
            for (RSAPublicKey key : jwks.verificationKeys()) {
                if (rs256(key, jws, secondDot, signature)) {
                    valid = true;
                    break;
                }
            }
        }
        if (!valid) {
            throw new ItsmeRejectedException(ItsmeMessage.JWS_SIGNATURE_INVALID, what);
        }
        return new String(payload, StandardCharsets.UTF_8);
    }

    /** RS256 (RFC 7518 3.3) over the first {@code length} bytes, with a pooled, re-initialised {@link Signature}. */
    private boolean rs256(RSAPublicKey key, byte[] data, int length, byte[] signature) {
        Signature verifier = signatures.poll();
        try {
            if (verifier == null) {
                verifier = Signature.getInstance("SHA256withRSA");
            }
            verifier.initVerify(key);
            verifier.update(data, 0, length);
            boolean ok = verifier.verify(signature);
            signatures.offer(verifier);
            return ok;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false; // the instance is dropped: its state after a failure is not trusted
        }
    }

    // ---------------------------------------------------------------- claims

    private String checkIssuer(JwtClaims claims, String what) throws ItsmeRejectedException {
        if (!(claims.getClaimValue(ClaimNames.ISS) instanceof String iss) || !iss.equals(policy.issuer())) {
            throw new ItsmeRejectedException(ItsmeMessage.CLAIM_ISSUER_INVALID, what);
        }
        return iss;
    }

    private List<String> checkAudience(JwtClaims claims, String what) throws ItsmeRejectedException {
        Object aud = claims.getClaimValue(ClaimNames.AUD);
        if (aud instanceof String s) {
            if (s.equals(policy.clientId())) {
                return List.of(s);
            }
        } else if (aud instanceof List<?> list) {
            boolean found = false;
            for (Object o : list) {
                if (!(o instanceof String)) {
                    throw new ItsmeRejectedException(ItsmeMessage.CLAIM_AUDIENCE_INVALID, what);
                }
                found |= o.equals(policy.clientId());
            }
            if (found) {
                @SuppressWarnings("unchecked")
                List<String> strings = (List<String>) list;
                return List.copyOf(strings);
            }
        }
        throw new ItsmeRejectedException(ItsmeMessage.CLAIM_AUDIENCE_INVALID, what);
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
                throw new ItsmeRejectedException(ItsmeMessage.CLAIM_ACR_INSUFFICIENT, ID_TOKEN,
                        got.map(Acr::name).orElse("none"), requested.name());
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

    /** Header values come from unauthenticated input: only short plain identifiers go into messages. */
    private static String safe(Object raw) {
        if (!(raw instanceof String value)) {
            return raw == null ? "(none)" : "(not a string)";
        }
        if (value.length() <= 32 && value.chars().allMatch(c -> c < 128 && (Character.isLetterOrDigit(c)
                || c == '-' || c == '_' || c == '+' || c == '.'))) {
            return value;
        }
        return "(unprintable)";
    }

    @Override
    public String toString() {
        return "ItsmeTokenProcessor[issuer=" + policy.issuer() + ", clientId=" + policy.clientId() + "]";
    }

}
