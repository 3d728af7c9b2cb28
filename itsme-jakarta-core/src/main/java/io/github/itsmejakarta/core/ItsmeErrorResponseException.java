package io.github.itsmejakarta.core;

import java.util.Optional;

/**
 * itsme answered with an OAuth 2.0 error (RFC 6749 4.1.2.1 for the authorization response, 5.2 for the token
 * endpoint). The {@link #error() error code} is kept exactly as itsme spelled it (including the non-standard
 * {@code temporary_unavailable}); the description comes from {@code error_description} or, at itsme's token
 * endpoint, {@code detail}.
 *
 * <p>The description is itsme's text and is not shown to end users by this library; log it at most.
 *
 * <p>Immutable once thrown.
 */
public class ItsmeErrorResponseException extends ItsmeException {
    private static final long serialVersionUID = 1L;

    private final String error;
    private final String description;

    public ItsmeErrorResponseException(ItsmeMessage message, String error, String description) {
        super(message, message.format(error), null);
        this.error = error;
        this.description = description;
    }

    /** The error code as itsme sent it, e.g. {@code access_denied}. */
    public String error() {
        return error;
    }

    /** itsme's human-readable description, if it sent one. */
    public Optional<String> description() {
        return Optional.ofNullable(description);
    }

    /**
     * Whether itsme says it is temporarily unable to serve: {@code temporarily_unavailable} (RFC 6749) or itsme's
     * own spelling {@code temporary_unavailable}.
     */
    public boolean isTemporarilyUnavailable() {
        return "temporarily_unavailable".equals(error) || "temporary_unavailable".equals(error);
    }
}
