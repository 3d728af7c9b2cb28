package io.github.itsmejakarta.core;

/**
 * The {@code prompt} values itsme accepts (OIDC Core 3.1.2.1; itsme authorization_request page).
 *
 * <p>Immutable and thread-safe (an enum).
 */
public enum Prompt {
    /** {@code login}: ask the user to authenticate again. */
    LOGIN("login"),
    /** {@code consent}: ask the user to consent again. */
    CONSENT("consent");

    private final String value;

    Prompt(String value) {
        this.value = value;
    }

    /** The value as sent in {@code prompt}. */
    public String value() {
        return value;
    }
}
