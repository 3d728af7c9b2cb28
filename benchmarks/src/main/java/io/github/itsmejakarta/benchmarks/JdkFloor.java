package io.github.itsmejakarta.benchmarks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.MGF1ParameterSpec;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;

import org.jose4j.jwe.JsonWebEncryption;
import org.jose4j.lang.JoseException;

/**
 * The floor (a): the two RSA operations no correct processor of an itsme ID token can avoid, done with the JDK alone
 * on the token's own bytes — the RSA-OAEP-256 unwrap of the JWE's encrypted key (RFC 7518 4.3: SHA-256 and MGF1 with
 * SHA-256, which the JDK's transformation name alone does not give: its MGF1 defaults to SHA-1) and the RS256
 * verification of the inner JWS.
 * <p>
 * The {@link Cipher} and {@link Signature} are built and initialised once, as a floor should: nothing else is
 * measured but a base64url decode of the encrypted key. The inner JWS sits inside the AES-CBC ciphertext; reaching it
 * is content decryption, not an RSA operation, so {@link #inputOf} extracts it beforehand. Not thread-safe (one
 * instance per JMH thread).
 */
public final class JdkFloor {

    static final OAEPParameterSpec RSA_OAEP_256 = new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256,
            PSource.PSpecified.DEFAULT);
    /** A128CBC-HS256 content encryption key: 16 bytes MAC key + 16 bytes AES key (RFC 7518 5.2.3). */
    private static final int CEK_BYTES = 32;

    private final Cipher oaep;
    private final Signature rs256;

    public JdkFloor(PrivateKey rpEncryptionKey, PublicKey itsmeSigningKey) throws GeneralSecurityException {
        oaep = Cipher.getInstance("RSA/ECB/OAEPWithSHA-256AndMGF1Padding");
        oaep.init(Cipher.DECRYPT_MODE, rpEncryptionKey, RSA_OAEP_256);
        rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initVerify(itsmeSigningKey);
    }

    /** One nested token as the floor sees it: the compact JWE, and its inner JWS's signing input and signature. */
    public record Input(String token, byte[] innerSigningInput, byte[] innerSignature) {
    }

    /** Decrypts the token once (jose4j) to reach the inner JWS: preparation, outside the measurement. */
    public static Input inputOf(String token, PrivateKey rpEncryptionKey) throws JoseException {
        JsonWebEncryption jwe = new JsonWebEncryption();
        jwe.setCompactSerialization(token);
        jwe.setKey(rpEncryptionKey);
        String inner = jwe.getPayload();
        int lastDot = inner.lastIndexOf('.');
        return new Input(token, inner.substring(0, lastDot).getBytes(StandardCharsets.US_ASCII),
                Base64.getUrlDecoder().decode(inner.substring(lastDot + 1)));
    }

    /**
     * Unwraps the content key and verifies the signature; throws if either fails.
     *
     * @return the content encryption key, so that the JIT cannot drop the unwrap
     */
    public byte[] process(Input input) throws GeneralSecurityException {
        String token = input.token();
        int first = token.indexOf('.');
        int second = token.indexOf('.', first + 1);
        byte[] encryptedKey = Base64.getUrlDecoder().decode(token.substring(first + 1, second));
        byte[] cek = oaep.doFinal(encryptedKey);
        if (cek.length != CEK_BYTES) {
            throw new GeneralSecurityException("unexpected content key length");
        }
        rs256.update(input.innerSigningInput());
        if (!rs256.verify(input.innerSignature())) {
            throw new SignatureException("inner RS256 signature does not verify");
        }
        return cek;
    }
}
