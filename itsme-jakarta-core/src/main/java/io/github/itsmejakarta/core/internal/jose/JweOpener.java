package io.github.itsmejakarta.core.internal.jose;

import io.github.itsmejakarta.core.ItsmeMessage;
import io.github.itsmejakarta.core.ItsmeRejectedException;
import io.github.itsmejakarta.core.keys.DecryptionKey;
import java.security.PrivateKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwa.AlgorithmConstraints.ConstraintType;
import org.jose4j.jwe.JsonWebEncryption;
import org.jose4j.jwx.HeaderParameterNames;
import org.jose4j.jwx.Headers;
import org.jose4j.lang.JoseException;

/**
 * Opens itsme's outer JWE (RFC 7516 5.2) with jose4j's {@link JsonWebEncryption}; jose4j does all the cryptography
 * (RSA-OAEP / RSA-OAEP-256 key unwrap, RFC 7518 4.3; AES_CBC_HMAC_SHA2 with the tag checked before decryption, 5.2; AES
 * GCM, 5.3). What is decided here, before any key operation:
 * <ul>
 * <li>the header (checklist 13, 14, 11, 12): {@code alg} in the policy's set (RSA-OAEP-256, RSA-OAEP; RFC 8725 3.2
 * rules out RSA1_5), {@code enc} advertised, no {@code zip} (CVE-2024-29371), no {@code crit}, {@code cty: JWT} (RFC
 * 7519 5.2). The same sets are also jose4j's {@link AlgorithmConstraints}, so jose4j refuses anything else too;</li>
 * <li>the key (checklist 16, 30): the RP key the JWE {@code kid} names, or every decryption key in turn when the kid is
 * absent or unknown.</li>
 * </ul>
 * Every failure of the decryption itself (tampered header, encrypted key, IV, ciphertext or tag, a key that does not
 * fit) is the one message ITSME-1404 (checklist 15). jose4j 0.9.6 fails an RSA-OAEP unwrap at once with an
 * {@code IntegrityException} (its random-key substitute of RFC 7516 11.5 is only for RSA1_5, which is refused here)
 * and a bad tag with a {@code JoseException} (Jose4jFailureModesTest pins both); they are not told apart here. The
 * OAEP padding check itself is the JDK's, and a tampered OAEP block that still unwraps is as likely as guessing the
 * key, so failing before the content decryption instead of after it tells an attacker nothing.
 *
 * <p>Keys and algorithm constraints are built once. Thread-safe: immutable; a {@link JsonWebEncryption} is made per
 * token and never shared.
 */
final class JweOpener {
    private final Map<String, PrivateKey> byKid = new LinkedHashMap<>();
    private final List<PrivateKey> all;
    private final Set<String> algorithms;
    private final Set<String> encryptions;
    private final AlgorithmConstraints algorithmConstraints;
    private final AlgorithmConstraints encryptionConstraints;

    JweOpener(List<DecryptionKey> keys, Set<String> algorithms, Set<String> encryptions) {
        for (DecryptionKey key : keys) {
            byKid.putIfAbsent(key.kid(), key.privateKey());
        }
        this.all = keys.stream().map(k -> (PrivateKey) k.privateKey()).toList();
        this.algorithms = Set.copyOf(algorithms);
        this.encryptions = Set.copyOf(encryptions);
        this.algorithmConstraints = new AlgorithmConstraints(ConstraintType.PERMIT, algorithms.toArray(String[]::new));
        this.encryptionConstraints = new AlgorithmConstraints(ConstraintType.PERMIT,
                encryptions.toArray(String[]::new));
    }

    /**
     * The plaintext of a compact JWE whose shape {@link TokenShape#checkJwe} has accepted.
     *
     * @throws ItsmeRejectedException ITSME-1401 unreadable header, 1403 refused alg/enc, 1408 zip/crit, 1405 no
     *         {@code cty: JWT}, 1404 nothing decrypts it
     */
    byte[] open(String token, String what) throws ItsmeRejectedException {
        JsonWebEncryption jwe = parse(token, what);
        Headers headers = jwe.getHeaders();
        checkHeader(headers, what);
        PrivateKey named = headers.getObjectHeaderValue(HeaderParameterNames.KEY_ID) instanceof String kid
                ? byKid.get(kid)
                : null;
        if (named != null) {
            return decrypt(jwe, named, what);
        }
        for (int i = 0; i < all.size(); i++) {
            try {
                return decrypt(i == 0 ? jwe : parse(token, what), all.get(i), what);
            } catch (ItsmeRejectedException e) {
                if (i == all.size() - 1) {
                    throw e;
                }
            }
        }
        throw new ItsmeRejectedException(ItsmeMessage.JWE_DECRYPTION_FAILED, what);
    }

    private JsonWebEncryption parse(String token, String what) throws ItsmeRejectedException {
        JsonWebEncryption jwe = new JsonWebEncryption();
        jwe.setAlgorithmConstraints(algorithmConstraints);
        jwe.setContentEncryptionAlgorithmConstraints(encryptionConstraints);
        try {
            jwe.setCompactSerialization(token);
        } catch (JoseException | RuntimeException e) {
            throw new ItsmeRejectedException(ItsmeMessage.TOKEN_MALFORMED, what, "unreadable JWE header");
        }
        return jwe;
    }

    private void checkHeader(Headers headers, String what) throws ItsmeRejectedException {
        Object alg = headers.getObjectHeaderValue(HeaderParameterNames.ALGORITHM);
        if (!(alg instanceof String a) || !algorithms.contains(a)) {
            throw new ItsmeRejectedException(ItsmeMessage.JWE_ALGORITHM_REFUSED, what, "alg " + TokenShape.safe(alg));
        }
        Object enc = headers.getObjectHeaderValue(HeaderParameterNames.ENCRYPTION_METHOD);
        if (!(enc instanceof String e) || !encryptions.contains(e)) {
            throw new ItsmeRejectedException(ItsmeMessage.JWE_ALGORITHM_REFUSED, what, "enc " + TokenShape.safe(enc));
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

    /** One outcome for every kind of damage (checklist 15): no padding, key or tag oracle. */
    private static byte[] decrypt(JsonWebEncryption jwe, PrivateKey key, String what) throws ItsmeRejectedException {
        try {
            jwe.setKey(key);
            return jwe.getPlaintextBytes();
        } catch (JoseException | RuntimeException e) {
            throw new ItsmeRejectedException(ItsmeMessage.JWE_DECRYPTION_FAILED, what);
        }
    }
}
