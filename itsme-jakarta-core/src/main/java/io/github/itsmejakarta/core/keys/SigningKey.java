package io.github.itsmejakarta.core.keys;

import java.security.interfaces.RSAPrivateKey;
import java.util.Objects;

/**
 * The relying party's active signing key: what client assertions and request objects are signed with (RS256, the
 * {@code kid} goes into the JWS header so that itsme can pick the public key from the RP's published set).
 *
 * <p>Immutable and thread-safe. {@link #toString()} never shows the key.
 *
 * @param kid the key id published in the RP's JWK set
 * @param privateKey the RSA private key (CRT form when the JWK carried the CRT parameters)
 */
public record SigningKey(String kid, RSAPrivateKey privateKey) {
    public SigningKey {
        Objects.requireNonNull(kid, "kid");
        Objects.requireNonNull(privateKey, "privateKey");
    }

    @Override
    public String toString() {
        return "SigningKey[kid=" + kid + "]";
    }
}
