package io.github.itsmejakarta.core;

import java.util.Objects;

/**
 * The root of every failure this library reports. Each carries an {@link ItsmeMessage} whose id
 * ({@code ITSME-1xxx}) is stable and documented, so that logs and error pages can name the problem without
 * exposing a token or key.
 *
 * <p>The subclasses separate what a caller handles differently (after Nimbus JOSE's split of bad input from
 * processing failure):
 * <ul>
 * <li>{@link ItsmeRejectedException}: input that was refused (a bad token, a state mismatch). The user's
 * login fails; retrying the same input never helps.</li>
 * <li>{@link ItsmeErrorResponseException}: itsme answered with an OAuth error code, kept as it came.</li>
 * <li>{@link ItsmeCommunicationException}: itsme could not be reached, timed out or answered 5xx. Often
 * temporary (a container maps it to 503).</li>
 * <li>{@link ItsmeConfigurationException}: the relying party's own settings or keys are wrong.</li>
 * </ul>
 *
 * <p>Instances are immutable once thrown.
 */
public abstract class ItsmeException extends Exception {
    private static final long serialVersionUID = 1L;

    private final ItsmeMessage itsmeMessage;

    protected ItsmeException(ItsmeMessage message, String text, Throwable cause) {
        super(text, cause);
        this.itsmeMessage = Objects.requireNonNull(message, "message");
    }

    /** The catalogue entry behind this failure. */
    public ItsmeMessage itsmeMessage() {
        return itsmeMessage;
    }

    /** The stable message id, e.g. {@code ITSME-1407}. */
    public String messageId() {
        return itsmeMessage.id();
    }
}
