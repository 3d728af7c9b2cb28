package io.github.itsmejakarta.testkit.internal;

import java.util.Map;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwe.JsonWebEncryption;
import org.jose4j.jwe.KeyManagementAlgorithmIdentifiers;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.lang.JoseException;

/**
 * Reads JWTs the relying party sends (client assertions, request objects) step by step with jose4j, so that each
 * failure gets its own plain message: decrypt with the simulator's key (RSA-OAEP / RSA-OAEP-256 only), then verify an
 * RS256 signature with the RP's {@code use=sig} key named by {@code kid}. Stateless, thread-safe.
 */
public final class IncomingJwt {

    /** A failure; the message never contains the token or key material. */
    public static final class Rejected extends Exception {
        private static final long serialVersionUID = 1L;

        public Rejected(String message) {
            super(message);
        }
    }

    /** Resolves the RP's verification key once the unverified claims are known. */
    @FunctionalInterface
    public interface KeyLookup {
        RsaJsonWebKey find(String kid, Map<String, Object> unverifiedClaims) throws Rejected;
    }

    private static final AlgorithmConstraints JWE_ALGS = new AlgorithmConstraints(
            AlgorithmConstraints.ConstraintType.PERMIT, KeyManagementAlgorithmIdentifiers.RSA_OAEP,
            KeyManagementAlgorithmIdentifiers.RSA_OAEP_256);
    private static final AlgorithmConstraints JWS_ALGS = new AlgorithmConstraints(
            AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256);
    private static final int MAX_BYTES = 64 * 1024;

    private IncomingJwt() {
    }

    /** Number of dot-separated segments. */
    public static int segments(String token) {
        return token.split("\\.", -1).length;
    }

    /**
     * Allows exactly the content encryptions discovery advertises: a client that encrypts with another one would fail
     * at itsme, so it fails here too.
     */
    public static AlgorithmConstraints contentEncryptions(java.util.List<String> advertised) {
        return new AlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, advertised.toArray(String[]::new));
    }

    /**
     * Decrypts a JWE with the simulator's encryption key and returns its payload.
     *
     * @param encs the content encryptions discovery advertises (see {@link #contentEncryptions})
     */
    public static String decrypt(String token, RsaJsonWebKey decryptionKey, AlgorithmConstraints encs)
            throws Rejected {
        checkSize(token);
        try {
            JsonWebEncryption jwe = new JsonWebEncryption();
            jwe.setAlgorithmConstraints(JWE_ALGS);
            jwe.setContentEncryptionAlgorithmConstraints(encs);
            jwe.setCompactSerialization(token);
            if (jwe.getHeader("zip") != null) {
                throw new Rejected("compressed (zip) JWE is not accepted");
            }
            jwe.setKey(decryptionKey.getPrivateKey());
            return jwe.getPayload();
        } catch (JoseException e) {
            throw new Rejected("cannot decrypt the JWE: it must be encrypted to the simulator's use=enc key "
                    + "with RSA-OAEP or RSA-OAEP-256 and an enc that discovery advertises");
        }
    }

    /** Verifies an RS256 JWS and returns its claims. */
    public static Map<String, Object> verify(String jwsCompact, KeyLookup keys) throws Rejected {
        checkSize(jwsCompact);
        if (segments(jwsCompact) != 3) {
            throw new Rejected("not a signed JWT (JWS compact serialization)");
        }
        try {
            JsonWebSignature jws = new JsonWebSignature();
            jws.setCompactSerialization(jwsCompact);
            String alg = jws.getAlgorithmHeaderValue();
            if (!AlgorithmIdentifiers.RSA_USING_SHA256.equals(alg)) {
                throw new Rejected("the JWS alg must be RS256, was " + printable(alg));
            }
            if (jws.getHeaders().getObjectHeaderValue("crit") != null) {
                throw new Rejected("no crit header is understood");
            }
            jws.setAlgorithmConstraints(JWS_ALGS);
            Map<String, Object> unverified = JwtClaims.parse(jws.getUnverifiedPayload()).getClaimsMap();
            RsaJsonWebKey key = keys.find(jws.getKeyIdHeaderValue(), unverified);
            jws.setKey(key.getPublicKey());
            if (!jws.verifySignature()) {
                throw new Rejected("the JWS signature does not verify with the key '" + printable(key.getKeyId())
                        + "'");
            }
            return JwtClaims.parse(jws.getPayload()).getClaimsMap();
        } catch (JoseException | InvalidJwtException e) {
            throw new Rejected("malformed JWS or claims");
        }
    }

    private static void checkSize(String token) throws Rejected {
        if (token.length() > MAX_BYTES) {
            throw new Rejected("token larger than " + MAX_BYTES + " bytes");
        }
    }

    /** A header value made safe to echo in an error message. */
    public static String printable(Object value) {
        String text = String.valueOf(value);
        return text.length() > 64 ? text.substring(0, 64) + "..." : text.replaceAll("[^\\x20-\\x7e]", "?");
    }
}
