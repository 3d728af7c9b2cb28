package io.github.itsmejakarta.cdi;

import io.github.itsmejakarta.core.Service;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * CDI event fired once a callback has been accepted by the identity stores and the caller is logged in (after the new
 * session id, before the redirect back), for every flow: login, share-data and confirm. Observe it to audit logins or
 * to link accounts:
 *
 * <pre>{@code
 * void linked(@Observes ItsmeLoginSucceeded login) {
 *     login.previousSubject().filter(old -> !old.equals(login.subject()))
 *             .ifPresent(old -> accounts.relink(old, login.subject())); // itsme moved the user to a new sub
 * }
 * }</pre>
 *
 * <p>{@code previousSubject} is the {@code sub} of the itsme caller this session held before the callback, if any:
 * itsme may migrate a user to a new {@code sub}, and its documentation advises letting a logged-in user update the
 * linked identifier. Observers run synchronously on the callback's request; an observer's exception is logged
 * (ITSME-1771) and does not undo the login. The event holds no token and no claim beyond {@code sub}; read other
 * claims through {@link ItsmeContext}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param callerName the caller name the identity stores settled on
 * @param subject the ID token's {@code sub}
 * @param service the flow that completed
 * @param acr the {@code acr} value itsme asserted, as received
 * @param firstLoginInSession whether the session held no itsme caller before this callback
 * @param previousSubject the {@code sub} of the itsme caller this session held before, if any
 * @param at when the callback was accepted
 */
public record ItsmeLoginSucceeded(String callerName, String subject, Service service, Optional<String> acr,
        boolean firstLoginInSession, Optional<String> previousSubject, Instant at) {
    public ItsmeLoginSucceeded {
        Objects.requireNonNull(callerName, "callerName");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(acr, "acr");
        Objects.requireNonNull(previousSubject, "previousSubject");
        Objects.requireNonNull(at, "at");
    }
}
