package io.github.itsmejakarta.core;

/**
 * The relying party's own settings or keys are wrong or incomplete. Raised when a client is built, never for a user's input.
 *
 * <p>Immutable once thrown.
 */
public class ItsmeConfigurationException extends ItsmeException {
    private static final long serialVersionUID = 1L;

    /** Raises {@code message} with its arguments filled in. */
    public ItsmeConfigurationException(ItsmeMessage message, Object... args) {
        this(message, null, args);
    }

    /** Raises {@code message} with its arguments filled in, keeping {@code cause} for the log. */
    public ItsmeConfigurationException(ItsmeMessage message, Throwable cause, Object... args) {
        super(message, message.format(args), cause);
    }
}
