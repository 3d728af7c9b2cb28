package io.github.itsmejakarta.it.probe;

import java.io.IOException;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.security.enterprise.SecurityContext;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.base64url.Base64Url;

/** Throwaway: a protected page reporting what the application sees. */
@WebServlet("/protected")
@ServletSecurity(@HttpConstraint(rolesAllowed = "user"))
public class ProbeServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    SecurityContext security;

    @Inject
    @ConfigProperty(name = "probe.greeting")
    String greeting;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setContentType("text/plain");
        resp.getWriter().printf("caller=%s%ngreeting=%s%nuser-role=%s%njose4j=%s%n",
                security.getCallerPrincipal().getName(), greeting, security.isCallerInRole("user"),
                Base64Url.encodeUtf8ByteRepresentation("ok"));
    }
}
