package io.github.itsmejakarta.cdi;

import io.github.itsmejakarta.core.Service;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * CDI event fired when itsme's callback is refused or cannot be completed: the same moment the user sees the 401 or
 * 503 page. It carries the message id the page and the log show, the flow when it is known (a callback whose state
 * matches no login in progress has none), and the HTTP status answered; never a token, a code or personal data.
 * Observers run synchronously on the callback's request; an observer's exception is logged (ITSME-1771).
 *
 * <p>Immutable and thread-safe.
 *
 * @param messageId the message id, e.g. {@code ITSME-1722}
 * @param service the flow of the login in progress, when one matched
 * @param httpStatus the status of the error page (401 or 503, or 500 for an internal error)
 * @param at when the failure was answered
 */
public record ItsmeLoginFailed(String messageId, Optional<Service> service, int httpStatus, Instant at) {
    public ItsmeLoginFailed {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(at, "at");
    }
}
