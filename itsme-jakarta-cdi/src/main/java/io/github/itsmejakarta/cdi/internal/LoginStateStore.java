package io.github.itsmejakarta.cdi.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;

/**
 * Keeps logins in progress between the redirect to itsme and the callback. Implementations are single-use: a state
 * is returned by {@link #take} at most once, and removed by it.
 *
 * <p>Implementations are thread-safe.
 */
public interface LoginStateStore {
    /** Remembers {@code login} for this browser. */
    void save(HttpServletRequest request, HttpServletResponse response, LoginState login);

    /**
     * The login of this browser whose state is {@code state}, removed so that it cannot be used again; empty if there
     * is none, it expired, or it was tampered with.
     */
    Optional<LoginState> take(HttpServletRequest request, HttpServletResponse response, String state);
}
