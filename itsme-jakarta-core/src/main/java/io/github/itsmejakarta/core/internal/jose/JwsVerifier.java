package io.github.itsmejakarta.core.internal.jose;

import io.github.itsmejakarta.core.ItsmeException;
import io.github.itsmejakarta.core.ItsmeMessage;
import io.github.itsmejakarta.core.ItsmeRejectedException;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Optional;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwa.AlgorithmConstraints.ConstraintType;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwx.HeaderParameterNames;
import org.jose4j.lang.JoseException;

/**
 * Verifies itsme's inner JWS (RFC 7515 5.2) with jose4j's {@link JsonWebSignature}; jose4j does the RS256 verification
 * (RFC 7518 3.3). What is decided here: {@code alg} exactly RS256 (checklist 3; OIDC Core 3.1.3.7 step 7), also as
 * jose4j's {@link AlgorithmConstraints}; no {@code crit} (11); the key found by {@code kid} in itsme's JWK set only,
 * refetched once when the kid is unknown (4, 28; {@code jwk/jku/x5u/x5c} are never looked at, RFC 8725 3.10); without
 * a kid, only the keys already known are tried, without a fetch.
 *
 * <p>Thread-safe: a {@link JsonWebSignature} is made per token and never shared.
 */
final class JwsVerifier {
    private static final AlgorithmConstraints RS256_ONLY = new AlgorithmConstraints(ConstraintType.PERMIT,
            AlgorithmIdentifiers.RSA_USING_SHA256);

    private final ItsmeJwks jwks;

    JwsVerifier(ItsmeJwks jwks) {
        this.jwks = jwks;
    }

    /**
     * The payload of a compact JWS whose shape {@link TokenShape#checkJws} has accepted, once its signature verifies.
     *
     * @throws ItsmeRejectedException ITSME-1401 unreadable, 1406 not RS256, 1408 crit, 1407 no itsme key verifies it
     * @throws ItsmeException when itsme's keys cannot be fetched
     */
    String verify(String compact, String what) throws ItsmeException {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setAlgorithmConstraints(RS256_ONLY);
        try {
            jws.setCompactSerialization(compact);
        } catch (JoseException | RuntimeException e) {
            throw new ItsmeRejectedException(ItsmeMessage.TOKEN_MALFORMED, what, "unreadable JWS");
        }
        Object alg = jws.getHeaders().getObjectHeaderValue(HeaderParameterNames.ALGORITHM);
        if (!AlgorithmIdentifiers.RSA_USING_SHA256.equals(alg)) {
            throw new ItsmeRejectedException(ItsmeMessage.JWS_ALGORITHM_REFUSED, what, TokenShape.safe(alg));
        }
        if (jws.getHeaders().getObjectHeaderValue(HeaderParameterNames.CRITICAL) != null) {
            throw new ItsmeRejectedException(ItsmeMessage.JOSE_HEADER_REFUSED, what, HeaderParameterNames.CRITICAL);
        }
        Object kid = jws.getHeaders().getObjectHeaderValue(HeaderParameterNames.KEY_ID);
        boolean valid = false;
        if (kid instanceof String k) {
            Optional<RSAPublicKey> key = jwks.verificationKey(k);
            valid = key.isPresent() && verifies(jws, key.get());
        } else if (kid == null) {
            // itsme always sends a kid; without one, only the keys already known are tried (no fetch)
            for (RSAPublicKey key : jwks.verificationKeys()) {
                if (verifies(jws, key)) {
                    valid = true;
                    break;
                }
            }
        }
        if (!valid) {
            throw new ItsmeRejectedException(ItsmeMessage.JWS_SIGNATURE_INVALID, what);
        }
        try {
            return jws.getPayload();
        } catch (JoseException | RuntimeException e) {
            throw new ItsmeRejectedException(ItsmeMessage.TOKEN_MALFORMED, what, "unreadable JWS");
        }
    }

    private static boolean verifies(JsonWebSignature jws, PublicKey key) {
        try {
            jws.setKey(key);
            return jws.verifySignature();
        } catch (JoseException | RuntimeException e) {
            return false;
        }
    }
}
