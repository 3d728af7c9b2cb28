package io.github.itsmejakarta.core.internal.jose;

import io.github.itsmejakarta.core.ItsmeMessage;
import io.github.itsmejakarta.core.ItsmeRejectedException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The checks a compact token passes before any JSON parser or key sees it (security checklist 17, RFC 8725 3.1 spirit:
 * bound the work an unauthenticated input can cause): bounded size, the segment count, base64url characters and
 * lengths, and a JOSE header that is small and flat.
 *
 * <p>Stateless and thread-safe.
 */
final class TokenShape {
    private static final int MAX_HEADER_CHARS = 8 * 1024;
    private static final int MAX_HEADER_DEPTH = 4;
    private static final Base64.Decoder BASE64URL_DECODER = Base64.getUrlDecoder();
    private static final boolean[] BASE64URL = new boolean[128];
    static {
        for (char c : "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".toCharArray()) {
            BASE64URL[c] = true;
        }
    }

    private TokenShape() {
    }

    /**
     * A compact JWE: at most {@code maxBytes}, five non-empty base64url segments (three is a bare JWS: ITSME-1405), a
     * header that is flat enough.
     */
    static void checkJwe(String token, int maxBytes, String what) throws ItsmeRejectedException {
        if (token == null || token.isEmpty()) {
            throw new ItsmeRejectedException(ItsmeMessage.TOKEN_MALFORMED, what, "empty");
        }
        if (token.length() > maxBytes) {
            throw new ItsmeRejectedException(ItsmeMessage.TOKEN_TOO_LARGE, what, maxBytes);
        }
        int segments = 1;
        int segmentStart = 0;
        int firstDot = -1;
        for (int i = 0, n = token.length(); i < n; i++) {
            char c = token.charAt(i);
            if (c == '.') {
                checkSegment(token, segmentStart, i, what);
                if (firstDot < 0) {
                    firstDot = i;
                }
                segments++;
                segmentStart = i + 1;
            } else if (!isBase64Url(c)) {
                throw new ItsmeRejectedException(ItsmeMessage.TOKEN_MALFORMED, what, "not base64url");
            }
        }
        if (segments == 3) {
            // a bare JWS: signed but not encrypted although the client registered encryption
            throw new ItsmeRejectedException(ItsmeMessage.JWE_NOT_NESTED, what);
        }
        if (segments != 5) {
            throw new ItsmeRejectedException(ItsmeMessage.TOKEN_MALFORMED, what, segments + " segments instead of 5");
        }
        checkSegment(token, segmentStart, token.length(), what);
        checkHeader(token.substring(0, firstDot), what);
    }

    /**
     * The decrypted payload must be a compact JWS: ASCII base64url and exactly two dots, a non-empty header; anything
     * else (JSON claims encrypted but never signed, checklist 12) is ITSME-1405. Returns it as text.
     */
    static String checkJws(byte[] jws, String what) throws ItsmeRejectedException {
        int firstDot = -1;
        int secondDot = -1;
        for (int i = 0; i < jws.length; i++) {
            byte b = jws[i];
            if (b == '.') {
                if (firstDot < 0) {
                    firstDot = i;
                } else if (secondDot < 0) {
                    secondDot = i;
                } else {
                    throw new ItsmeRejectedException(ItsmeMessage.JWE_NOT_NESTED, what);
                }
            } else if (b < 0 || !isBase64Url((char) b)) {
                throw new ItsmeRejectedException(ItsmeMessage.JWE_NOT_NESTED, what);
            }
        }
        if (firstDot <= 0 || secondDot < 0) {
            throw new ItsmeRejectedException(ItsmeMessage.JWE_NOT_NESTED, what);
        }
        String text = new String(jws, StandardCharsets.US_ASCII);
        checkHeader(text.substring(0, firstDot), what);
        return text;
    }

    private static void checkSegment(String token, int from, int to, String what) throws ItsmeRejectedException {
        int length = to - from;
        if (length == 0) {
            throw new ItsmeRejectedException(ItsmeMessage.TOKEN_MALFORMED, what, "empty segment");
        }
        if (length % 4 == 1) {
            throw new ItsmeRejectedException(ItsmeMessage.TOKEN_MALFORMED, what, "not base64url");
        }
    }

    private static boolean isBase64Url(char c) {
        return c < 128 && BASE64URL[c];
    }

    /**
     * JOSE headers are flat objects; a deeply nested one can only be an attack on the JSON parser (compare
     * CVE-2025-53864), so depth and size are bounded before jose4j parses it.
     */
    private static void checkHeader(String encodedHeader, String what) throws ItsmeRejectedException {
        if (encodedHeader.length() > MAX_HEADER_CHARS) {
            throw new ItsmeRejectedException(ItsmeMessage.TOKEN_MALFORMED, what, "header too large");
        }
        byte[] json;
        try {
            json = BASE64URL_DECODER.decode(encodedHeader);
        } catch (IllegalArgumentException e) {
            throw new ItsmeRejectedException(ItsmeMessage.TOKEN_MALFORMED, what, "not base64url");
        }
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < json.length; i++) {
            byte b = json[i];
            if (inString) {
                if (b == '\\') {
                    i++;
                } else if (b == '"') {
                    inString = false;
                }
            } else if (b == '"') {
                inString = true;
            } else if (b == '{' || b == '[') {
                if (++depth > MAX_HEADER_DEPTH) {
                    throw new ItsmeRejectedException(ItsmeMessage.TOKEN_MALFORMED, what, "header nested too deeply");
                }
            } else if (b == '}' || b == ']') {
                depth--;
            }
        }
    }

    private static final int MAX_PRINTABLE = 100;

    /**
     * A claim value for a message: printable ASCII only (control, bidirectional and other non-ASCII characters become
     * {@code ?}, so nothing can forge or reorder a log line), at most 100 characters.
     */
    static String printable(String value) {
        StringBuilder sb = new StringBuilder(Math.min(value.length(), MAX_PRINTABLE + 3));
        for (int i = 0; i < value.length() && i < MAX_PRINTABLE; i++) {
            char c = value.charAt(i);
            sb.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        if (value.length() > MAX_PRINTABLE) {
            sb.append("...");
        }
        return sb.toString();
    }

    /** Values from unauthenticated input: only short plain identifiers go into messages. */
    static String safe(Object raw) {
        if (!(raw instanceof String value)) {
            return raw == null ? "(none)" : "(not a string)";
        }
        if (value.length() <= 32 && value.chars().allMatch(c -> c < 128 && (Character.isLetterOrDigit(c) || c == '-'
                || c == '_' || c == '+' || c == '.'))) {
            return value;
        }
        return "(unprintable)";
    }
}
