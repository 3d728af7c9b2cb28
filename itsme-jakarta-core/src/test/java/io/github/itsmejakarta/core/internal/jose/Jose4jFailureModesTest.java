package io.github.itsmejakarta.core.internal.jose;

import static io.github.itsmejakarta.core.testing.TokenFixture.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.jose4j.jwe.JsonWebEncryption;
import org.jose4j.lang.IntegrityException;
import org.jose4j.lang.JoseException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Pins what {@link JweOpener} relies on in jose4j rather than assuming it. jose4j 0.9.6 substitutes a random content key
 * only for RSA1_5 (refused here); a damaged RSA-OAEP encrypted key fails at once, in the unwrap, with an
 * {@link IntegrityException} ("key unwrap/decrypt failed"). A damaged tag or ciphertext fails in the content
 * decryption with a {@link JoseException} (an {@code IntegrityException} for AES-CBC-HMAC, whose tag jose4j checks
 * before decrypting; a wrapped {@code AEADBadTagException} for AES-GCM). The processor maps every one of them to
 * ITSME-1404 (IdTokenChecklistTest, checklist 15). If a jose4j upgrade changes this, this test says so.
 */
@DisplayName("jose4j's JWE failure modes that the processor relies on")
class Jose4jFailureModesTest {

    static byte[] decrypt(String token) throws Exception {
        JsonWebEncryption jwe = new JsonWebEncryption();
        jwe.setCompactSerialization(token);
        jwe.setKey(RP_KEYS.decryptionKeys().get(0).privateKey());
        return jwe.getPlaintextBytes();
    }

    @ParameterizedTest(name = "{0} / {1}")
    @CsvSource({"RSA-OAEP-256, A128CBC-HS256", "RSA-OAEP, A256GCM"})
    void damaged_encrypted_key_fails_in_the_unwrap_and_damaged_content_in_the_decryption(String alg, String enc) {
        String token = idToken().encryptedWith(alg, enc).build();
        assertThatThrownBy(() -> decrypt(flip(token, 1))).isInstanceOf(IntegrityException.class)
                .hasMessageContaining("key unwrap/decrypt failed");
        assertThatThrownBy(() -> decrypt(flip(token, 4))).isInstanceOf(JoseException.class)
                .hasMessageNotContaining("key unwrap");
        assertThatThrownBy(() -> decrypt(flip(token, 3))).isInstanceOf(JoseException.class)
                .hasMessageNotContaining("key unwrap");
    }

    @ParameterizedTest(name = "{0} / {1}")
    @CsvSource({"RSA-OAEP-256, A128CBC-HS256", "RSA-OAEP, A256GCM"})
    void twin_undamaged_token_decrypts(String alg, String enc) throws Exception {
        Token token = idToken().encryptedWith(alg, enc);
        String built = token.build();
        String inner = new String(decrypt(built), StandardCharsets.US_ASCII);
        assertThat(segments(inner)).hasSize(3);
    }
}
