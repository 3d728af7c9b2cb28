package io.github.itsmejakarta.core.internal.http;

import java.util.regex.Pattern;

/**
 * Makes error codes and descriptions received from outside safe to put into exception messages and log lines. The
 * callback's {@code error} and {@code error_description} come from the browser, so anyone can send them: a line
 * break there would forge log lines. Codes must use the characters RFC 6749 4.1.2.1 allows
 * ({@code %x20-21 / %x23-5B / %x5D-7E}); descriptions lose control characters and are cut to a bounded length, and
 * bidirectional controls (U+202A-U+202E, U+2066-U+2069, U+200E, U+200F, U+061C) are removed, since they can make a
 * log line read differently from what it holds (CVE-2021-42574, "Trojan Source").
 *
 * <p>Stateless and thread-safe.
 */
public final class SafeText {
    private static final Pattern ERROR_CODE = Pattern.compile("[\\x20\\x21\\x23-\\x5B\\x5D-\\x7E]{1,100}");
    private static final int MAX_DESCRIPTION = 500;

    /** What replaces an error code that breaks the grammar. */
    public static final String MALFORMED_CODE = "malformed_error_code";

    private SafeText() {
    }

    /** The code as sent when it follows the grammar, else {@value #MALFORMED_CODE}. */
    public static String errorCode(String code) {
        return code != null && ERROR_CODE.matcher(code).matches() ? code : MALFORMED_CODE;
    }

    /**
     * The description without bidirectional controls, other control characters replaced by spaces, at most 500
     * characters; {@code null} stays {@code null}.
     */
    public static String description(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder(Math.min(text.length(), MAX_DESCRIPTION));
        for (int i = 0; i < text.length() && sb.length() < MAX_DESCRIPTION; i++) {
            char c = text.charAt(i);
            if (isBidiControl(c)) {
                continue;
            }
            sb.append(Character.isISOControl(c) || c == '\u2028' || c == '\u2029' ? ' ' : c);
        }
        return sb.toString();
    }

    /** Whether {@code c} is a bidirectional formatting character (Unicode UAX #9, table 4). */
    static boolean isBidiControl(char c) {
        return c >= '\u202A' && c <= '\u202E' || c >= '\u2066' && c <= '\u2069' || c == '\u200E' || c == '\u200F'
                || c == '\u061C';
    }
}
