package io.github.itsmejakarta.core;

/**
 * itsme could not be reached, did not answer in time, or answered with a server error. Often temporary: containers map it to HTTP 503.
 *
 * <p>Immutable once thrown.
 */
public class ItsmeCommunicationException extends ItsmeException {
    private static final long serialVersionUID = 1L;

    /** Raises {@code message} with its arguments filled in. */
    public ItsmeCommunicationException(ItsmeMessage message, Object... args) {
        this(message, null, args);
    }

    /** Raises {@code message} with its arguments filled in, keeping {@code cause} for the log. */
    public ItsmeCommunicationException(ItsmeMessage message, Throwable cause, Object... args) {
        super(message, message.format(args), cause);
    }
}
