package io.github.itsmejakarta.benchmarks.login.floor;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * The container floor of a login ({@code LoginLoad -Dload.app=floor}): a Jakarta Security mechanism that answers the
 * same sequence of requests as the itsme mechanism, with none of its cryptography. An anonymous visitor of a protected
 * page gets a session holding a random {@code state} and a redirect (straight to the callback here: the hop to itsme
 * is the browser's, not the server's); the callback checks {@code state} against the session, changes the session id
 * (as a login must), keeps the caller in the session and redirects to the page; later requests of the session are
 * authenticated from it. With {@code floor.outbound-uri} set, the callback makes one outbound GET there, as the itsme
 * mechanism makes one call to the token endpoint ({@link FloorOutbound}).
 *
 * <p>Benchmark code, never a login: anyone who knows the state logs in. Thread-safe (no state of its own).
 */
@ApplicationScoped
public class FloorMechanism implements HttpAuthenticationMechanism {
    static final String CALLER = "floor.caller";
    static final String STATE = "floor.state";
    static final String CALLBACK = "/itsme/callback";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        HttpSession session = request.getSession(false);
        if (CALLBACK.equals(path)) {
            String state = request.getParameter("state");
            if (session == null || request.getParameter("code") == null || state == null
                    || !state.equals(session.getAttribute(STATE))) {
                return context.responseUnauthorized();
            }
            FloorOutbound.call();
            session.removeAttribute(STATE);
            request.changeSessionId();
            session.setAttribute(CALLER, "floor-" + request.getParameter("code"));
            return context.redirect(request.getContextPath() + "/me");
        }
        Object caller = session == null ? null : session.getAttribute(CALLER);
        if (caller instanceof String name) {
            return context.notifyContainerAboutLogin(name, Set.of("user"));
        }
        if (!context.isProtected()) {
            return context.doNothing();
        }
        String state = random();
        request.getSession(true).setAttribute(STATE, state);
        return context.redirect(request.getContextPath() + CALLBACK + "?code=" + random() + "&state=" + state);
    }

    private static String random() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
