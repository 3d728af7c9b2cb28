package io.github.itsmejakarta.core.internal.request;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * PKCE with S256 (RFC 7636 4.1 and 4.2): the verifier is 43 to 128 characters of the unreserved set, the challenge
 * {@code BASE64URL(SHA256(ASCII(verifier)))}.
 *
 * <p>Stateless and thread-safe.
 */
public final class Pkce {
    private static final Pattern VERIFIER = Pattern.compile("[A-Za-z0-9\\-._~]{43,128}");

    private Pkce() {
    }

    /** A fresh verifier: 32 random bytes, base64url (43 characters). */
    public static String newVerifier() {
        return Randoms.token();
    }

    /** The S256 challenge of {@code verifier}. */
    public static String challenge(String verifier) {
        if (!VERIFIER.matcher(verifier).matches()) {
            throw new IllegalArgumentException("A code_verifier has 43 to 128 unreserved characters (RFC 7636 4.1)");
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }
}
