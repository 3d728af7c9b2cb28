package io.github.itsmejakarta.testkit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.regex.Pattern;

/** PKCE S256 (RFC 7636 sections 4.1, 4.6). Stateless, thread-safe. */
public final class Pkce {

    private static final Pattern VERIFIER = Pattern.compile("[A-Za-z0-9\\-._~]{43,128}");

    private Pkce() {
    }

    /** True when the verifier is well-formed (43 to 128 unreserved characters). */
    public static boolean wellFormed(String verifier) {
        return verifier != null && VERIFIER.matcher(verifier).matches();
    }

    /** True when BASE64URL(SHA-256(verifier)) equals the challenge, compared in constant time. */
    public static boolean matches(String verifier, String challenge) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            String computed = Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
            return MessageDigest.isEqual(computed.getBytes(StandardCharsets.US_ASCII),
                    challenge.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is mandatory in every JDK", e);
        }
    }
}
