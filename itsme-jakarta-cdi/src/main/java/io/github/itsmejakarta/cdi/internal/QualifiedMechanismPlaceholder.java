package io.github.itsmejakarta.cdi.internal;

import io.github.itsmejakarta.cdi.ItsmeCdiMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one unqualified mechanism of a deployment whose itsme mechanism is qualified (Jakarta Security 4.0, 2.4.1),
 * added by the extension only then.
 *
 * <p>Why it exists: Open Liberty 26.0.0.5 ({@code appSecurity-6.0}) looks up each mechanism class of a module with
 * {@code BeanManager.getBeans(type)}, that is with {@code @Default}, before it hands the request to the application's
 * {@code HttpAuthenticationMechanismHandler}. With only qualified mechanisms it finds none and refuses every request
 * to the module ({@code CWWKS1912E}, then 401 everywhere), although it would call the application's handler and never
 * the mechanism it found. This bean is what it finds. Servers that ask the handler directly (Payara 7) never see it.
 *
 * <p>It never authenticates anyone: a server that calls it in place of a handler (an application that qualified the
 * itsme mechanism but provides no handler selecting it) gets a refusal on protected resources, nothing on public
 * ones, and the log says once what is missing (ITSME-1762). Fails closed.
 *
 * <p>Thread-safe (stateless apart from the once-only log flag).
 */
@ApplicationScoped
public class QualifiedMechanismPlaceholder implements HttpAuthenticationMechanism {
    private static final Logger LOG = Logger.getLogger(QualifiedMechanismPlaceholder.class.getName());
    private final AtomicBoolean warned = new AtomicBoolean();

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        if (!context.isProtected()) {
            return context.doNothing();
        }
        if (warned.compareAndSet(false, true)) {
            LOG.log(Level.WARNING, ItsmeCdiMessage.QUALIFIED_MECHANISM_NOT_SELECTED.format());
        }
        return context.responseUnauthorized();
    }
}
