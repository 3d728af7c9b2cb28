package io.github.itsmejakarta.core.internal.jose;

import io.github.itsmejakarta.core.ItsmeMessage;
import io.github.itsmejakarta.core.ItsmeRejectedException;
import io.github.itsmejakarta.core.keys.DecryptionKey;
import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.security.PrivateKey;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jose4j.jca.ProviderContext;
import org.jose4j.jwa.AlgorithmFactoryFactory;
import org.jose4j.jwe.ContentEncryptionAlgorithm;
import org.jose4j.jwe.ContentEncryptionKeyDescriptor;
import org.jose4j.jwe.ContentEncryptionParts;
import org.jose4j.jwe.KeyManagementAlgorithm;
import org.jose4j.jwx.HeaderParameterNames;
import org.jose4j.jwx.Headers;
import org.jose4j.lang.JoseException;

/**
 * Opens itsme's outer JWE (RFC 7516 5.2) with jose4j's JWE algorithms; jose4j does all the cryptography (RSA-OAEP /
 * RSA-OAEP-256 key unwrap, RFC 7518 4.3; AES_CBC_HMAC_SHA2 with the tag checked before decryption, 5.2; AES GCM, 5.3).
 * What is decided here, before any key operation:
 * <ul>
 * <li>the header (checklist 13, 14, 11, 12): {@code alg} in the policy's set (RSA-OAEP-256, RSA-OAEP; RFC 8725 3.2
 * rules out RSA1_5), {@code enc} advertised, no {@code zip} (CVE-2024-29371), no {@code crit}, {@code cty: JWT} (RFC
 * 7519 5.2). Only the algorithms of these sets are ever taken from jose4j's algorithm factories;</li>
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
 * <p>Why not jose4j's {@code JsonWebEncryption}: it runs the same algorithm objects, in the same order, but decodes
 * the five segments with jose4j's own base64 codec (a copy of an old commons-codec: byte by byte, an 8 KB buffer per
 * segment) and looks the JCA providers up per token; together about a tenth of a token's CPU time (benchmarks/README).
 * Here the segments are decoded with {@link Base64} (the shape was checked by {@link TokenShape#checkJwe}) and the JCA
 * providers are named once ({@link JcaProviders}).
 *
 * <p>Keys, algorithms and providers are resolved once. Thread-safe: immutable (jose4j's algorithm objects are
 * stateless; each call makes its own JCA objects).
 */
final class JweOpener {
    private static final Base64.Decoder BASE64URL = Base64.getUrlDecoder();

    private final Map<String, PrivateKey> byKid = new LinkedHashMap<>();
    private final List<PrivateKey> all;
    private final Map<String, KeyManagementAlgorithm> algorithms;
    private final Map<String, ContentEncryptionAlgorithm> encryptions;
    private final ProviderContext providers;

    JweOpener(List<DecryptionKey> keys, Set<String> algorithms, Set<String> encryptions) {
        for (DecryptionKey key : keys) {
            byKid.putIfAbsent(key.kid(), key.privateKey());
        }
        this.all = keys.stream().map(k -> (PrivateKey) k.privateKey()).toList();
        AlgorithmFactoryFactory factories = AlgorithmFactoryFactory.getInstance();
        this.algorithms = algorithms.stream().collect(Collectors.toUnmodifiableMap(Function.identity(),
                name -> algorithm(() -> factories.getJweKeyManagementAlgorithmFactory().getAlgorithm(name))));
        this.encryptions = encryptions.stream().collect(Collectors.toUnmodifiableMap(Function.identity(),
                name -> algorithm(() -> factories.getJweContentEncryptionAlgorithmFactory().getAlgorithm(name))));
        this.providers = JcaProviders.forDecryption(all);
    }

    /**
     * The plaintext of a compact JWE whose shape {@link TokenShape#checkJwe} has accepted.
     *
     * @throws ItsmeRejectedException ITSME-1401 unreadable header, 1403 refused alg/enc, 1408 zip/crit, 1405 no
     *         {@code cty: JWT}, 1404 nothing decrypts it
     */
    byte[] open(String token, String what) throws ItsmeRejectedException {
        int d1 = token.indexOf('.');
        int d2 = token.indexOf('.', d1 + 1);
        int d3 = token.indexOf('.', d2 + 1);
        int d4 = token.indexOf('.', d3 + 1);
        String encodedHeader = token.substring(0, d1);
        Headers headers = new Headers();
        try {
            headers.setFullHeaderAsJsonString(new String(BASE64URL.decode(encodedHeader), StandardCharsets.UTF_8));
        } catch (JoseException | RuntimeException e) {
            throw new ItsmeRejectedException(ItsmeMessage.TOKEN_MALFORMED, what, "unreadable JWE header");
        }
        Object alg = headers.getObjectHeaderValue(HeaderParameterNames.ALGORITHM);
        KeyManagementAlgorithm keyAlgorithm = alg instanceof String a ? algorithms.get(a) : null;
        if (keyAlgorithm == null) {
            throw new ItsmeRejectedException(ItsmeMessage.JWE_ALGORITHM_REFUSED, what, "alg " + TokenShape.safe(alg));
        }
        Object enc = headers.getObjectHeaderValue(HeaderParameterNames.ENCRYPTION_METHOD);
        ContentEncryptionAlgorithm contentAlgorithm = enc instanceof String e ? encryptions.get(e) : null;
        if (contentAlgorithm == null) {
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
        Jwe jwe;
        try {
            jwe = new Jwe(headers, keyAlgorithm, contentAlgorithm, BASE64URL.decode(token.substring(d1 + 1, d2)),
                    new ContentEncryptionParts(BASE64URL.decode(token.substring(d2 + 1, d3)),
                            BASE64URL.decode(token.substring(d3 + 1, d4)), BASE64URL.decode(token.substring(d4 + 1))),
                    encodedHeader.getBytes(StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            throw new ItsmeRejectedException(ItsmeMessage.TOKEN_MALFORMED, what, "not base64url");
        }
        PrivateKey named = headers.getObjectHeaderValue(HeaderParameterNames.KEY_ID) instanceof String kid
                ? byKid.get(kid)
                : null;
        if (named != null) {
            return decrypt(jwe, named, what);
        }
        for (int i = 0; i < all.size(); i++) {
            try {
                return decrypt(jwe, all.get(i), what);
            } catch (ItsmeRejectedException e) {
                if (i == all.size() - 1) {
                    throw e;
                }
            }
        }
        throw new ItsmeRejectedException(ItsmeMessage.JWE_DECRYPTION_FAILED, what);
    }

    /** What jose4j's {@code JsonWebEncryption} holds once it has parsed a token. */
    private record Jwe(Headers headers, KeyManagementAlgorithm keyAlgorithm,
            ContentEncryptionAlgorithm contentAlgorithm,
            byte[] encryptedKey, ContentEncryptionParts parts, byte[] aad) {
    }

    /**
     * jose4j's own decryption steps ({@code JsonWebEncryption.decrypt} in 0.9.6: key validation, unwrap, key length,
     * content decryption), with one outcome for every kind of damage (checklist 15): no padding, key or tag oracle.
     */
    private byte[] decrypt(Jwe jwe, PrivateKey key, String what) throws ItsmeRejectedException {
        try {
            ContentEncryptionKeyDescriptor descriptor = jwe.contentAlgorithm().getContentEncryptionKeyDescriptor();
            jwe.keyAlgorithm().validateDecryptionKey(key, jwe.contentAlgorithm());
            Key cek = jwe.keyAlgorithm().manageForDecrypt(jwe.keyAlgorithm().prepareForDecrypt(key, jwe.headers(),
                    providers), jwe.encryptedKey(), descriptor, jwe.headers(), providers);
            byte[] rawCek = cek.getEncoded();
            if (rawCek == null || rawCek.length != descriptor.getContentEncryptionKeyByteLength()) {
                throw new ItsmeRejectedException(ItsmeMessage.JWE_DECRYPTION_FAILED, what);
            }
            return jwe.contentAlgorithm().decrypt(jwe.parts(), jwe.aad(), rawCek, jwe.headers(), providers);
        } catch (JoseException | RuntimeException e) {
            throw new ItsmeRejectedException(ItsmeMessage.JWE_DECRYPTION_FAILED, what);
        }
    }

    private interface AlgorithmLookup<T> {
        T get() throws JoseException;
    }

    private static <T> T algorithm(AlgorithmLookup<T> lookup) {
        try {
            return lookup.get();
        } catch (JoseException e) {
            // TokenPolicy allows only what jose4j implements, so this is a broken class path
            throw new IllegalStateException("jose4j lacks an algorithm the token policy allows", e);
        }
    }
}
