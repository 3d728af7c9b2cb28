package io.github.itsmejakarta.core.internal.request;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Unguessable values for {@code state}, {@code nonce}, PKCE verifiers, {@code jti} and request object ids: 32 bytes
 * from {@link SecureRandom}, base64url without padding (43 characters, RFC 7636 7.1 asks for 256 bits).
 *
 * <p>Thread-safe: {@link SecureRandom} is.
 */
public final class Randoms {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    private Randoms() {
    }

    /** 32 random bytes, base64url. */
    public static String token() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return B64URL.encodeToString(bytes);
    }
}
