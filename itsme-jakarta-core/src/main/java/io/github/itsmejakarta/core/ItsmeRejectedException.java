package io.github.itsmejakarta.core;

/**
 * Input was refused: a token, a callback or a response failed a check. Retrying the same input never helps; the login fails.
 *
 * <p>Immutable once thrown.
 */
public class ItsmeRejectedException extends ItsmeException {
    private static final long serialVersionUID = 1L;

    /** Raises {@code message} with its arguments filled in. */
    public ItsmeRejectedException(ItsmeMessage message, Object... args) {
        this(message, null, args);
    }

    /** Raises {@code message} with its arguments filled in, keeping {@code cause} for the log. */
    public ItsmeRejectedException(ItsmeMessage message, Throwable cause, Object... args) {
        super(message, message.format(args), cause);
    }
}
