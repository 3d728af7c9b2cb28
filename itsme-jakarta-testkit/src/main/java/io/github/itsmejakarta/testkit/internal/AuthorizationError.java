package io.github.itsmejakarta.testkit.internal;

/**
 * Why an authorization request failed. {@link Invalid} errors are sent back to the redirect URI with
 * {@code error}, {@code error_description} and {@code state}; {@link Unredirectable} ones (bad {@code client_id} or
 * {@code redirect_uri}) are shown on the simulator's own page, as itsme does, never redirected.
 */
public abstract sealed class AuthorizationError extends Exception {

    private static final long serialVersionUID = 1L;

    private final String error;

    AuthorizationError(String error, String description) {
        super(description);
        this.error = error;
    }

    /** The itsme error code. */
    public String error() {
        return error;
    }

    /** The human description (safe to echo: no secrets). */
    public String description() {
        return getMessage();
    }

    /** An error answered by redirect. */
    public static final class Invalid extends AuthorizationError {
        private static final long serialVersionUID = 1L;

        public Invalid(String error, String description) {
            super(error, description);
        }
    }

    /** An error shown on the simulator's page. */
    public static final class Unredirectable extends AuthorizationError {
        private static final long serialVersionUID = 1L;

        public Unredirectable(String error, String description) {
            super(error, description);
        }
    }
}
