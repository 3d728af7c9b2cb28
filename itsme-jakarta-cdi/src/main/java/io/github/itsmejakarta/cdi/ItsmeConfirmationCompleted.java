package io.github.itsmejakarta.cdi;

import java.util.Objects;

/**
 * CDI event fired when a Confirm flow completed: the user approved {@link ItsmeConfirmation#approval()} in the itsme
 * app and the callback was accepted for the same person who started it. Fired after {@link ItsmeLoginSucceeded} for
 * the same callback; observers run synchronously and an observer's exception is logged (ITSME-1771).
 *
 * <p>Immutable and thread-safe.
 *
 * @param subject the {@code sub} of the person who approved
 * @param confirmation what was approved, the identity itsme returned and when
 */
public record ItsmeConfirmationCompleted(String subject, ItsmeConfirmation confirmation) {
    public ItsmeConfirmationCompleted {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(confirmation, "confirmation");
    }
}
