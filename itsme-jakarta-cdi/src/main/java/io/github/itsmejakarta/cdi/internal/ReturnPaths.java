package io.github.itsmejakarta.cdi.internal;

import java.util.Optional;

/**
 * Decides whether a URL may be the target of the redirect that ends a login: only a path inside this application, so
 * that the mechanism can never be made into an open redirector (checklist item 31; Keycloak CVE-2024-8883).
 *
 * <p>A return path is accepted when it starts with exactly one {@code /} and holds no backslash, no whitespace or
 * control character and no fragment. That refuses absolute URLs ({@code https://evil}), scheme-relative ones
 * ({@code //evil}), the backslash tricks browsers normalise into those ({@code /\evil}, {@code \/evil}) and the
 * tab/newline variants browsers strip ({@code /\t/evil}). The caller prefixes the context path, so the target stays
 * within the application.
 *
 * <p>Stateless and thread-safe.
 */
public final class ReturnPaths {
    /** Long enough for real paths with a query, short enough to keep a login-state cookie small. */
    static final int MAX_LENGTH = 1024;

    private ReturnPaths() {
    }

    /** {@code candidate} if it is a safe return path, else empty. */
    public static Optional<String> safe(String candidate) {
        if (candidate == null || candidate.isEmpty() || candidate.length() > MAX_LENGTH || candidate.charAt(0) != '/') {
            return Optional.empty();
        }
        if (candidate.length() > 1 && (candidate.charAt(1) == '/' || candidate.charAt(1) == '\\')) {
            return Optional.empty();
        }
        for (int i = 0; i < candidate.length(); i++) {
            char c = candidate.charAt(i);
            if (c <= 0x20 || c == 0x7f || c == '\\' || c == '#' || Character.isWhitespace(c)
                    || Character.isISOControl(c)) {
                return Optional.empty();
            }
        }
        return Optional.of(candidate);
    }
}
