package io.github.itsmejakarta.core;

import java.util.Locale;
import java.util.Optional;

/**
 * itsme's authentication context classes ({@code acr_values} in the request, {@code acr} in the ID token), ordered
 * from weakest to strongest.
 *
 * <p>itsme documents the values in lower case, yet ID tokens have been seen with {@code V2} in upper case, so
 * {@link #fromValue(String)} compares case-insensitively (OIDC Core 3.1.2.1 {@code acr_values}; itsme
 * authorization_request page).
 *
 * <p>Immutable and thread-safe (an enum).
 */
public enum Acr {
    /** Fingerprint or code: {@code http://itsme.services/v2/claim/acr_basic} (itsme's default). */
    BASIC("http://itsme.services/v2/claim/acr_basic"),
    /** Code forced: {@code http://itsme.services/v2/claim/acr_advanced}. */
    ADVANCED("http://itsme.services/v2/claim/acr_advanced");

    private final String uri;

    Acr(String uri) {
        this.uri = uri;
    }

    /** The URI sent in {@code acr_values} and expected in the ID token's {@code acr}. */
    public String uri() {
        return uri;
    }

    /** Whether this level is at least as strong as {@code other}. */
    public boolean isAtLeast(Acr other) {
        return compareTo(other) >= 0;
    }

    /**
     * The level whose URI equals {@code value}, ignoring case.
     *
     * @throws IllegalArgumentException if {@code value} names no known level
     */
    public static Acr fromValue(String value) {
        return find(value).orElseThrow(() -> new IllegalArgumentException("Unknown acr value: " + value));
    }

    /** The level whose URI equals {@code value} ignoring case, or empty (also for {@code null}). */
    public static Optional<Acr> find(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String lower = value.trim().toLowerCase(Locale.ROOT);
        for (Acr acr : values()) {
            if (acr.uri.equals(lower)) {
                return Optional.of(acr);
            }
        }
        return Optional.empty();
    }
}
