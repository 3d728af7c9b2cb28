package io.github.itsmejakarta.it.probe;

import java.util.Set;

import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Throwaway: proves the harness can run an application-defined mechanism on each server. */
public class ProbeMechanism implements HttpAuthenticationMechanism {

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        String user = request.getHeader("X-Probe-User");
        if (user != null) {
            return context.notifyContainerAboutLogin(user, Set.of("user"));
        }
        return context.isProtected() ? context.responseUnauthorized() : context.doNothing();
    }
}
