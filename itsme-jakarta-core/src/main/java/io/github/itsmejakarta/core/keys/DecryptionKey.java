package io.github.itsmejakarta.core.keys;

import java.security.interfaces.RSAPrivateKey;
import java.util.Objects;

/**
 * One of the relying party's {@code use: enc} keys: itsme encrypts ID tokens and userinfo to its public half and names
 * it in the JWE {@code kid} header.
 *
 * <p>Immutable and thread-safe. {@link #toString()} never shows the key.
 *
 * @param kid the key id published in the RP's JWK set
 * @param privateKey the RSA private key (CRT form when the JWK carried the CRT parameters)
 */
public record DecryptionKey(String kid, RSAPrivateKey privateKey) {
    public DecryptionKey {
        Objects.requireNonNull(kid, "kid");
        Objects.requireNonNull(privateKey, "privateKey");
    }

    @Override
    public String toString() {
        return "DecryptionKey[kid=" + kid + "]";
    }
}
