package io.github.itsmejakarta.core.internal.jose;

import io.github.itsmejakarta.core.ItsmeException;
import io.github.itsmejakarta.core.ItsmeMessage;
import io.github.itsmejakarta.core.ItsmeRejectedException;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.jose4j.jca.ProviderContext;
import org.jose4j.json.JsonUtil;
import org.jose4j.jwa.AlgorithmFactoryFactory;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignatureAlgorithm;
import org.jose4j.jwx.HeaderParameterNames;
import org.jose4j.lang.JoseException;

/**
 * Verifies itsme's inner JWS (RFC 7515 5.2) with jose4j's RS256 algorithm (RFC 7518 3.3), which does the
 * verification. What is decided here: {@code alg} exactly RS256 (checklist 3; OIDC Core 3.1.3.7 step 7), the only
 * algorithm ever taken from jose4j; no {@code crit} (11); the key found by {@code kid} in itsme's JWK set only,
 * refetched once when the kid is unknown (4, 28; {@code jwk/jku/x5u/x5c} are never looked at, RFC 8725 3.10); without
 * a kid, only the keys already known are tried, without a fetch.
 *
 * <p>As in {@link JweOpener}, jose4j's {@code JsonWebSignature} is not used only for its base64 codec and per-token
 * provider look-up: the segments are decoded with {@link Base64} and the header parsed with jose4j's JSON parser
 * (which refuses duplicate names), the signing input is the ASCII of header and payload as received (RFC 7515 5.2
 * step 8), and the provider is named once ({@link JcaProviders}).
 *
 * <p>Thread-safe: immutable; jose4j's algorithm object is stateless and makes its JCA objects per call.
 */
final class JwsVerifier {
    private static final Base64.Decoder BASE64URL = Base64.getUrlDecoder();

    private final ItsmeJwks jwks;
    private final JsonWebSignatureAlgorithm rs256;
    private final ProviderContext providers = JcaProviders.forVerification();

    JwsVerifier(ItsmeJwks jwks) {
        this.jwks = jwks;
        try {
            this.rs256 = AlgorithmFactoryFactory.getInstance().getJwsAlgorithmFactory().getAlgorithm(
                    AlgorithmIdentifiers.RSA_USING_SHA256);
        } catch (JoseException e) {
            throw new IllegalStateException("jose4j lacks RS256", e);
        }
    }

    /**
     * The payload of a compact JWS whose shape {@link TokenShape#checkJws} has accepted, once its signature verifies.
     *
     * @throws ItsmeRejectedException ITSME-1401 unreadable, 1406 not RS256, 1408 crit, 1407 no itsme key verifies it
     * @throws ItsmeException when itsme's keys cannot be fetched
     */
    String verify(String compact, String what) throws ItsmeException {
        int d1 = compact.indexOf('.');
        int d2 = compact.indexOf('.', d1 + 1);
        Map<String, Object> header;
        byte[] signature;
        try {
            header = JsonUtil.parseJson(new String(BASE64URL.decode(compact.substring(0, d1)),
                    StandardCharsets.UTF_8));
            signature = BASE64URL.decode(compact.substring(d2 + 1));
        } catch (JoseException | RuntimeException e) {
            throw new ItsmeRejectedException(ItsmeMessage.TOKEN_MALFORMED, what, "unreadable JWS");
        }
        Object alg = header.get(HeaderParameterNames.ALGORITHM);
        if (!AlgorithmIdentifiers.RSA_USING_SHA256.equals(alg)) {
            throw new ItsmeRejectedException(ItsmeMessage.JWS_ALGORITHM_REFUSED, what, TokenShape.safe(alg));
        }
        if (header.get(HeaderParameterNames.CRITICAL) != null) {
            throw new ItsmeRejectedException(ItsmeMessage.JOSE_HEADER_REFUSED, what, HeaderParameterNames.CRITICAL);
        }
        byte[] signingInput = compact.substring(0, d2).getBytes(StandardCharsets.US_ASCII);
        Object kid = header.get(HeaderParameterNames.KEY_ID);
        boolean valid = false;
        if (kid instanceof String k) {
            Optional<RSAPublicKey> key = jwks.verificationKey(k);
            valid = key.isPresent() && verifies(signature, signingInput, key.get());
        } else if (kid == null) {
            // itsme always sends a kid; without one, only the keys already known are tried (no fetch)
            for (RSAPublicKey key : jwks.verificationKeys()) {
                if (verifies(signature, signingInput, key)) {
                    valid = true;
                    break;
                }
            }
        }
        if (!valid) {
            throw new ItsmeRejectedException(ItsmeMessage.JWS_SIGNATURE_INVALID, what);
        }
        try {
            return new String(BASE64URL.decode(compact.substring(d1 + 1, d2)), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new ItsmeRejectedException(ItsmeMessage.TOKEN_MALFORMED, what, "unreadable JWS");
        }
    }

    /** jose4j's own steps ({@code JsonWebSignature.verifySignature} in 0.9.6): key validation, then verification. */
    private boolean verifies(byte[] signature, byte[] signingInput, PublicKey key) {
        try {
            rs256.validateVerificationKey(key);
            return rs256.verifySignature(signature, key, signingInput, providers);
        } catch (JoseException | RuntimeException e) {
            return false;
        }
    }
}
