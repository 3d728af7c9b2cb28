package io.github.itsmejakarta.core.internal.jose;

import io.github.itsmejakarta.core.keys.DecryptionKey;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.MGF1ParameterSpec;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import org.jose4j.jwx.Headers;
import org.jose4j.lang.JoseException;

/**
 * Decrypts a compact JWE (RFC 7516 5.2) whose header the caller has already checked, with RSA-OAEP or RSA-OAEP-256
 * key management (RFC 7518 4.3) and one of jose4j's content encryption algorithms (RFC 7518 5.2, 5.3).
 *
 * <p>Why not jose4j's {@code JsonWebEncryption}: per token it looks up and initialises a new RSA {@link Cipher} and
 * decodes every segment with its own base64 codec; its content decryption looks up a {@code Cipher} and a {@code Mac}
 * per token. Together that is several percent of a token's cost next to the bare RSA-OAEP unwrap (measured on this
 * project's benchmark machine). Here the segments are decoded with the JDK's decoder, the RSA ciphers are initialised
 * once per key and algorithm and reused from a small pool (a {@code Cipher} is not thread-safe: each is used by one
 * thread at a time, then returned), and content decryption is {@link ContentDecryption}. The header is parsed by
 * jose4j's {@link Headers}.
 *
 * <p>Oracle resistance (RFC 7516 11.5, RFC 3218): when the RSA unwrap fails, a random key of the right length takes the
 * place of the content key and content decryption runs as usual, so a bad encrypted key and a bad tag fail the same
 * way and take about the same time; the caller reports both with one message.
 *
 * <p>Thread-safe.
 */
final class JweDecryptor {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Decoder BASE64URL = Base64.getUrlDecoder();

    /** A parsed compact JWE: the header as sent (it is the AAD) and the four decoded binary parts. */
    record Parts(String encodedHeader, Headers headers, byte[] encryptedKey, byte[] iv, byte[] ciphertext,
            byte[] tag) {
    }

    /** Initialised RSA ciphers for one key and one algorithm. */
    private static final class Unwrapper {
        private final String transformation;
        private final OAEPParameterSpec spec;
        private final RSAPrivateKey key;
        private final ConcurrentLinkedQueue<Cipher> pool = new ConcurrentLinkedQueue<>();

        Unwrapper(String transformation, OAEPParameterSpec spec, RSAPrivateKey key) {
            this.transformation = transformation;
            this.spec = spec;
            this.key = key;
        }

        /** The content key, or {@code null} when this key cannot unwrap it. */
        byte[] unwrap(byte[] encryptedKey) {
            Cipher cipher = pool.poll();
            try {
                if (cipher == null) {
                    cipher = Cipher.getInstance(transformation);
                    cipher.init(Cipher.DECRYPT_MODE, key, spec);
                }
                byte[] cek = cipher.doFinal(encryptedKey);
                pool.offer(cipher);
                return cek;
            } catch (GeneralSecurityException | RuntimeException e) {
                return null; // the cipher is dropped: its state after a failure is not trusted
            }
        }
    }

    private static final OAEPParameterSpec OAEP_SHA1 = new OAEPParameterSpec("SHA-1", "MGF1", MGF1ParameterSpec.SHA1,
            PSource.PSpecified.DEFAULT);
    private static final OAEPParameterSpec OAEP_SHA256 = new OAEPParameterSpec("SHA-256", "MGF1",
            MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT);

    private final Map<String, Map<String, Unwrapper>> byKid = new HashMap<>();
    private final List<Map<String, Unwrapper>> all;

    JweDecryptor(List<DecryptionKey> keys, Set<String> jweAlgorithms) {
        for (DecryptionKey key : keys) {
            Map<String, Unwrapper> perAlg = new HashMap<>();
            if (jweAlgorithms.contains("RSA-OAEP-256")) {
                perAlg.put("RSA-OAEP-256",
                        new Unwrapper("RSA/ECB/OAEPWithSHA-256AndMGF1Padding", OAEP_SHA256, key.privateKey()));
            }
            if (jweAlgorithms.contains("RSA-OAEP")) {
                perAlg.put("RSA-OAEP",
                        new Unwrapper("RSA/ECB/OAEPWithSHA-1AndMGF1Padding", OAEP_SHA1, key.privateKey()));
            }
            byKid.put(key.kid(), Map.copyOf(perAlg));
        }
        this.all = keys.stream().map(k -> byKid.get(k.kid())).toList();
    }

    /**
     * Splits and decodes a token already known to have five non-empty base64url segments, and parses its header.
     *
     * @throws JoseException when the header is not a JSON object
     */
    static Parts parse(String token) throws JoseException {
        int d1 = token.indexOf('.');
        int d2 = token.indexOf('.', d1 + 1);
        int d3 = token.indexOf('.', d2 + 1);
        int d4 = token.indexOf('.', d3 + 1);
        String encodedHeader = token.substring(0, d1);
        Headers headers = new Headers();
        headers.setFullHeaderAsJsonString(new String(BASE64URL.decode(encodedHeader), StandardCharsets.UTF_8));
        return new Parts(encodedHeader, headers, BASE64URL.decode(token.substring(d1 + 1, d2)),
                BASE64URL.decode(token.substring(d2 + 1, d3)), BASE64URL.decode(token.substring(d3 + 1, d4)),
                BASE64URL.decode(token.substring(d4 + 1)));
    }

    /**
     * The plaintext, using the key named {@code kid} when the RP holds it, else trying every key; {@code null} when
     * nothing decrypts (whatever the reason).
     */
    byte[] decrypt(Parts parts, String alg, String enc, String kid) {
        ContentDecryption content = ContentDecryption.forEnc(enc);
        Map<String, Unwrapper> named = kid == null ? null : byKid.get(kid);
        if (content == null) {
            return null;
        }
        if (named != null) {
            return decryptWith(named.get(alg), parts, content);
        }
        for (Map<String, Unwrapper> candidate : all) {
            byte[] plaintext = decryptWith(candidate.get(alg), parts, content);
            if (plaintext != null) {
                return plaintext;
            }
        }
        return null;
    }

    private static byte[] decryptWith(Unwrapper unwrapper, Parts parts, ContentDecryption content) {
        if (unwrapper == null) {
            return null;
        }
        byte[] cek = unwrapper.unwrap(parts.encryptedKey());
        if (cek == null || cek.length != content.keyBytes()) {
            cek = new byte[content.keyBytes()];
            RANDOM.nextBytes(cek); // RFC 7516 11.5: carry on with a random key, fail at the tag like any other damage
        }
        return content.decrypt(cek, parts.encodedHeader().getBytes(StandardCharsets.US_ASCII), parts.iv(),
                parts.ciphertext(), parts.tag());
    }
}
