package io.github.itsmejakarta.it.ee11app;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A small bearer-token mechanism for the API: {@code Authorization: Bearer <TOKEN>} logs in the caller
 * {@code api-client} with the group {@code api}; a protected request without it gets 401 with a Bearer challenge
 * (RFC 6750, section 3).
 */
@ApiToken
@ApplicationScoped
public class ApiTokenMechanism implements HttpAuthenticationMechanism {

    /** The one token this test API accepts. */
    public static final String TOKEN = "it-api-token-5f1c0d";
    public static final String CALLER = "api-client";

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.equals("Bearer " + TOKEN)) {
            return context.notifyContainerAboutLogin(new CallerPrincipal(CALLER), Set.of("api"));
        }
        if (authorization == null && !context.isProtected()) {
            return context.doNothing();
        }
        response.setHeader("WWW-Authenticate", authorization == null
                ? "Bearer realm=\"api\""
                : "Bearer realm=\"api\", error=\"invalid_token\"");
        return context.responseUnauthorized();
    }
}
