package io.github.itsmejakarta.cdi.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Logins in progress in the HTTP session (the default): a small map from state to {@link LoginState} under one
 * attribute, so that a user may run a few logins at once (tabs) and a flood of started logins cannot grow the session
 * without bound ({@value #MAX_PENDING} at most, oldest dropped). Entries past their expiry are never returned.
 *
 * <p>A login pushed out of the map (the oldest, or an expired one) tells {@code dropped} its request object id, so that
 * its request object stops being served at once: only logins still in progress can have theirs fetched.
 *
 * <p>Single use: {@link #take} removes the entry under the map's lock, so two concurrent callbacks with one state
 * cannot both get it on one node; re-setting the attribute afterwards lets a replicating container see the change.
 *
 * <p>Thread-safe.
 */
public final class SessionLoginStateStore implements LoginStateStore {
    static final String ATTRIBUTE = "io.github.itsmejakarta.cdi.pending-logins";
    static final int MAX_PENDING = 4;

    private final Clock clock;
    private final Consumer<String> dropped;

    public SessionLoginStateStore(Clock clock) {
        this(clock, id -> {
        });
    }

    /** @param dropped receives the request object id of every login dropped from a session */
    public SessionLoginStateStore(Clock clock, Consumer<String> dropped) {
        this.clock = clock;
        this.dropped = dropped;
    }

    @Override
    public void save(HttpServletRequest request, HttpServletResponse response, LoginState login) {
        HttpSession session = request.getSession(true);
        // instanceof, not a cast: after a redeployment a persisted session holds the old class loader's map (or
        // anything else under the name); its logins cannot complete here anyway, so a fresh map replaces it
        PendingLogins logins = session.getAttribute(ATTRIBUTE) instanceof PendingLogins p ? p : new PendingLogins();
        List<LoginState> pushedOut = logins.put(login, clock);
        session.setAttribute(ATTRIBUTE, logins);
        for (LoginState old : pushedOut) {
            if (old.requestObjectId() != null) {
                dropped.accept(old.requestObjectId());
            }
        }
    }

    @Override
    public Optional<LoginState> take(HttpServletRequest request, HttpServletResponse response, String state) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return Optional.empty();
        }
        Object attribute = session.getAttribute(ATTRIBUTE);
        if (!(attribute instanceof PendingLogins logins)) {
            return Optional.empty();
        }
        Optional<LoginState> login = logins.remove(state, clock);
        if (logins.isEmpty()) {
            session.removeAttribute(ATTRIBUTE);
        } else {
            session.setAttribute(ATTRIBUTE, logins);
        }
        return login;
    }

    /** The session attribute. Thread-safe through its own lock. */
    static final class PendingLogins implements Serializable {
        private static final long serialVersionUID = 1L;
        private final LinkedHashMap<String, LoginState> byState = new LinkedHashMap<>();

        /** @return the logins dropped to make room: expired ones, then the oldest */
        synchronized List<LoginState> put(LoginState login, Clock clock) {
            List<LoginState> pushedOut = new ArrayList<>();
            Iterator<LoginState> all = byState.values().iterator();
            while (all.hasNext()) {
                LoginState l = all.next();
                if (l.pending().isExpired(clock)) {
                    pushedOut.add(l);
                    all.remove();
                }
            }
            while (byState.size() >= MAX_PENDING) {
                Iterator<Map.Entry<String, LoginState>> oldest = byState.entrySet().iterator();
                pushedOut.add(oldest.next().getValue());
                oldest.remove();
            }
            byState.put(login.pending().state(), login);
            return pushedOut;
        }

        synchronized Optional<LoginState> remove(String state, Clock clock) {
            LoginState login = byState.remove(state);
            if (login == null || login.pending().isExpired(clock)) {
                return Optional.empty();
            }
            return Optional.of(login);
        }

        synchronized boolean isEmpty() {
            return byState.isEmpty();
        }
    }
}
